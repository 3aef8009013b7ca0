import { describe, expect, it } from 'vitest';
import {
  checkConsecutiveWorkingDays,
  coverageWarning,
  createWorkingDayCalendar,
  defaultCalendarData,
  type LoadedNotice,
} from '../../../src/domain/calendar/index.ts';

const base = defaultCalendarData();

describe('checkConsecutiveWorkingDays', () => {
  it('finds nothing in the shipped 2025 and 2026 calendars', () => {
    const calendar = createWorkingDayCalendar(base);
    expect(checkConsecutiveWorkingDays(calendar, 2025)).toEqual([]);
    expect(checkConsecutiveWorkingDays(calendar, 2026)).toEqual([]);
  });

  it('flags more than 6 consecutive working days around a holiday from 2025 on', () => {
    // Make-up working days on both weekend days before a holiday: 2027-09-20 (Mon) … 2027-09-30 (Thu) is 11 days.
    const notice: LoadedNotice = {
      scope: 'national',
      year: 2027,
      holidays: ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
      makeUpWorkingDays: ['2027-09-25', '2027-09-26'],
      sourceTitle: 'test',
      loadedAt: '2026-11-01T00:00:00Z',
    };
    const findings = checkConsecutiveWorkingDays(createWorkingDayCalendar(defaultCalendarData([notice])), 2027);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('2027-09-20 至 2027-09-30 连续工作 11 天');
  });

  it('does not apply the rule before 2025', () => {
    const calendar = createWorkingDayCalendar(base);
    // 2019: with 2019-02-02 (Sat) and 02-03 (Sun) worked before 春节, 01-28 … 02-03 was a 7-day run.
    expect(calendar.workingDaysBetween('2019-01-27', '2019-02-03').workingDays).toBe(7);
    expect(checkConsecutiveWorkingDays(calendar, 2019)).toEqual([]);
  });
});

describe('coverageWarning', () => {
  it('warns from 1 November while next year is not loaded', () => {
    expect(coverageWarning('2026-10-31', base)).toBeNull();
    expect(coverageWarning('2026-11-01', base)).toMatchObject({ code: 'next_year_not_loaded' });
    const loaded: LoadedNotice = { scope: 'national', year: 2027, holidays: ['2027-01-01'], makeUpWorkingDays: [], sourceTitle: 't', loadedAt: '2026-11-02T00:00:00Z' };
    expect(coverageWarning('2026-11-15', defaultCalendarData([loaded]))).toBeNull();
  });

  it('warns whenever the current year is not loaded', () => {
    expect(coverageWarning('2028-03-01', base)).toMatchObject({ code: 'current_year_not_loaded' });
  });
});
