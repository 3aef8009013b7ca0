/**
 * Where each open decided item of a body stands on the escalation ladder today (derived, never
 * stored), and the office's dashboard of items by rung.
 */
import type { Clock } from '../../config/clock.ts';
import type { DbOrTx } from '../../db/database.ts';
import { addDays } from '../../domain/calendar/iso-date.ts';
import { deadlineStanding } from '../../domain/decisions/decision-status.ts';
import type { DeadlineStanding } from '../../domain/decisions/decision-status.ts';
import { ESCALATION_RUNG_NAMES, countByRung, currentRung, listedInCircular } from '../../domain/decisions/escalation-ladder.ts';
import type { EscalationRung, EscalationSettings } from '../../domain/decisions/escalation-ladder.ts';
import { listDecisionViews } from '../../repositories/decision-repository.ts';
import type { DecisionView } from '../../repositories/decision-repository.ts';
import { findBodyById } from '../../repositories/body-repository.ts';
import { AppError } from '../../errors/app-error.ts';
import { loadBodyCalendar } from '../calendar/region-calendar.ts';
import type { RegionCalendar } from '../calendar/region-calendar.ts';
import { getSupervisionSettings } from './supervision-settings.ts';
import type { SupervisionSettings } from './supervision-settings.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';

/** One open item on the ladder. */
export interface EscalationStanding {
  decisionId: string;
  itemNo: number;
  text: string;
  leadUnit: { unitId: string; name: string };
  deadline: string;
  workingDaysLeft: number | null;
  workingDaysOverdue: number | null;
  rung: EscalationRung;
  rungName: string;
  /** Listed in the next circular's 通报 list */
  inCircular: boolean;
}

/** Where an open item with this deadline stands today on the body's calendar and ladder. */
function openStanding(today: string, deadline: string, calendar: RegionCalendar, settings: EscalationSettings): DeadlineStanding & { rung: EscalationRung } {
  const between = calendar.workingDaysBetween(today, deadline);
  const standing = deadlineStanding(today, deadline, between.workingDays);
  return { ...standing, rung: currentRung({ today, deadline, ...standing }, settings) };
}

/** The rung of one decision view today on the body's calendar. */
export function standingOf(view: DecisionView, today: string, calendar: RegionCalendar, settings: EscalationSettings): EscalationStanding {
  const open = openStanding(today, view.deadline, calendar, settings);
  const standing = { workingDaysLeft: open.workingDaysLeft, workingDaysOverdue: open.workingDaysOverdue };
  const rung = view.status === 'closed' ? 'none' : open.rung;
  return {
    decisionId: view.id,
    itemNo: view.itemNo,
    text: view.text,
    leadUnit: { unitId: view.leadUnitId, name: view.leadUnitName },
    deadline: view.deadline,
    workingDaysLeft: standing.workingDaysLeft,
    workingDaysOverdue: standing.workingDaysOverdue,
    rung,
    rungName: ESCALATION_RUNG_NAMES[rung],
    inCircular: listedInCircular(rung),
  };
}

/**
 * The deadlines on which an open item fires a rung today, as plain calendar dates (the working days
 * of the body's calendar already counted): `before` for a deadline in (today, beforeUntil], `due` on
 * today, `overdue` in [overdueFrom, today), `overdue_member` in [memberFrom, overdueFrom) and
 * `overdue_convener` before memberFrom. A deadline after beforeUntil fires nothing yet. The bounds
 * are found by asking `currentRung` itself day by day outward from today (the rung only climbs as the
 * deadline moves back), so a read by these dates picks exactly the items `standingOf` puts on a rung.
 */
export interface LadderWindows {
  today: string;
  beforeUntil: string;
  overdueFrom: string;
  memberFrom: string;
}

/** Days walked outward from today at most (ten years: far beyond any ladder the settings allow). */
const WINDOW_WALK_LIMIT = 3660;

export function ladderWindows(today: string, calendar: RegionCalendar, settings: EscalationSettings): LadderWindows {
  const rungOn = (deadline: string): EscalationRung => openStanding(today, deadline, calendar, settings).rung;
  /** The last day from `start` stepping by `step` while the day's rung stays `rung`. */
  const walk = (start: string, step: 1 | -1, rung: EscalationRung): string => {
    let last = start;
    for (let i = 0; i < WINDOW_WALK_LIMIT; i++) {
      const next = addDays(last, step);
      if (rungOn(next) !== rung) break;
      last = next;
    }
    return last;
  };
  const beforeUntil = walk(today, 1, 'before');
  const overdueFrom = walk(today, -1, 'overdue');
  const memberFrom = walk(overdueFrom, -1, 'overdue_member');
  return { today, beforeUntil, overdueFrom, memberFrom };
}

/** The rung of every open item of a body today (a closed item stands on no rung). */
export async function listEscalationStandings(db: DbOrTx, options: { bodyId: string; clock: Clock; at?: Date }): Promise<EscalationStanding[]> {
  const today = shanghaiDateOf(options.at ?? options.clock.now());
  const calendar = await loadBodyCalendar(db, { bodyId: options.bodyId });
  const settings = await getSupervisionSettings(db, { bodyId: options.bodyId });
  const views = await listDecisionViews(db, { bodyId: options.bodyId, openOnly: true });
  return views.map((view) => standingOf(view, today, calendar, settings));
}

export interface EscalationDashboard {
  bodyId: string;
  today: string;
  settings: SupervisionSettings;
  /** Items per rung, every rung present */
  counts: Record<EscalationRung, number>;
  /** Open items, highest rung first */
  items: EscalationStanding[];
}

/** The office's dashboard: open items by rung, highest first, and the ladder in force. */
export async function getEscalationDashboard(db: DbOrTx, options: { bodyId: string; clock: Clock }): Promise<EscalationDashboard> {
  const body = await findBodyById(db, options.bodyId);
  if (!body) throw new AppError('body_not_found', '议事协调机构不存在', { field: 'bodyId' });
  const items = await listEscalationStandings(db, options);
  const order: EscalationRung[] = ['overdue_convener', 'overdue_member', 'overdue', 'due', 'before', 'none'];
  items.sort((a, b) => order.indexOf(a.rung) - order.indexOf(b.rung) || (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.itemNo - b.itemNo));
  return {
    bodyId: options.bodyId,
    today: shanghaiDateOf(options.clock.now()),
    settings: await getSupervisionSettings(db, { bodyId: options.bodyId }),
    counts: countByRung(items.map((i) => i.rung)),
    items,
  };
}
