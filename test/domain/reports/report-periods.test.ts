import { describe, expect, it } from 'vitest';
import { parsePeriodKey, periodOf, previousPeriod, twelveMonthsTo } from '../../../src/domain/reports/report-periods.ts';
import { periodOpenFor, reminderDue, tallyLine } from '../../../src/domain/reports/report-tally.ts';

describe('reporting periods', () => {
  it('names months, quarters, half years and years, with their first and last days', () => {
    expect(periodOf('2024-02-10', 1)).toMatchObject({ key: '2024-02', start: '2024-02-01', end: '2024-02-29', label: '2024年2月' });
    expect(periodOf('2021-05-31', 3)).toMatchObject({ key: '2021-Q2', start: '2021-04-01', end: '2021-06-30', label: '2021年第二季度' });
    expect(periodOf('2021-07-01', 6)).toMatchObject({ key: '2021-H2', start: '2021-07-01', end: '2021-12-31', label: '2021年下半年' });
    expect(periodOf('2021-07-01', 12)).toMatchObject({ key: '2021', start: '2021-01-01', end: '2021-12-31' });
  });

  it('parses a key only for its own period length', () => {
    expect(parsePeriodKey('2021-03', 1)?.end).toBe('2021-03-31');
    expect(parsePeriodKey('2021-13', 1)).toBeNull();
    expect(parsePeriodKey('2021-Q1', 1)).toBeNull();
    expect(parsePeriodKey('2021-Q4', 3)?.start).toBe('2021-10-01');
    expect(parsePeriodKey('2021-03', 3)).toBeNull();
  });

  it('steps back over the year end and lists twelve months', () => {
    expect(previousPeriod(periodOf('2021-01-15', 1)).key).toBe('2020-12');
    expect(previousPeriod(periodOf('2021-02-15', 3)).key).toBe('2020-Q4');
    expect(twelveMonthsTo('2021-03-29')).toEqual(['2020-04', '2020-05', '2020-06', '2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12', '2021-01', '2021-02', '2021-03']);
  });
});

describe('the tally', () => {
  const march = periodOf('2021-03-01', 1);
  it('is met, due while open, missing once the period ended; a period is open only within its days', () => {
    expect(tallyLine({ reporterId: 'g', reporterName: '组', period: march, due: 1, counted: 1, today: '2021-03-02' }).status).toBe('met');
    expect(tallyLine({ reporterId: 'g', reporterName: '组', period: march, due: 2, counted: 1, today: '2021-03-31' })).toMatchObject({ status: 'due', missing: 1 });
    expect(tallyLine({ reporterId: 'g', reporterName: '组', period: march, due: 1, counted: 0, today: '2021-04-01' }).status).toBe('missing');
    expect([periodOpenFor(march, '2021-02-28'), periodOpenFor(march, '2021-03-31'), periodOpenFor(march, '2021-04-01')]).toEqual(['not_yet', 'open', 'closed']);
  });

  it('reminds within the lead time before the end, only while short', () => {
    const short = (today: string) => tallyLine({ reporterId: 'g', reporterName: '组', period: march, due: 1, counted: 0, today });
    expect(reminderDue({ period: march, today: '2021-03-26', daysBefore: 5, line: short('2021-03-26') })).toBe(false);
    expect(reminderDue({ period: march, today: '2021-03-27', daysBefore: 5, line: short('2021-03-27') })).toBe(true);
    expect(reminderDue({ period: march, today: '2021-03-31', daysBefore: 5, line: short('2021-03-31') })).toBe(true);
    const met = tallyLine({ reporterId: 'g', reporterName: '组', period: march, due: 1, counted: 1, today: '2021-03-30' });
    expect(reminderDue({ period: march, today: '2021-03-30', daysBefore: 5, line: met })).toBe(false);
  });
});
