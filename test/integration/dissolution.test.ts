import { describe, expect, it } from 'vitest';
import { dissolveBodiesPastSunset } from '../../src/services/dissolution-service.ts';
import { describeDatabases } from './harness.ts';
import { bodyUser, foundingText, publishTestBody } from './factories/bodies.ts';

interface Summary {
  id: string;
  status: string;
  sunsetDate: string | null;
  dissolvedOn: string | null;
  memberUnitCount: number;
  activity: { lastMeetingAt: string | null; openDecisions: number; overdueDecisions: number } | null;
}

describeDatabases('dissolution', (t) => {
  describe('the bodies list', () => {
    it('shows each body with its member unit count, sunset date and dissolution date', async () => {
      const app = await t.app();
      const { text, tag } = foundingText({ units: ['省商务厅', '省财政厅', '省教育厅'] });
      const published = await publishTestBody(t, { text: text.replace('三、工作规则', '联席会议试点任务结束后（2030年12月底）自行撤销。\n三、工作规则') });
      const list = await app.inject({ method: 'GET', url: `/api/bodies?q=${encodeURIComponent(tag)}`, headers: { cookie: published.adminCookie } });
      expect(list.statusCode, list.body).toBe(200);
      const [item] = list.json<{ items: Summary[] }>().items;
      expect(item).toMatchObject({ id: published.id, status: 'active', memberUnitCount: 3, sunsetDate: '2030-12-31', dissolvedOn: null });
      // The system administrator holds no role inside the body: its activity is not shown.
      expect(item?.activity).toBeNull();
      const office = await bodyUser(t, published.id, 'office_staff');
      const asOffice = await app.inject({ method: 'GET', url: `/api/bodies?q=${encodeURIComponent(tag)}`, headers: { cookie: office.cookie } });
      expect(asOffice.json<{ items: Summary[] }>().items[0]?.activity).toEqual({ lastMeetingAt: null, openDecisions: 0, overdueDecisions: 0 });
    });
  });

  describe('dissolving a body', () => {
    it('is recorded by the office, audited, ends every membership and refuses a second dissolution', async () => {
      const app = await t.app();
      const published = await publishTestBody(t);
      const office = await bodyUser(t, published.id, 'office_staff');
      const viewer = await bodyUser(t, published.id, 'viewer');
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(t.clock.now());

      const refused = await app.inject({
        method: 'POST',
        url: `/api/bodies/${published.id}/dissolve`,
        headers: { cookie: viewer.cookie },
        payload: { on: today, reason: '工作任务已完成' },
      });
      expect(refused.statusCode).toBe(403);

      const missingReason = await app.inject({
        method: 'POST',
        url: `/api/bodies/${published.id}/dissolve`,
        headers: { cookie: office.cookie },
        payload: { on: today, reason: '' },
      });
      expect(missingReason.statusCode).toBe(400);
      expect(missingReason.json<{ error: { field?: string } }>().error.field).toBe('reason');

      const future = await app.inject({
        method: 'POST',
        url: `/api/bodies/${published.id}/dissolve`,
        headers: { cookie: office.cookie },
        payload: { on: '2999-01-01', reason: '工作任务已完成' },
      });
      expect(future.statusCode).toBe(400);
      expect(future.json<{ error: { code: string; field?: string } }>().error).toMatchObject({ code: 'dissolution_in_future', field: 'on' });

      const done = await app.inject({
        method: 'POST',
        url: `/api/bodies/${published.id}/dissolve`,
        headers: { cookie: office.cookie },
        payload: { on: today, reason: '工作任务已完成' },
      });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json<Summary>()).toMatchObject({ status: 'dissolved', dissolvedOn: today, memberUnitCount: 0 });

      const open = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM memberships WHERE body_id = $1 AND (valid_to IS NULL OR valid_to > $2)`,
        [published.id, today],
      );
      expect(open[0]?.n).toBe(0);
      const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'body.dissolve'`, [published.id]);
      expect(audit).toHaveLength(1);

      const again = await app.inject({
        method: 'POST',
        url: `/api/bodies/${published.id}/dissolve`,
        headers: { cookie: office.cookie },
        payload: { on: today, reason: '重复' },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json<{ error: { code: string } }>().error.code).toBe('body_dissolved');

      // A dissolved body holds no more meetings.
      const meeting = await app.inject({
        method: 'POST',
        url: `/api/bodies/${published.id}/meetings`,
        headers: { cookie: office.cookie },
        payload: { kind: 'plenary', title: '全体会议', startsAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString() },
      });
      expect(meeting.statusCode, meeting.body).toBe(409);
      expect(meeting.json<{ error: { code: string } }>().error.code).toBe('body_dissolved');
    });

    it('dissolves a body the day after its sunset date, once, however often the sweep runs', async () => {
      const { text } = foundingText();
      const published = await publishTestBody(t, { text: text.replace('三、工作规则', '联席会议试点任务结束后（2024年12月底）自行撤销。\n三、工作规则') });
      const first = await dissolveBodiesPastSunset(t.db, { clock: t.clock });
      expect(first.dissolved).toContain(published.id);
      const second = await dissolveBodiesPastSunset(t.db, { clock: t.clock });
      expect(second.dissolved).not.toContain(published.id);
      const rows = await t.sql<{ status: string; dissolved_on: string }>(`SELECT status, dissolved_on::text AS dissolved_on FROM bodies WHERE id = $1`, [published.id]);
      expect(rows[0]).toEqual({ status: 'dissolved', dissolved_on: '2025-01-01' });
      const audit = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'body.dissolve_at_sunset'`, [published.id]);
      expect(audit[0]?.n).toBe(1);
    });
  });
});
