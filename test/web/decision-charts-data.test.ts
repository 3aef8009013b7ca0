import { describe, expect, it } from 'vitest';
import { completionOverTime, overdueByUnit } from '../../web/src/decisions/decision-charts-data.ts';
import { decisionStanding } from '../../web/src/decisions/decision-standing.ts';

const item = (unit: string, status: string, overdue: boolean, issuedOn: string, closedAt: string | null = null) => ({
  status,
  overdue,
  leadUnit: { unitId: unit, name: `单位${unit}` },
  issuedOn,
  closedAt,
});

describe('overdueByUnit', () => {
  it('counts open and overdue decisions per lead unit, most overdue first, closed ones left out', () => {
    const bars = overdueByUnit([
      item('a', 'in_progress', false, '2025-01-02'),
      item('b', 'assigned', true, '2025-01-02'),
      item('b', 'in_progress', true, '2025-01-02'),
      item('a', 'assigned', true, '2025-01-02'),
      item('c', 'closed', false, '2025-01-02', '2025-02-01T02:00:00Z'),
    ]);
    expect(bars).toEqual([
      { unitId: 'b', name: '单位b', open: 2, overdue: 2 },
      { unitId: 'a', name: '单位a', open: 2, overdue: 1 },
    ]);
  });
});

describe('completionOverTime', () => {
  it('counts assigned by issue month and closed by closing month in China time, filling empty months', () => {
    const points = completionOverTime([
      item('a', 'closed', false, '2024-11-20', '2025-01-31T17:00:00Z'),
      item('a', 'in_progress', false, '2024-11-28'),
      item('b', 'assigned', false, '2025-02-03'),
    ]);
    expect(points).toEqual([
      { month: '2024-11', assigned: 2, closed: 0 },
      { month: '2024-12', assigned: 0, closed: 0 },
      { month: '2025-01', assigned: 0, closed: 0 },
      { month: '2025-02', assigned: 1, closed: 1 },
    ]);
    expect(completionOverTime([])).toEqual([]);
  });
});

describe('decisionStanding', () => {
  const open = { status: 'in_progress', overdue: false, workingDaysOverdue: null };
  it('is red when overdue, yellow within three working days or on the day, green before, grey when closed', () => {
    expect(decisionStanding({ status: 'assigned', overdue: true, workingDaysLeft: null, workingDaysOverdue: 2 })).toEqual({ light: 'red', kind: 'overdue', days: 2 });
    expect(decisionStanding({ ...open, workingDaysLeft: 0 })).toEqual({ light: 'yellow', kind: 'today' });
    expect(decisionStanding({ ...open, workingDaysLeft: 3 })).toEqual({ light: 'yellow', kind: 'left', days: 3 });
    expect(decisionStanding({ ...open, workingDaysLeft: 4 })).toEqual({ light: 'green', kind: 'left', days: 4 });
    expect(decisionStanding({ status: 'closed', overdue: false, workingDaysLeft: null, workingDaysOverdue: null })).toEqual({ light: 'grey', kind: 'closed' });
  });
});
