/**
 * The calendar services on the database: the working-day calendar loaded from the stored notices
 * answers as the domain's acceptance cases say, a region's own holidays move its deadlines, and a
 * holiday notice is previewed, applied once (audited), applied again to no effect, and refused when
 * unreadable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { loadRegionCalendar, normalizeRegionCode } from '../../src/services/calendar/region-calendar.ts';
import { applyNotice, listNotices, previewNotice } from '../../src/services/calendar/holiday-notices.ts';
import { getYearView } from '../../src/services/calendar/calendar-views.ts';
import { NATIONAL_ACCEPTANCE } from '../domain/calendar/acceptance-cases.ts';
import { describeServices } from './service-context.ts';
import { account } from './factories.ts';

const NOTICE_2025 = fs.readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/calendar/2025-state-council-holiday-notice.txt'),
  'utf8',
);

describeServices('calendar (services)', (s) => {
  it('answers the national acceptance cases from the calendar it loads', async () => {
    const national = await loadRegionCalendar(s.db, { regionCode: null });
    for (const [start, n, expected] of NATIONAL_ACCEPTANCE) expect(national.addWorkingDays(start, n).result, `${start} + ${n}`).toBe(expected);
  });

  it("moves a region's deadlines by its own holidays, and names a bad region code", async () => {
    const region = await loadRegionCalendar(s.db, { regionCode: '450300' });
    const national = await loadRegionCalendar(s.db, { regionCode: null });
    expect(region.addWorkingDays('2026-04-16', 7).result).toBe('2026-04-28');
    expect(national.addWorkingDays('2026-04-16', 7).result).not.toBe('2026-04-28');
    expect(() => normalizeRegionCode('12345', 'region')).toThrow(expect.objectContaining({ field: 'region' }));
    const year = await getYearView(s.db, { year: 2026, region: '450300' });
    expect(year.days.length).toBe(365);
  });

  it('previews, applies once and re-applies a holiday notice to no effect; refuses an unreadable one', async () => {
    const admin = await account(s, { systemRoles: ['system_admin'] });
    const preview = await previewNotice(s.db, { text: NOTICE_2025, clock: s.clock });
    expect(preview).toMatchObject({ canApply: true, scope: 'national' });
    expect(preview.parsed.year).toBe(2025);

    const applied = await applyNotice(s.db, { text: NOTICE_2025, origin: s.origin(admin), clock: s.clock });
    expect(applied.notice).toMatchObject({ scope: 'national', year: 2025 });
    const again = await applyNotice(s.db, { text: NOTICE_2025, origin: s.origin(admin), clock: s.clock });
    expect(again.changed).toBe(false);
    expect(again.notice.id).toBe(applied.notice.id);
    expect((await listNotices(s.db, { scope: 'national', year: 2025 })).map((n) => n.id)).toContain(applied.notice.id);
    expect(applied.changed).toBe(true);
    const audit = await s.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1`, [applied.notice.id]);
    expect(audit.map((a) => a.action)).toEqual(['calendar.notice_apply']);

    await expect(applyNotice(s.db, { text: '这不是放假通知。', origin: s.origin(admin), clock: s.clock })).rejects.toMatchObject({
      status: 422,
      field: 'text',
    });
  });
});
