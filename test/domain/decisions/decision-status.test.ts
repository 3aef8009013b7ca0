import { describe, expect, it } from 'vitest';
import { deadlineStanding, dueReminder, nextStatus } from '../../../src/domain/decisions/decision-status.ts';
import type { DecisionStatus, DecisionStep } from '../../../src/domain/decisions/decision-status.ts';

describe('decision status transitions', () => {
  const statuses: DecisionStatus[] = ['assigned', 'in_progress', 'completion_reported', 'closed'];
  const allowed: Record<DecisionStep, Partial<Record<DecisionStatus, DecisionStatus>>> = {
    report_progress: { assigned: 'in_progress', in_progress: 'in_progress' },
    report_completion: { assigned: 'completion_reported', in_progress: 'completion_reported' },
    close: { completion_reported: 'closed' },
    send_back: { completion_reported: 'in_progress' },
  };
  for (const [step, table] of Object.entries(allowed) as [DecisionStep, Partial<Record<DecisionStatus, DecisionStatus>>][]) {
    it(`${step}: only from the statuses it is declared for`, () => {
      for (const status of statuses) expect(nextStatus(status, step), `${status} ${step}`).toBe(table[status] ?? null);
    });
  }
});

describe('deadline standing', () => {
  it('counts working days left, zero on the day, and overdue after it (at least one)', () => {
    expect(deadlineStanding('2025-03-10', '2025-03-12', 2)).toEqual({ workingDaysLeft: 2, workingDaysOverdue: null, overdue: false });
    expect(deadlineStanding('2025-03-12', '2025-03-12', 0)).toEqual({ workingDaysLeft: 0, workingDaysOverdue: null, overdue: false });
    expect(deadlineStanding('2025-03-14', '2025-03-12', -2)).toEqual({ workingDaysLeft: null, workingDaysOverdue: 2, overdue: true });
    // Deadline on a Friday, today Saturday: overdue by one although no working day followed
    expect(deadlineStanding('2025-03-15', '2025-03-14', 0).workingDaysOverdue).toBe(1);
  });
});

describe('due reminder', () => {
  const deadline = '2025-09-10';
  const remindFrom = '2025-09-08';
  it('is nothing before the lead time, then before, due on the day, overdue after, keyed by the deadline', () => {
    expect(dueReminder({ today: '2025-09-05', deadline, remindFrom })).toBeNull();
    expect(dueReminder({ today: '2025-09-08', deadline, remindFrom })).toEqual({ kind: 'before', dueDate: deadline });
    expect(dueReminder({ today: '2025-09-09', deadline, remindFrom })).toEqual({ kind: 'before', dueDate: deadline });
    expect(dueReminder({ today: '2025-09-10', deadline, remindFrom })).toEqual({ kind: 'due', dueDate: deadline });
    expect(dueReminder({ today: '2025-09-20', deadline, remindFrom })).toEqual({ kind: 'overdue', dueDate: deadline });
  });
});
