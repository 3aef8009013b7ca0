/**
 * Memberships over time. A membership holds during the half-open period
 * `[validFrom, validTo)` of ISO dates: it starts on `validFrom` and has ended on `validTo`
 * (null: still holds). Changing a membership on day D ends the old one with `validTo = D` and
 * starts the new one with `validFrom = D`, so that on every day exactly one of them holds.
 * Pure: no I/O.
 */

import { isIsoDate } from '../calendar/iso-date.ts';

export interface Period {
  validFrom: string;
  validTo: string | null;
}

/** Whether the period holds on `date` (ISO). */
export function holdsOn(period: Period, date: string): boolean {
  return period.validFrom <= date && (period.validTo === null || date < period.validTo);
}

/** The items holding on `date`, in their given order. */
export function holdingOn<T extends Period>(items: readonly T[], date: string): T[] {
  return items.filter((item) => holdsOn(item, date));
}

export type PeriodProblem = 'invalid_from' | 'invalid_to' | 'ends_before_start';

/** Checks a period's dates; null when it is sound. */
export function checkPeriod(period: Period): PeriodProblem | null {
  if (!isIsoDate(period.validFrom)) return 'invalid_from';
  if (period.validTo !== null && !isIsoDate(period.validTo)) return 'invalid_to';
  if (period.validTo !== null && period.validTo <= period.validFrom) return 'ends_before_start';
  return null;
}

export type EndProblem = 'invalid_date' | 'already_ended' | 'before_start';

/**
 * Checks ending `period` on `date` (its new `validTo`). A membership can only be ended once, and
 * not on or before the day it started (that would leave an empty period: correct it instead).
 */
export function checkEnd(period: Period, date: string): EndProblem | null {
  if (!isIsoDate(date)) return 'invalid_date';
  if (period.validTo !== null) return 'already_ended';
  if (date <= period.validFrom) return 'before_start';
  return null;
}
