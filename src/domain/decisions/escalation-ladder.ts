/**
 * The escalation ladder of supervision (督办): which rung an open decided item stands on today, from
 * its deadline and the working days before or past it on the body's calendar. Pure: no I/O.
 *
 * Rungs, in order (each fires once per item and deadline):
 * - `before`: from N working days before the deadline (the body's reminder lead time) — the units;
 * - `due`: on the day — the units;
 * - `overdue`: past the deadline — the lead unit and the office;
 * - `overdue_member`: M working days overdue (default 5) — repeated, raised to the lead unit's member;
 * - `overdue_convener`: K working days overdue (default 10) — the convener and deputies; the item
 *   goes into the next circular's 通报 list.
 */

export const ESCALATION_RUNGS = ['none', 'before', 'due', 'overdue', 'overdue_member', 'overdue_convener'] as const;
export type EscalationRung = (typeof ESCALATION_RUNGS)[number];

/** Rungs that send a message (every rung but `none`). */
export type FiringRung = Exclude<EscalationRung, 'none'>;

export const ESCALATION_RUNG_NAMES: Record<EscalationRung, string> = {
  none: '未到提醒期',
  before: '临期提醒',
  due: '当日到期',
  overdue: '逾期督办',
  overdue_member: '逾期升级至成员',
  overdue_convener: '逾期报召集人',
};

/** A body's ladder; defaults apply when the office has set none. */
export interface EscalationSettings {
  /** Working days before the deadline the first reminder goes out */
  reminderDaysBefore: number;
  /** Working days overdue after which the reminder is repeated and raised to the lead unit's member */
  memberAfterDays: number;
  /** Working days overdue after which it goes to the convener and deputies (and the circular) */
  convenerAfterDays: number;
}

export const DEFAULT_MEMBER_AFTER_DAYS = 5;
export const DEFAULT_CONVENER_AFTER_DAYS = 10;

/** Where an open item stands, in working days on the body's calendar. */
export interface RungInput {
  /** Today, ISO date (Asia/Shanghai) */
  today: string;
  deadline: string;
  /** Working days from today to the deadline when it lies ahead (0 on the day); null once overdue */
  workingDaysLeft: number | null;
  /** Working days past the deadline; null when not overdue */
  workingDaysOverdue: number | null;
}

/** Refuses a ladder that could not be climbed in order. Returns the problem, or null when sound. */
export function ladderProblem(settings: EscalationSettings): { field: keyof EscalationSettings; message: string } | null {
  const whole = (n: number) => Number.isInteger(n) && n >= 1;
  if (!whole(settings.reminderDaysBefore)) return { field: 'reminderDaysBefore', message: '提前提醒的工作日数须为正整数' };
  if (!whole(settings.memberAfterDays)) return { field: 'memberAfterDays', message: '升级至成员的逾期工作日数须为正整数' };
  if (!whole(settings.convenerAfterDays)) return { field: 'convenerAfterDays', message: '报召集人的逾期工作日数须为正整数' };
  if (settings.convenerAfterDays <= settings.memberAfterDays) {
    return { field: 'convenerAfterDays', message: '报召集人的逾期工作日数须大于升级至成员的逾期工作日数' };
  }
  return null;
}

/**
 * The rung an open item stands on today. The deadline is compared by date (a weekend after the
 * deadline is already overdue, by at least 1 working day, as `deadlineStanding` counts it).
 */
export function currentRung(input: RungInput, settings: EscalationSettings): EscalationRung {
  if (input.today > input.deadline) {
    const overdue = Math.max(1, input.workingDaysOverdue ?? 1);
    if (overdue >= settings.convenerAfterDays) return 'overdue_convener';
    if (overdue >= settings.memberAfterDays) return 'overdue_member';
    return 'overdue';
  }
  if (input.today === input.deadline) return 'due';
  const left = input.workingDaysLeft ?? Number.POSITIVE_INFINITY;
  return left <= settings.reminderDaysBefore ? 'before' : 'none';
}

/** Position of a rung on the ladder (none = 0). */
export function rungLevel(rung: EscalationRung): number {
  return ESCALATION_RUNGS.indexOf(rung);
}

/** Who a rung's message goes to, by role. */
export interface RungAudience {
  /** The lead unit's liaison */
  leadLiaison: boolean;
  /** The lead unit's member (its leader on the body) */
  leadMember: boolean;
  /** Co-handling units' liaisons */
  coUnits: boolean;
  office: boolean;
  /** The convener and deputy conveners */
  conveners: boolean;
}

const AUDIENCES: Record<FiringRung, RungAudience> = {
  before: { leadLiaison: true, leadMember: false, coUnits: true, office: false, conveners: false },
  due: { leadLiaison: true, leadMember: false, coUnits: true, office: false, conveners: false },
  overdue: { leadLiaison: true, leadMember: false, coUnits: true, office: true, conveners: false },
  overdue_member: { leadLiaison: true, leadMember: true, coUnits: true, office: true, conveners: false },
  overdue_convener: { leadLiaison: true, leadMember: true, coUnits: true, office: true, conveners: true },
};

export function rungAudience(rung: FiringRung): RungAudience {
  return AUDIENCES[rung];
}

/** Whether an item on this rung is listed in the next circular's 通报 list. */
export function listedInCircular(rung: EscalationRung): boolean {
  return rung === 'overdue_convener';
}

/** Counts of items per rung (every rung present, zero when none). */
export function countByRung(rungs: readonly EscalationRung[]): Record<EscalationRung, number> {
  const counts = Object.fromEntries(ESCALATION_RUNGS.map((r) => [r, 0])) as Record<EscalationRung, number>;
  for (const rung of rungs) counts[rung] += 1;
  return counts;
}
