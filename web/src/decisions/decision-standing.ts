/**
 * Where a decision stands, as the traffic light the office reads at a glance: red when overdue,
 * yellow when due within `WARNING_DAYS` working days (or today), green otherwise; grey once closed.
 * The working days come from the server (the body's regional calendar); this only classifies. Pure.
 */

/** Working days left at or below which an open decision shows yellow. */
export const WARNING_DAYS = 3;

export type StandingLight = 'red' | 'yellow' | 'green' | 'grey';

export type Standing =
  | { light: 'grey'; kind: 'closed' }
  | { light: 'red'; kind: 'overdue'; days: number }
  | { light: 'yellow'; kind: 'today' }
  | { light: 'yellow' | 'green'; kind: 'left'; days: number };

/** The fields of a decision the standing needs (as the API answers them). */
export interface StandingFacts {
  status: string;
  overdue: boolean;
  workingDaysLeft: number | null;
  workingDaysOverdue: number | null;
}

export function decisionStanding(item: StandingFacts): Standing {
  if (item.status === 'closed') return { light: 'grey', kind: 'closed' };
  if (item.overdue) return { light: 'red', kind: 'overdue', days: item.workingDaysOverdue ?? 1 };
  const left = item.workingDaysLeft ?? 0;
  if (left === 0) return { light: 'yellow', kind: 'today' };
  return { light: left <= WARNING_DAYS ? 'yellow' : 'green', kind: 'left', days: left };
}
