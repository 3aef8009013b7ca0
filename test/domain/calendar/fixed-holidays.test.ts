/**
 * Fixed-date statutory holidays are known before the State Council's yearly notice: a deadline
 * counted into a year not yet announced skips 元旦, 劳动节 and 国庆节, and stays provisional (its
 * bridges and make-up days are not known).
 */
import { describe, expect, it } from 'vitest';
import { defaultCalendarData } from '../../../src/domain/calendar/calendar-data.ts';
import { fixedStatutoryHolidays } from '../../../src/domain/calendar/fixed-holidays.ts';
import { createWorkingDayCalendar } from '../../../src/domain/calendar/working-day-calendar.ts';

const calendar = createWorkingDayCalendar(defaultCalendarData());
const future = Math.max(...calendar.nationalYears()) + 1;

describe('fixed-date statutory holidays', () => {
  it('lists 元旦, 劳动节 (two days since 2025) and 国庆节', () => {
    expect(fixedStatutoryHolidays(2027)).toEqual({
      '2027-01-01': '元旦',
      '2027-05-01': '劳动节',
      '2027-05-02': '劳动节',
      '2027-10-01': '国庆节',
      '2027-10-02': '国庆节',
      '2027-10-03': '国庆节',
    });
    expect(Object.keys(fixedStatutoryHolidays(2024))).not.toContain('2024-05-02');
  });

  it('makes 1 January of a year not yet announced a holiday, provisional for the year', () => {
    const day = calendar.isWorkingDay(`${future}-01-01`);
    expect(day.isWorkingDay).toBe(false);
    expect(day.kind).toBe('holiday');
    expect(day.festival).toBe('元旦');
    expect(day.provisional).toBe(true);
    const october = calendar.isWorkingDay(`${future}-10-02`);
    expect(october.isWorkingDay).toBe(false);
  });

  it('counts 30 working days from 2 December over 1 January (2026-12-02 → not 2027-01-13)', () => {
    expect(calendar.nationalYears()).toContain(2026);
    expect(calendar.isNationallyCovered(2027)).toBe(false);
    const answer = calendar.addWorkingDays('2026-12-02', 30);
    // December 2026 after the 2nd has 20 working days (3–31, weekdays), 1 January 2027 a Friday holiday
    expect(answer.result).toBe('2027-01-14');
    expect(answer.provisional).toBe(true);
  });

  it('leaves an announced year to its notice', () => {
    const announced = Math.min(...calendar.nationalYears().filter((y) => y >= 2025));
    const day = calendar.isWorkingDay(`${announced}-05-02`);
    expect(day.provisional).toBe(false);
  });
});
