import { describe, expect, it } from 'vitest';
import { sunsetCountdown } from '../../web/src/bodies/sunset.ts';

describe('sunsetCountdown', () => {
  it('counts calendar days to the sunset date', () => {
    expect(sunsetCountdown('2025-03-01', '2025-02-27')).toEqual({ kind: 'future', days: 2 });
    expect(sunsetCountdown('2026-01-01', '2025-12-31')).toEqual({ kind: 'future', days: 1 });
  });

  it('tells the day itself and days past it', () => {
    expect(sunsetCountdown('2025-03-01', '2025-03-01')).toEqual({ kind: 'today' });
    expect(sunsetCountdown('2025-03-01', '2025-03-11')).toEqual({ kind: 'overdue', days: 10 });
  });

  it('has no countdown without a readable date', () => {
    expect(sunsetCountdown(null, '2025-03-01')).toEqual({ kind: 'none' });
    expect(sunsetCountdown('工作完成后', '2025-03-01')).toEqual({ kind: 'none' });
  });
});
