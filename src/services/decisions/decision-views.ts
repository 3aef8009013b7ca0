/**
 * Decisions as readers see them: each item with its standing derived from the deadline and today on
 * the body's working-day calendar (never stored), the body's and a unit's lists.
 */
import type { Clock } from '../../config/clock.ts';
import type { DbOrTx } from '../../db/database.ts';
import { DECISION_STATUS_NAMES, deadlineStanding, isOpen } from '../../domain/decisions/decision-status.ts';
import type { DecisionStatus } from '../../domain/decisions/decision-status.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { listDecisionViews } from '../../repositories/decision-repository.ts';
import type { DecisionView, ListDecisionsFilter } from '../../repositories/decision-repository.ts';
import { loadBodyCalendar } from '../calendar/region-calendar.ts';
import type { RegionCalendar } from '../calendar/region-calendar.ts';
import { getDecisionView } from './decision-context.ts';
import { currentRung } from '../../domain/decisions/escalation-ladder.ts';
import type { EscalationRung, EscalationSettings } from '../../domain/decisions/escalation-ladder.ts';
import { getSupervisionSettings } from '../supervision/supervision-settings.ts';

export interface DecisionItem {
  id: string;
  bodyId: string;
  meetingId: string;
  minutesId: string;
  itemNo: number;
  text: string;
  leadUnit: { unitId: string; name: string };
  coUnits: { unitId: string; name: string }[];
  issuedOn: string;
  deadline: string;
  /** The deadline rests on a calendar answer that is not final (e.g. a regional holiday not yet announced) */
  deadlineProvisional: boolean;
  deadlineProvisionalReasons: string[];
  status: DecisionStatus;
  statusName: string;
  /** Derived from the deadline and today on the body's working-day calendar (open items only) */
  overdue: boolean;
  workingDaysLeft: number | null;
  workingDaysOverdue: number | null;
  /** The count of working days rests on provisional calendar answers */
  standingProvisional: boolean;
  completionReportedAt: string | null;
  closedAt: string | null;
  /** The rung of the body's escalation ladder the item stands on today (督办升级阶段; `none` once closed) */
  escalationRung: EscalationRung;
}

/** Decorates decision rows with today's standing on each body's calendar. */
export async function toItems(db: DbOrTx, options: { views: readonly DecisionView[]; today: string }): Promise<DecisionItem[]> {
  const { views, today } = options;
  const calendars = new Map<string, RegionCalendar>();
  const ladders = new Map<string, EscalationSettings>();
  const items: DecisionItem[] = [];
  for (const view of views) {
    let calendar = calendars.get(view.bodyId);
    if (calendar === undefined) {
      calendar = await loadBodyCalendar(db, { bodyId: view.bodyId });
      calendars.set(view.bodyId, calendar);
    }
    let ladder = ladders.get(view.bodyId);
    if (ladder === undefined) {
      ladder = await getSupervisionSettings(db, { bodyId: view.bodyId });
      ladders.set(view.bodyId, ladder);
    }
    items.push(toItem(view, today, calendar, ladder));
  }
  return items;
}

/** One decision row with its standing on `today`. */
function toItem(view: DecisionView, today: string, calendar: RegionCalendar, ladder: EscalationSettings): DecisionItem {
  const open = isOpen(view.status);
  const between = open ? calendar.workingDaysBetween(today, view.deadline) : null;
  const standing = between === null ? null : deadlineStanding(today, view.deadline, between.workingDays);
  return {
    id: view.id,
    bodyId: view.bodyId,
    meetingId: view.meetingId,
    minutesId: view.minutesId,
    itemNo: view.itemNo,
    text: view.text,
    leadUnit: { unitId: view.leadUnitId, name: view.leadUnitName },
    coUnits: view.coUnits,
    issuedOn: view.issuedOn,
    deadline: view.deadline,
    deadlineProvisional: view.deadlineProvisional,
    deadlineProvisionalReasons: view.deadlineReasons,
    status: view.status,
    statusName: DECISION_STATUS_NAMES[view.status],
    overdue: standing?.overdue ?? false,
    workingDaysLeft: standing?.workingDaysLeft ?? null,
    workingDaysOverdue: standing?.workingDaysOverdue ?? null,
    standingProvisional: between?.provisional ?? false,
    completionReportedAt: view.completionReportedAt?.toISOString() ?? null,
    closedAt: view.closedAt?.toISOString() ?? null,
    escalationRung: standing === null ? 'none' : currentRung({ today, deadline: view.deadline, ...standing }, ladder),
  };
}


/** A body's decisions, filtered by unit (lead or co-handling), status and derived overdue. */
export async function listDecisions(
  db: DbOrTx,
  options: { clock: Clock; bodyId: string; unitId?: string; status?: DecisionStatus; overdue?: boolean; minutesId?: string },
): Promise<DecisionItem[]> {
  const filter: ListDecisionsFilter = { bodyId: options.bodyId };
  if (options.unitId !== undefined) filter.unitId = options.unitId;
  if (options.status !== undefined) filter.status = options.status;
  if (options.minutesId !== undefined) filter.minutesId = options.minutesId;
  if (options.overdue !== undefined) filter.openOnly = true;
  const items = await toItems(db, { views: await listDecisionViews(db, filter), today: shanghaiDateOf(options.clock.now()) });
  return options.overdue === undefined ? items : items.filter((item) => item.overdue === options.overdue);
}

/**
 * Open decisions of one unit (lead or co-handling) across every body it sits in, limited to the
 * bodies `mayRead` allows (the reader's bodies).
 */
export async function listUnitOpenDecisions(
  db: DbOrTx,
  options: { clock: Clock; unitId: string; mayRead: (bodyId: string) => Promise<boolean> },
): Promise<DecisionItem[]> {
  const views = await listDecisionViews(db, { unitId: options.unitId, openOnly: true });
  const readable = new Map<string, boolean>();
  for (const bodyId of new Set(views.map((v) => v.bodyId))) readable.set(bodyId, await options.mayRead(bodyId));
  return toItems(db, { views: views.filter((v) => readable.get(v.bodyId) === true), today: shanghaiDateOf(options.clock.now()) });
}


/** The units of a decision: lead first. */
export async function decisionUnitIds(db: DbOrTx, options: { bodyId: string; decisionId: string }): Promise<{ leadUnitId: string; coUnitIds: string[] }> {
  const view = await getDecisionView(db, options);
  return { leadUnitId: view.leadUnitId, coUnitIds: view.coUnits.map((u) => u.unitId) };
}
