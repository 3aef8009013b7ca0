/**
 * The tally of a quota: per reporter and period, how many reports count (submitted, accepted or
 * adopted — a returned one does not), against how many are due, and the status — `met`, `due`
 * (the period is open and the count short) or `missing` (the period ended short). Pure.
 */
import type { OfferStatus } from './report-types.ts';
import type { ReportPeriod } from './report-periods.ts';

export type TallyStatus = 'met' | 'due' | 'missing';

/** Whether an offer in this status counts towards the quota. */
export function offerCounts(status: OfferStatus): boolean {
  return status !== 'returned';
}

export interface TallyLine {
  reporterId: string;
  reporterName: string;
  period: string;
  due: number;
  counted: number;
  missing: number;
  status: TallyStatus;
}

/** One reporter's line for a period on `today`. */
export function tallyLine(options: { reporterId: string; reporterName: string; period: ReportPeriod; due: number; counted: number; today: string }): TallyLine {
  const { period, due, counted, today } = options;
  const missing = Math.max(0, due - counted);
  const status: TallyStatus = missing === 0 ? 'met' : today > period.end ? 'missing' : 'due';
  return { reporterId: options.reporterId, reporterName: options.reporterName, period: period.key, due, counted, missing, status };
}

/**
 * Whether the reminder before the period's end is due on `today`: the period is open, it ends
 * within `daysBefore` calendar days, and the reporter is still short.
 */
export function reminderDue(options: { period: ReportPeriod; today: string; daysBefore: number; line: TallyLine }): boolean {
  const { period, today, daysBefore, line } = options;
  if (line.status !== 'due') return false;
  if (today < period.start || today > period.end) return false;
  const daysLeft = Math.round((Date.parse(`${period.end}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return daysLeft < daysBefore;
}

/** Whether a submission for `period` is accepted on `today`: only the open period takes reports. */
export function periodOpenFor(period: ReportPeriod, today: string): 'open' | 'closed' | 'not_yet' {
  if (today > period.end) return 'closed';
  if (today < period.start) return 'not_yet';
  return 'open';
}
