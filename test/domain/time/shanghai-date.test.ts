import { describe, expect, it } from 'vitest';
import { shanghaiDateOf } from '../../../src/domain/time/shanghai-date.ts';

describe('the Asia/Shanghai date of an instant', () => {
  it('turns at 16:00 UTC (midnight in China), across months, years and leap days', () => {
    expect(shanghaiDateOf(new Date('2024-01-31T16:30:00Z'))).toBe('2024-02-01');
    expect(shanghaiDateOf(new Date('2024-01-31T15:30:00Z'))).toBe('2024-01-31');
    expect(shanghaiDateOf(new Date('2025-12-31T15:59:59.999Z'))).toBe('2025-12-31');
    expect(shanghaiDateOf(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(shanghaiDateOf(new Date('2024-02-28T16:00:00Z'))).toBe('2024-02-29');
  });

  it('gives the same day as the Intl time zone database every three hours of a year', () => {
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3 * 3_600_000 + 60_000) {
      const instant = new Date(t);
      expect(shanghaiDateOf(instant)).toBe(intl.format(instant));
    }
  });
});
