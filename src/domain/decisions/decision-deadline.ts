/**
 * The deadline (办理时限) of a decided item when it is assigned: a date on or after the issue date,
 * a number of working days after it, or the charter's handling-deadline rule (its co-handled days
 * when there are co-handling units). Counted on the body's working-day calendar, which says whether
 * the answer is provisional. Pure: the calendar is passed in; bad input comes back as a refusal.
 */
import type { Charter } from '../charter/charter-types.ts';
import { isIsoDate } from '../calendar/iso-date.ts';
import { handlingDeadlineRule, ruleClause } from './decision-status.ts';

/** How a deadline was set (stored with every deadline a decision had). */
export type DeadlineBasis =
  | { kind: 'date' }
  | { kind: 'working_days'; days: number }
  | { kind: 'charter_default'; days: number; coHandled: boolean; clause: string | null }
  | { kind: 'extension'; extensionRequestId: string };

/** How the minutes state a decided item's deadline. */
export type DeadlineSpec = { kind: 'date'; date: string } | { kind: 'working_days'; days: number } | { kind: 'charter_default' };

/** What the deadline computation needs of a working-day calendar (bound to the body's region). */
export interface DeadlineCalendar {
  isWorkingDay(date: string): { provisional: boolean; reasons: string[] };
  addWorkingDays(start: string, workingDays: number): { result: string; provisional: boolean; reasons: string[] };
}

export interface ComputedDeadline {
  deadline: string;
  provisional: boolean;
  reasons: string[];
  basis: DeadlineBasis;
}

/** Why a deadline cannot be computed: a stable code, the Chinese message, the field at fault. */
export interface DeadlineRefusal {
  code: 'invalid_date' | 'deadline_before_issue' | 'invalid_working_days' | 'no_handling_deadline_rule';
  message: string;
  field: string;
}

export type DeadlineResult = { ok: true; deadline: ComputedDeadline } | { ok: false; refusal: DeadlineRefusal };

/**
 * A deadline given as a date: on or after the issue date; provisional when that day's answer is.
 * `startLabel` names the start date in the refusal (印发日期 for minutes, 批办日期 for an incoming document).
 */
export function dateDeadline(options: { calendar: DeadlineCalendar; issuedOn: string; date: string; field: string; startLabel?: string }): DeadlineResult {
  const { calendar, issuedOn, date, field, startLabel = '印发日期' } = options;
  if (!isIsoDate(date)) return { ok: false, refusal: { code: 'invalid_date', message: '日期格式应为 YYYY-MM-DD', field } };
  if (date < issuedOn) {
    return { ok: false, refusal: { code: 'deadline_before_issue', message: `办理时限（${date}）不能早于${startLabel}（${issuedOn}）`, field } };
  }
  const day = calendar.isWorkingDay(date);
  return { ok: true, deadline: { deadline: date, provisional: day.provisional, reasons: day.reasons, basis: { kind: 'date' } } };
}

/** The n-th working day after the issue date. */
export function workingDaysDeadline(options: { calendar: DeadlineCalendar; issuedOn: string; days: number; basis: DeadlineBasis }): ComputedDeadline {
  const answer = options.calendar.addWorkingDays(options.issuedOn, options.days);
  return { deadline: answer.result, provisional: answer.provisional, reasons: answer.reasons, basis: options.basis };
}

/**
 * The deadline of one decided item issued on `issuedOn`: its date, its working days (1 to 1000), or
 * the charter's handling-deadline rule (refused when the charter has none). `field` names the item's
 * deadline in refusals.
 */
export function computeDeadline(options: {
  calendar: DeadlineCalendar;
  charter: Charter;
  issuedOn: string;
  deadline: DeadlineSpec;
  coHandled: boolean;
  field: string;
  /** The start date's name in refusals (default 印发日期) */
  startLabel?: string;
}): DeadlineResult {
  const { calendar, charter, issuedOn, field, startLabel } = options;
  const spec = options.deadline;
  if (spec.kind === 'date') return dateDeadline({ calendar, issuedOn, date: spec.date, field: `${field}.date`, startLabel });
  if (spec.kind === 'working_days') {
    if (!Number.isInteger(spec.days) || spec.days < 1 || spec.days > 1000) {
      return { ok: false, refusal: { code: 'invalid_working_days', message: '办理时限的工作日数应为 1 至 1000 的整数', field: `${field}.days` } };
    }
    return { ok: true, deadline: workingDaysDeadline({ calendar, issuedOn, days: spec.days, basis: { kind: 'working_days', days: spec.days } }) };
  }
  const rule = handlingDeadlineRule(charter);
  if (rule === null) {
    return {
      ok: false,
      refusal: { code: 'no_handling_deadline_rule', message: '本机构制度未规定办理时限，请为该事项指定日期或工作日数', field },
    };
  }
  const days = options.coHandled && rule.coHandledWorkingDays !== null ? rule.coHandledWorkingDays : rule.workingDays;
  const basis: DeadlineBasis = { kind: 'charter_default', days, coHandled: options.coHandled, clause: ruleClause(charter, rule).clause };
  return { ok: true, deadline: workingDaysDeadline({ calendar, issuedOn, days, basis }) };
}
