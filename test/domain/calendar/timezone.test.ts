import { afterAll, describe, expect, it } from 'vitest';
import { createWorkingDayCalendar, defaultCalendarData, weekdayOf } from '../../../src/domain/calendar/index.ts';
import { NATIONAL_ACCEPTANCE } from './acceptance-cases.ts';
import { shanghaiDateOf } from '../../../src/domain/time/shanghai-date.ts';

// Node applies a change of process.env.TZ to Date at once; the answers must not move with it.
const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

const JANUARY_OFFSETS: Record<string, number> = { UTC: 0, 'America/Los_Angeles': 480, 'Asia/Shanghai': -480, 'Pacific/Kiritimati': -840 };

describe.each(Object.keys(JANUARY_OFFSETS))('under TZ=%s', (zone) => {
  it('gives the acceptance answers', () => {
    process.env.TZ = zone;
    expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(JANUARY_OFFSETS[zone]);
    const calendar = createWorkingDayCalendar(defaultCalendarData());
    for (const [start, n, expected] of NATIONAL_ACCEPTANCE) expect(calendar.addWorkingDays(start, n).result).toBe(expected);
    expect(calendar.addWorkingDays('2026-04-16', 7, '450300').result).toBe('2026-04-28');
    expect(weekdayOf('2026-09-28')).toBe(1);
  });

  it('takes today from Asia/Shanghai', () => {
    process.env.TZ = zone;
    expect(shanghaiDateOf(new Date('2026-09-27T16:00:00Z'))).toBe('2026-09-28');
    expect(shanghaiDateOf(new Date('2026-09-27T15:59:59Z'))).toBe('2026-09-27');
  });
});

describe('the zone switch itself', () => {
  it('takes effect in this process', () => {
    process.env.TZ = 'America/Los_Angeles';
    const losAngeles = new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset();
    process.env.TZ = 'UTC';
    const utc = new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset();
    expect(losAngeles).toBe(420);
    expect(utc).toBe(0);
  });
});
