import { describe, expect, it } from 'vitest';
import { addDays, datesBetween, isIsoDate, makeIsoDate, weekdayName, weekdayOf } from '../../../src/domain/calendar/index.ts';

describe('iso dates', () => {
  it('validates real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(makeIsoDate(2025, 2, 29)).toBeNull();
  });

  it('does day arithmetic across months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(datesBetween('2025-01-30', '2025-02-02')).toEqual(['2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02']);
    expect(weekdayOf('2025-01-01')).toBe(3);
    expect(weekdayName('2026-04-20')).toBe('周一');
  });
});
