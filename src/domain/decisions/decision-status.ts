/**
 * Decided items (议定事项) under supervision (督办): their status transitions, where a deadline stands
 * on the working-day calendar, and which reminders are due. Pure: no I/O, no framework.
 */
import type { Charter, HandlingDeadlineRule } from '../charter/charter-types.ts';

/** Every status of a decision, in workflow order (the contracts' enum is this list). */
export const DECISION_STATUSES = ['assigned', 'in_progress', 'completion_reported', 'closed'] as const;

export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** The workflow steps that change a decision's status. */
export type DecisionStep = 'report_progress' | 'report_completion' | 'close' | 'send_back';

/** Statuses each step may start from, and where it leads. */
const STEPS: Record<DecisionStep, { from: readonly DecisionStatus[]; to: DecisionStatus }> = {
  report_progress: { from: ['assigned', 'in_progress'], to: 'in_progress' },
  report_completion: { from: ['assigned', 'in_progress'], to: 'completion_reported' },
  close: { from: ['completion_reported'], to: 'closed' },
  send_back: { from: ['completion_reported'], to: 'in_progress' },
};

export const DECISION_STATUS_NAMES: Record<DecisionStatus, string> = {
  assigned: '已交办',
  in_progress: '办理中',
  completion_reported: '已报办结',
  closed: '已销号',
};

/** The status a step leads to, or null when the step is not allowed from `status`. */
export function nextStatus(status: DecisionStatus, step: DecisionStep): DecisionStatus | null {
  const rule = STEPS[step];
  return rule.from.includes(status) ? rule.to : null;
}

/** Whether an extension may be requested or decided in this status. */
export function isOpen(status: DecisionStatus): boolean {
  return status !== 'closed';
}

/** Where a deadline stands today, in working days. */
export interface DeadlineStanding {
  /** Working days from today to the deadline (0 on the day); null when overdue */
  workingDaysLeft: number | null;
  /** Working days past the deadline; null when not overdue */
  workingDaysOverdue: number | null;
  overdue: boolean;
}

/**
 * Derives the standing of an open decision from `between` = workingDaysBetween(today, deadline):
 * positive or zero → days left; a deadline before today → overdue by the working days after it up
 * to and including today (at least 1, even over a weekend).
 */
export function deadlineStanding(today: string, deadline: string, between: number): DeadlineStanding {
  if (deadline >= today) return { workingDaysLeft: Math.max(0, between), workingDaysOverdue: null, overdue: false };
  return { workingDaysLeft: null, workingDaysOverdue: Math.max(1, -between), overdue: true };
}

/** The charter's handling-deadline rule (办理时限), the first one stated. */
export function handlingDeadlineRule(charter: Charter): HandlingDeadlineRule | null {
  for (const rule of charter.rules) if (rule.type === 'handling_deadline') return rule;
  return null;
}

/** The clause a rule is stated in, as an AppError cites it. */
export function ruleClause(
  charter: Charter,
  rule: { document: number; clause: string | null; source: { start: number; end: number } },
): { document: string | null; clause: string | null; text: string } {
  return {
    document: charter.documents[rule.document]?.title ?? null,
    clause: rule.clause,
    text: charter.normalizedText.slice(rule.source.start, rule.source.end),
  };
}

export type ReminderKind = 'before' | 'due' | 'overdue';

/**
 * The reminder an open decision is due for today, keyed by its deadline (an extension gives new
 * reminders): overdue after the deadline, due on the day, before from `remindFrom` (N working days
 * before the deadline) until the day before. Null when none is due yet.
 */
export function dueReminder(options: { today: string; deadline: string; remindFrom: string }): { kind: ReminderKind; dueDate: string } | null {
  const { today, deadline, remindFrom } = options;
  if (today > deadline) return { kind: 'overdue', dueDate: deadline };
  if (today === deadline) return { kind: 'due', dueDate: deadline };
  if (today >= remindFrom) return { kind: 'before', dueDate: deadline };
  return null;
}
