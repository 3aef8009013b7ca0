/**
 * Decisions as readers see them: each item with its standing derived from the deadline and today on
 * the body's working-day calendar (never stored), the body's and a unit's lists.
 */
import type { Clock } from '../../config/clock.ts';
import type { DbOrTx } from '../../db/database.ts';
import { DECISION_STATUS_NAMES, deadlineStanding, isOpen } from '../../domain/decisions/decision-status.ts';
import type { DecisionStatus } from '../../domain/decisions/decision-status.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import {
  countDecisions,
  decisionKeyset,
  listBodyIdsWithOpenDecisionsOfUnit,
  listDecisionViews,
  listDecisionViewsByKeyset,
} from '../../repositories/decision-repository.ts';
import type { DecisionListFilter, DecisionSortKey, DecisionView, ListDecisionsFilter } from '../../repositories/decision-repository.ts';
import type { KeysetColumn } from '../../repositories/keyset-order.ts';
import { decodeKeysetCursor, encodeKeysetCursor } from '../keyset-cursor.ts';
import { bindBodyCalendar, loadWorkingDayCalendar } from '../calendar/region-calendar.ts';
import { listBodyStandingSettings } from '../../repositories/body-repository.ts';
import { AppError } from '../../errors/app-error.ts';
import type { RegionCalendar } from '../calendar/region-calendar.ts';
import { getDecisionView } from './decision-context.ts';
import { currentRung } from '../../domain/decisions/escalation-ladder.ts';
import type { EscalationRung, EscalationSettings } from '../../domain/decisions/escalation-ladder.ts';
import { toSupervisionSettings } from '../supervision/supervision-settings.ts';

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

/** Decorates decision rows with today's standing on each body's calendar (calendars and ladders read once for all bodies). */
export async function toItems(db: DbOrTx, options: { views: readonly DecisionView[]; today: string }): Promise<DecisionItem[]> {
  const { views, today } = options;
  const bodyIds = [...new Set(views.map((view) => view.bodyId))];
  if (bodyIds.length === 0) return [];
  const [settings, workingDays] = await Promise.all([listBodyStandingSettings(db, bodyIds), loadWorkingDayCalendar(db)]);
  const standingOf = new Map(
    settings.map((row) => [
      row.bodyId,
      { calendar: bindBodyCalendar(workingDays, row.regionCode), ladder: toSupervisionSettings(row.bodyId, row.notification, row.supervision) },
    ]),
  );
  return views.map((view) => {
    const standing = standingOf.get(view.bodyId);
    if (standing === undefined) throw new AppError('body_not_found', '议事协调机构不存在', { field: 'bodyId' });
    return toItem(view, today, standing.calendar, standing.ladder);
  });
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

/** The filters and order of a body's decided items, as the paged list and its export take them. */
export interface DecisionListOptions {
  clock: Clock;
  bodyId: string;
  unitId?: string;
  leadUnitId?: string;
  status?: DecisionStatus;
  overdue?: boolean;
  minutesId?: string;
  /** Part of the item's text */
  q?: string;
  sort?: DecisionSortKey;
  order?: 'asc' | 'desc';
}

function decisionListFilter(options: DecisionListOptions, today: string): DecisionListFilter {
  const q = options.q?.trim();
  return {
    bodyId: options.bodyId,
    today,
    ...(options.unitId === undefined ? {} : { unitId: options.unitId }),
    ...(options.leadUnitId === undefined ? {} : { leadUnitId: options.leadUnitId }),
    ...(options.status === undefined ? {} : { status: options.status }),
    ...(options.overdue === undefined ? {} : { overdue: options.overdue }),
    ...(options.minutesId === undefined ? {} : { minutesId: options.minutesId }),
    ...(q ? { textContains: q } : {}),
  };
}

function decisionOrder(options: DecisionListOptions): { keyset: KeysetColumn[]; tag: string } {
  const sort = options.sort ?? 'deadline';
  const order = options.order ?? 'asc';
  return { keyset: decisionKeyset(sort, order), tag: `${sort}.${order}` };
}

/**
 * One keyset page of a body's decided items, filtered in SQL (overdue too: an open item whose
 * deadline lies before today, the same rule as `deadlineStanding`), with the number of items the
 * filters match. Bounded: the page, its co-handling units, its total and the bodies' calendar.
 */
export async function listDecisionPage(
  db: DbOrTx,
  options: DecisionListOptions & { cursor?: string; limit: number },
): Promise<{ items: DecisionItem[]; nextCursor: string | null; total: number }> {
  const today = shanghaiDateOf(options.clock.now());
  const { keyset, tag } = decisionOrder(options);
  const after = options.cursor === undefined ? undefined : decodeKeysetCursor(options.cursor, tag, keyset);
  const filter = decisionListFilter(options, today);
  const [rows, total] = await Promise.all([
    listDecisionViewsByKeyset(db, { filter, keyset, ...(after ? { after } : {}), limit: options.limit + 1 }),
    countDecisions(db, filter),
  ]);
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return {
    items: await toItems(db, { views: page.map((r) => r.view), today }),
    nextCursor: rows.length > options.limit && last ? encodeKeysetCursor(tag, last.key) : null,
    total,
  };
}

/**
 * Every decided item of a body the filters match, in the list's order, read by keyset pages of
 * `pageSize` (what the filtered list's XLSX export writes, one page in memory at a time).
 */
export async function* exportDecisionItems(db: DbOrTx, options: DecisionListOptions & { pageSize?: number }): AsyncGenerator<DecisionItem> {
  const pageSize = options.pageSize ?? 200;
  const today = shanghaiDateOf(options.clock.now());
  const { keyset } = decisionOrder(options);
  const filter = decisionListFilter(options, today);
  let after: string[] | undefined;
  for (;;) {
    const rows = await listDecisionViewsByKeyset(db, { filter, keyset, ...(after ? { after } : {}), limit: pageSize });
    yield* await toItems(db, { views: rows.map((r) => r.view), today });
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < pageSize) return;
    after = last.key;
  }
}

/**
 * Open decisions of one unit (lead or co-handling) across every body it sits in, limited to the
 * bodies `mayRead` allows (the reader's bodies). Bounded: the bodies holding such items are found
 * first (one grouped read), the reader's roles in them resolved at once (`primeReader`), and only
 * the items of readable bodies are read.
 */
export async function listUnitOpenDecisions(
  db: DbOrTx,
  options: {
    clock: Clock;
    unitId: string;
    mayRead: (bodyId: string) => Promise<boolean>;
    /** Resolves the reader's roles in all these bodies at once before `mayRead` is asked per body */
    primeReader?: (bodyIds: readonly string[]) => Promise<void>;
  },
): Promise<DecisionItem[]> {
  const bodyIds = await listBodyIdsWithOpenDecisionsOfUnit(db, options.unitId);
  await options.primeReader?.(bodyIds);
  const readable: string[] = [];
  for (const bodyId of bodyIds) if (await options.mayRead(bodyId)) readable.push(bodyId);
  if (readable.length === 0) return [];
  const views = await listDecisionViews(db, { unitId: options.unitId, openOnly: true, bodyIds: readable });
  return toItems(db, { views, today: shanghaiDateOf(options.clock.now()) });
}


/** The units of a decision: lead first. */
export async function decisionUnitIds(db: DbOrTx, options: { bodyId: string; decisionId: string }): Promise<{ leadUnitId: string; coUnitIds: string[] }> {
  const view = await getDecisionView(db, options);
  return { leadUnitId: view.leadUnitId, coUnitIds: view.coUnits.map((u) => u.unitId) };
}
