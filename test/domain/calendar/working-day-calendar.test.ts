import { describe, expect, it } from 'vitest';
import {
  InvalidDateError,
  UnknownRegionError,
  createWorkingDayCalendar,
  defaultCalendarData,
  type LoadedNotice,
} from '../../../src/domain/calendar/index.ts';
import { NATIONAL_ACCEPTANCE } from './acceptance-cases.ts';

const calendar = createWorkingDayCalendar(defaultCalendarData());

const notice2027: LoadedNotice = {
  scope: 'national',
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  makeUpWorkingDays: [],
  sourceTitle: '国务院办公厅关于2027年部分节假日安排的通知',
  loadedAt: '2026-11-20T02:00:00.000Z',
};

const guangxi2026: LoadedNotice = {
  scope: '450000',
  year: 2026,
  holidays: ['2026-04-19', '2026-04-20'],
  makeUpWorkingDays: [],
  sourceTitle: '广西壮族自治区人民政府办公厅关于2026年“壮族三月三”放假的通知',
  loadedAt: '2026-03-01T02:00:00.000Z',
};

describe('acceptance (national)', () => {
  it.each(NATIONAL_ACCEPTANCE)('%s + %i working days = %s', (start, n, expected) => {
    const answer = calendar.addWorkingDays(start, n);
    expect(answer.result).toBe(expected);
    expect(answer.provisional).toBe(false);
    expect(answer.reasons).toEqual([]);
  });
});

describe('acceptance (桂林, 广西 三月三)', () => {
  it('2026-04-16 + 7 working days is 2026-04-28 in 桂林, provisional until 广西 2026 is loaded', () => {
    const answer = calendar.addWorkingDays('2026-04-16', 7, '450300');
    expect(answer.result).toBe('2026-04-28');
    expect(answer.provisional).toBe(true);
    expect(answer.reasons.join()).toContain('广西壮族自治区2026年“壮族三月三”');
    expect(calendar.isWorkingDay('2026-04-20', '450300')).toMatchObject({ isWorkingDay: false, kind: 'regional_holiday', festival: '壮族三月三' });
    expect(calendar.isWorkingDay('2026-04-20')).toMatchObject({ isWorkingDay: true, kind: 'workday', provisional: false });
  });

  it('is not provisional once 广西 2026 notice is loaded', () => {
    const loaded = createWorkingDayCalendar(defaultCalendarData([guangxi2026]));
    const answer = loaded.addWorkingDays('2026-04-16', 7, '450300');
    expect(answer).toMatchObject({ result: '2026-04-28', provisional: false, reasons: [] });
  });

  it('applies to every code under 广西 (county 450381 荔浦市 via 桂林) and not elsewhere', () => {
    expect(calendar.addWorkingDays('2026-04-16', 7, '450381').result).toBe('2026-04-28');
    expect(calendar.addWorkingDays('2026-04-16', 7, '450000').result).toBe('2026-04-28');
    expect(calendar.addWorkingDays('2026-04-16', 7, '440100').result).toBe('2026-04-27');
  });

  it('a loaded regional notice overrides the computed days', () => {
    const moved: LoadedNotice = { ...guangxi2026, holidays: ['2026-04-20', '2026-04-21'], makeUpWorkingDays: ['2026-04-25'] };
    const loaded = createWorkingDayCalendar(defaultCalendarData([moved]));
    expect(loaded.isWorkingDay('2026-04-21', '450300').isWorkingDay).toBe(false);
    expect(loaded.isWorkingDay('2026-04-25', '450300')).toMatchObject({ isWorkingDay: true, kind: 'regional_make_up_working_day' });
  });

  it('uses the reported 2017 arrangement: 4月1日 off in 广西 though a national make-up day', () => {
    expect(calendar.isWorkingDay('2017-04-01').isWorkingDay).toBe(true);
    expect(calendar.isWorkingDay('2017-04-01', '450100').isWorkingDay).toBe(false);
    expect(calendar.isWorkingDay('2017-04-08', '450100').isWorkingDay).toBe(true);
  });
});

describe('acceptance (into an unloaded year)', () => {
  it('2026-12-25 + 7 reaches 2027 and is provisional until 2027 is loaded', () => {
    const before = calendar.addWorkingDays('2026-12-25', 7);
    expect(before.result.startsWith('2027-')).toBe(true);
    expect(before.provisional).toBe(true);
    expect(before.reasons.join()).toContain('2027年');

    const after = createWorkingDayCalendar(defaultCalendarData([notice2027])).addWorkingDays('2026-12-25', 7);
    expect(after.provisional).toBe(false);
    expect(after.result).toBe('2027-01-06');
  });

  it('a year with no data answers by weekends and its fixed-date holidays, provisional', () => {
    expect(calendar.isWorkingDay('2030-01-01')).toMatchObject({ isWorkingDay: false, kind: 'holiday', festival: '元旦', provisional: true });
    const answer = calendar.isWorkingDay('2030-01-02');
    expect(answer).toMatchObject({ isWorkingDay: true, kind: 'workday', provisional: true });
    expect(calendar.isWorkingDay('2030-01-05')).toMatchObject({ isWorkingDay: false, kind: 'weekend', provisional: true });
  });
});

describe('regions whose holidays are announced yearly', () => {
  it('新疆 answers are provisional in a year with no known 肉孜节/古尔邦节 dates', () => {
    const answer = calendar.addWorkingDays('2026-03-02', 3, '650100');
    expect(answer.provisional).toBe(true);
    expect(answer.reasons.join()).toContain('新疆维吾尔自治区2026年肉孜节');
  });

  it('新疆 2025 reported days count as days off', () => {
    expect(calendar.isWorkingDay('2025-03-31', '650100').isWorkingDay).toBe(false);
    expect(calendar.isWorkingDay('2025-03-31').isWorkingDay).toBe(true);
  });
});

describe('isWorkingDay', () => {
  it('knows holidays, make-up days, weekends', () => {
    expect(calendar.isWorkingDay('2025-10-01')).toMatchObject({ isWorkingDay: false, kind: 'holiday', festival: '国庆节' });
    expect(calendar.isWorkingDay('2025-09-28')).toMatchObject({ isWorkingDay: true, kind: 'make_up_working_day' });
    expect(calendar.isWorkingDay('2025-11-08')).toMatchObject({ isWorkingDay: false, kind: 'weekend' });
    expect(calendar.isWorkingDay('2025-11-10')).toMatchObject({ isWorkingDay: true, kind: 'workday', provisional: false });
  });

  it('a later-loaded notice for the same year replaces an earlier one', () => {
    const later: LoadedNotice = { ...notice2027, holidays: ['2027-01-01'], loadedAt: '2026-12-01T00:00:00.000Z' };
    const c = createWorkingDayCalendar(defaultCalendarData([later, notice2027]));
    expect(c.isWorkingDay('2027-01-01').isWorkingDay).toBe(false);
    expect(c.noticeFor('national', 2027)?.loadedAt).toBe(later.loadedAt);
  });
});

describe('workingDaysBetween and bad input', () => {
  it('counts (a, b] forwards and negates [b, a) backwards', () => {
    expect(calendar.workingDaysBetween('2026-09-28', '2026-10-13').workingDays).toBe(7);
    expect(calendar.workingDaysBetween('2026-10-13', '2026-09-28').workingDays).toBe(-7);
    expect(calendar.workingDaysBetween('2026-10-13', '2026-10-13').workingDays).toBe(0);
    expect(calendar.addWorkingDays('2026-10-13', -7).result).toBe('2026-09-28');
  });

  it('rejects bad dates, regions and counts with clear errors', () => {
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(InvalidDateError);
    expect(() => calendar.addWorkingDays('2026/02/03', 1)).toThrow('YYYY-MM-DD');
    expect(() => calendar.isWorkingDay('2026-02-03', '999999')).toThrow(UnknownRegionError);
    expect(() => calendar.addWorkingDays('2026-02-03', 1.5)).toThrow('整数');
  });

  it('covers 2004 to the latest snapshot year', () => {
    const years = calendar.nationalYears();
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBeGreaterThanOrEqual(2026);
    expect(calendar.data.national.years['2025']?.notice).toEqual({ title: '国务院办公厅关于2025年部分节假日安排的通知', docNumber: '国办发明电〔2024〕12号' });
  });
});
