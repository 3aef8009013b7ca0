import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar, defaultCalendarData, fromDayNumber, toDayNumber } from '../../../src/domain/calendar/index.ts';
import { propertyRuns } from '../property-runs.ts';

const calendar = createWorkingDayCalendar(defaultCalendarData());
const date = fc.integer({ min: toDayNumber('2004-01-01'), max: toDayNumber('2027-12-31') }).map(fromDayNumber);
const region = fc.constantFrom(undefined, '450300', '650100', '110105', '320681');

describe('working-day properties', () => {
  it('addWorkingDays(d, n) is a working day for n ≥ 1', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), region, (d, n, r) => {
        const result = calendar.addWorkingDays(d, n, r).result;
        expect(calendar.isWorkingDay(result, r).isWorkingDay).toBe(true);
        expect(result > d).toBe(true);
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) = n, forwards and backwards', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -60, max: 60 }), region, (d, n, r) => {
        const result = calendar.addWorkingDays(d, n, r).result;
        expect(calendar.workingDaysBetween(d, result, r).workingDays).toBe(n);
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});
