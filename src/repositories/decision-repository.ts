/** SQL for decisions (议定事项) and their supervision: deadlines over time, progress, extensions, reminders, circulars. */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/database.ts';
import { units } from '../db/schema/bodies.ts';
import { meetings, minutes } from '../db/schema/meetings.ts';
import {
  circulars,
  decisionCoUnits,
  decisionDeadlines,
  decisions,
  extensionRequests,
  progressAttachments,
  progressReports,
  reminderSends,
} from '../db/schema/decisions.ts';
import type { ExtensionStatus, ProgressReportKind } from '../db/schema/decisions.ts';
import type { DeadlineBasis } from '../domain/decisions/decision-deadline.ts';
import type { DecisionStatus, ReminderKind } from '../domain/decisions/decision-status.ts';
import { keysetAfter, keysetOrderBy, keysetValues, rankOf } from './keyset-order.ts';
import type { KeysetColumn } from './keyset-order.ts';

export type DecisionRow = typeof decisions.$inferSelect;
export type DeadlineRow = typeof decisionDeadlines.$inferSelect;
export type ExtensionRequestRow = typeof extensionRequests.$inferSelect;
export type ProgressReportRow = typeof progressReports.$inferSelect;
export type CircularRow = typeof circulars.$inferSelect;
export type ReminderSendRow = typeof reminderSends.$inferSelect;

/** A decision with its units' names. */
export interface DecisionView extends DecisionRow {
  leadUnitName: string;
  coUnits: { unitId: string; name: string }[];
}

export async function insertDecision(db: DbOrTx, values: Omit<typeof decisions.$inferInsert, 'id'>): Promise<DecisionRow> {
  const [row] = await db.insert(decisions).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into decisions returned no row');
  return row;
}

export async function insertCoUnits(db: DbOrTx, decisionId: string, unitIds: readonly string[]): Promise<void> {
  if (unitIds.length === 0) return;
  await db.insert(decisionCoUnits).values(unitIds.map((unitId, position) => ({ decisionId, unitId, position })));
}

export async function insertDeadline(
  db: DbOrTx,
  values: { decisionId: string; deadline: string; provisional: boolean; reasons: string[]; basis: DeadlineBasis; setAt: Date; setBy: string | null },
): Promise<DeadlineRow> {
  const [row] = await db.insert(decisionDeadlines).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into decision_deadlines returned no row');
  return row;
}

export async function countDecisionsOfMinutes(db: DbOrTx, minutesId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(decisions).where(eq(decisions.minutesId, minutesId));
  return row?.n ?? 0;
}

/** Locks a decision row for a status change (released at commit). */
export async function lockDecision(db: DbOrTx, bodyId: string, id: string): Promise<DecisionRow | null> {
  const [row] = await db.select().from(decisions).where(and(eq(decisions.id, id), eq(decisions.bodyId, bodyId))).for('update');
  return row ?? null;
}

export async function updateDecision(
  db: DbOrTx,
  id: string,
  patch: Partial<Pick<DecisionRow, 'status' | 'deadline' | 'deadlineProvisional' | 'deadlineReasons' | 'completionReportedAt' | 'closedAt' | 'closedBy' | 'updatedAt'>>,
): Promise<void> {
  await db.update(decisions).set(patch).where(eq(decisions.id, id));
}

export interface ListDecisionsFilter {
  bodyId?: string;
  /** Decisions where this unit leads or co-handles */
  unitId?: string;
  status?: DecisionStatus;
  /** Only decisions not closed */
  openOnly?: boolean;
  minutesId?: string;
  ids?: readonly string[];
  /** Only decisions of these bodies */
  bodyIds?: readonly string[];
}

/** The bodies holding open decisions that `unitId` leads or co-handles (one grouped read, by the open-items indexes). */
export async function listBodyIdsWithOpenDecisionsOfUnit(db: DbOrTx, unitId: string): Promise<string[]> {
  const lead = db
    .selectDistinct({ bodyId: decisions.bodyId })
    .from(decisions)
    .where(and(eq(decisions.leadUnitId, unitId), ne(decisions.status, 'closed')));
  const co = db
    .selectDistinct({ bodyId: decisions.bodyId })
    .from(decisionCoUnits)
    .innerJoin(decisions, eq(decisions.id, decisionCoUnits.decisionId))
    .where(and(eq(decisionCoUnits.unitId, unitId), ne(decisions.status, 'closed')));
  const rows = await union(lead, co);
  return rows.map((row) => row.bodyId).sort();
}

/** Decisions with their units, by deadline then minutes order. */
export async function listDecisionViews(db: DbOrTx, filter: ListDecisionsFilter): Promise<DecisionView[]> {
  const conditions: SQL[] = [];
  if (filter.bodyId !== undefined) conditions.push(eq(decisions.bodyId, filter.bodyId));
  if (filter.status !== undefined) conditions.push(eq(decisions.status, filter.status));
  if (filter.openOnly === true) conditions.push(ne(decisions.status, 'closed'));
  if (filter.minutesId !== undefined) conditions.push(eq(decisions.minutesId, filter.minutesId));
  if (filter.ids !== undefined) {
    if (filter.ids.length === 0) return [];
    conditions.push(inArray(decisions.id, [...filter.ids]));
  }
  if (filter.bodyIds !== undefined) {
    if (filter.bodyIds.length === 0) return [];
    conditions.push(inArray(decisions.bodyId, [...filter.bodyIds]));
  }
  if (filter.unitId !== undefined) {
    const either = or(
      eq(decisions.leadUnitId, filter.unitId),
      sql`EXISTS (SELECT 1 FROM decision_co_units c WHERE c.decision_id = ${decisions.id} AND c.unit_id = ${filter.unitId})`,
    );
    if (either) conditions.push(either);
  }
  const rows = await db
    .select({ decision: decisions, leadUnitName: units.name })
    .from(decisions)
    .innerJoin(units, eq(units.id, decisions.leadUnitId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(decisions.deadline), asc(decisions.issuedOn), asc(decisions.itemNo), asc(decisions.id));
  const co = await listCoUnits(db, rows.map((r) => r.decision.id));
  return rows.map((r) => ({ ...r.decision, leadUnitName: r.leadUnitName, coUnits: co.get(r.decision.id) ?? [] }));
}

/** Sort keys of a body's decided items (the contract's `DECISION_SORT_KEYS`). */
export type DecisionSortKey = 'deadline' | 'status' | 'leadUnit' | 'issuedOn';

/** Filters of a body's decided items as the list, its total and its export take them. */
export interface DecisionListFilter {
  bodyId: string;
  /** Decisions where this unit leads or co-handles */
  unitId?: string;
  /** Decisions this unit leads */
  leadUnitId?: string;
  status?: DecisionStatus;
  /** true: open items whose deadline lies before `today`; false: open items not overdue */
  overdue?: boolean;
  /** The day overdue is judged on (ISO date, Asia/Shanghai); needed with `overdue` */
  today: string;
  minutesId?: string;
  /** Part of the item's text */
  textContains?: string;
}

const DECISION_STATUS_ORDER: readonly DecisionStatus[] = ['assigned', 'in_progress', 'completion_reported', 'closed'];

function decisionFilterConditions(filter: DecisionListFilter): SQL[] {
  const conditions: SQL[] = [eq(decisions.bodyId, filter.bodyId)];
  if (filter.status !== undefined) conditions.push(eq(decisions.status, filter.status));
  if (filter.minutesId !== undefined) conditions.push(eq(decisions.minutesId, filter.minutesId));
  if (filter.leadUnitId !== undefined) conditions.push(eq(decisions.leadUnitId, filter.leadUnitId));
  if (filter.overdue !== undefined) {
    conditions.push(ne(decisions.status, 'closed'));
    conditions.push(filter.overdue ? sql`${decisions.deadline} < ${filter.today}::date` : sql`${decisions.deadline} >= ${filter.today}::date`);
  }
  if (filter.textContains !== undefined && filter.textContains !== '') {
    conditions.push(sql`${decisions.text} ILIKE ${`%${filter.textContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  }
  if (filter.unitId !== undefined) {
    const either = or(
      eq(decisions.leadUnitId, filter.unitId),
      sql`EXISTS (SELECT 1 FROM decision_co_units c WHERE c.decision_id = ${decisions.id} AND c.unit_id = ${filter.unitId})`,
    );
    if (either) conditions.push(either);
  }
  return conditions;
}

/**
 * The keyset of an order of decided items: the sort key, then deadline, issue date, item number and
 * id (ascending after another key; in the one direction for deadline and issue date, so that the
 * index on (body_id, deadline, issued_on, item_no, id) serves both).
 */
export function decisionKeyset(sort: DecisionSortKey, order: 'asc' | 'desc'): KeysetColumn[] {
  const tail = (dir: 'asc' | 'desc'): KeysetColumn[] => [
    { expr: sql`${decisions.deadline}`, dir, cast: 'date' },
    { expr: sql`${decisions.issuedOn}`, dir, cast: 'date' },
    { expr: sql`${decisions.itemNo}`, dir, cast: 'int' },
    { expr: sql`${decisions.id}`, dir, cast: 'text' },
  ];
  switch (sort) {
    case 'deadline':
      return tail(order);
    case 'issuedOn':
      return [
        { expr: sql`${decisions.issuedOn}`, dir: order, cast: 'date' },
        { expr: sql`${decisions.itemNo}`, dir: order, cast: 'int' },
        { expr: sql`${decisions.id}`, dir: order, cast: 'text' },
      ];
    case 'status':
      return [{ expr: rankOf(sql`${decisions.status}`, DECISION_STATUS_ORDER), dir: order, cast: 'int' }, ...tail('asc')];
    case 'leadUnit':
      return [{ expr: sql`${units.name}`, dir: order, cast: 'text' }, ...tail('asc')];
  }
}

/**
 * A page of a body's decided items (with their units) in the order of `keyset`, strictly after the
 * key `after`; each row comes with its key for the next cursor. Two statements whatever the page size.
 */
export async function listDecisionViewsByKeyset(
  db: DbOrTx,
  options: { filter: DecisionListFilter; keyset: readonly KeysetColumn[]; after?: readonly string[]; limit: number },
): Promise<{ view: DecisionView; key: string[] }[]> {
  const conditions = decisionFilterConditions(options.filter);
  if (options.after !== undefined) conditions.push(keysetAfter(options.keyset, options.after));
  const rows = await db
    .select({ decision: decisions, leadUnitName: units.name, key: keysetValues(options.keyset) })
    .from(decisions)
    .innerJoin(units, eq(units.id, decisions.leadUnitId))
    .where(and(...conditions))
    .orderBy(...keysetOrderBy(options.keyset))
    .limit(options.limit);
  const co = await listCoUnits(db, rows.map((r) => r.decision.id));
  return rows.map((r) => ({
    view: { ...r.decision, leadUnitName: r.leadUnitName, coUnits: co.get(r.decision.id) ?? [] },
    key: typeof r.key === 'string' ? (JSON.parse(r.key) as string[]) : r.key,
  }));
}

/** The number of a body's decided items the filters match (exact, by the body's index). */
export async function countDecisions(db: DbOrTx, filter: DecisionListFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(decisions)
    .where(and(...decisionFilterConditions(filter)));
  return Number(row?.n ?? 0);
}

/** Co-handling units (with names, in their order) of the given decisions. */
export async function listCoUnits(db: DbOrTx, decisionIds: readonly string[]): Promise<Map<string, { unitId: string; name: string }[]>> {
  const byDecision = new Map<string, { unitId: string; name: string }[]>();
  if (decisionIds.length === 0) return byDecision;
  const rows = await db
    .select({ decisionId: decisionCoUnits.decisionId, unitId: decisionCoUnits.unitId, name: units.name })
    .from(decisionCoUnits)
    .innerJoin(units, eq(units.id, decisionCoUnits.unitId))
    .where(inArray(decisionCoUnits.decisionId, [...decisionIds]))
    .orderBy(asc(decisionCoUnits.decisionId), asc(decisionCoUnits.position));
  for (const row of rows) {
    const list = byDecision.get(row.decisionId) ?? [];
    list.push({ unitId: row.unitId, name: row.name });
    byDecision.set(row.decisionId, list);
  }
  return byDecision;
}

export async function listDeadlines(db: DbOrTx, decisionId: string): Promise<DeadlineRow[]> {
  return db.select().from(decisionDeadlines).where(eq(decisionDeadlines.decisionId, decisionId)).orderBy(asc(decisionDeadlines.seq));
}

export async function insertExtensionRequest(db: DbOrTx, values: Omit<typeof extensionRequests.$inferInsert, 'id' | 'seq'>): Promise<ExtensionRequestRow> {
  const [row] = await db.insert(extensionRequests).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into extension_requests returned no row');
  return row;
}

export async function lockExtensionRequest(db: DbOrTx, decisionId: string, id: string): Promise<ExtensionRequestRow | null> {
  const [row] = await db
    .select()
    .from(extensionRequests)
    .where(and(eq(extensionRequests.id, id), eq(extensionRequests.decisionId, decisionId)))
    .for('update');
  return row ?? null;
}

export async function findPendingExtension(db: DbOrTx, decisionId: string): Promise<ExtensionRequestRow | null> {
  const [row] = await db
    .select()
    .from(extensionRequests)
    .where(and(eq(extensionRequests.decisionId, decisionId), eq(extensionRequests.status, 'pending')))
    .limit(1);
  return row ?? null;
}

export async function decideExtensionRequest(
  db: DbOrTx,
  id: string,
  values: { status: ExtensionStatus; decidedBy: string | null; decidedAt: Date; decisionNote: string | null },
): Promise<void> {
  await db.update(extensionRequests).set(values).where(eq(extensionRequests.id, id));
}

export async function listExtensionRequests(db: DbOrTx, decisionId: string): Promise<ExtensionRequestRow[]> {
  return db.select().from(extensionRequests).where(eq(extensionRequests.decisionId, decisionId)).orderBy(asc(extensionRequests.seq));
}

export async function insertProgressReport(
  db: DbOrTx,
  values: { decisionId: string; kind: ProgressReportKind; unitId: string | null; authorId: string | null; text: string; createdAt: Date },
): Promise<ProgressReportRow> {
  const [row] = await db.insert(progressReports).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into progress_reports returned no row');
  return row;
}

export async function insertAttachment(
  db: DbOrTx,
  values: { progressReportId: string; fileName: string; mediaType: string; content: Buffer; sha256: string },
): Promise<{ id: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string }> {
  const [row] = await db
    .insert(progressAttachments)
    .values({ id: randomUUID(), ...values, sizeBytes: values.content.length })
    .returning({
      id: progressAttachments.id,
      fileName: progressAttachments.fileName,
      mediaType: progressAttachments.mediaType,
      sizeBytes: progressAttachments.sizeBytes,
      sha256: progressAttachments.sha256,
    });
  if (!row) throw new Error('insert into progress_attachments returned no row');
  return row;
}

export interface ProgressReportView extends ProgressReportRow {
  unitName: string | null;
  attachments: { id: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string }[];
}

/** Progress reports of decisions in the order written, with attachment metadata (no bytes). */
export async function listProgressReports(db: DbOrTx, decisionIds: readonly string[]): Promise<ProgressReportView[]> {
  if (decisionIds.length === 0) return [];
  const rows = await db
    .select({ report: progressReports, unitName: units.name })
    .from(progressReports)
    .leftJoin(units, eq(units.id, progressReports.unitId))
    .where(inArray(progressReports.decisionId, [...decisionIds]))
    .orderBy(asc(progressReports.seq));
  if (rows.length === 0) return [];
  const attachments = await db
    .select({
      id: progressAttachments.id,
      progressReportId: progressAttachments.progressReportId,
      fileName: progressAttachments.fileName,
      mediaType: progressAttachments.mediaType,
      sizeBytes: progressAttachments.sizeBytes,
      sha256: progressAttachments.sha256,
    })
    .from(progressAttachments)
    .where(inArray(progressAttachments.progressReportId, rows.map((r) => r.report.id)))
    .orderBy(asc(progressAttachments.fileName));
  return rows.map((r) => ({
    ...r.report,
    unitName: r.unitName,
    attachments: attachments
      .filter((a) => a.progressReportId === r.report.id)
      .map(({ progressReportId: _omit, ...rest }) => rest),
  }));
}

/** The latest progress or completion report of each decision. */
export async function latestProgressOf(db: DbOrTx, decisionIds: readonly string[]): Promise<Map<string, ProgressReportRow>> {
  const latest = new Map<string, ProgressReportRow>();
  if (decisionIds.length === 0) return latest;
  const rows = await db
    .select()
    .from(progressReports)
    .where(and(inArray(progressReports.decisionId, [...decisionIds]), inArray(progressReports.kind, ['progress', 'completion'])))
    .orderBy(desc(progressReports.seq));
  for (const row of rows) if (!latest.has(row.decisionId)) latest.set(row.decisionId, row);
  return latest;
}

export async function findAttachment(
  db: DbOrTx,
  decisionId: string,
  attachmentId: string,
): Promise<{ fileName: string; mediaType: string; content: Buffer } | null> {
  const [row] = await db
    .select({ fileName: progressAttachments.fileName, mediaType: progressAttachments.mediaType, content: progressAttachments.content })
    .from(progressAttachments)
    .innerJoin(progressReports, eq(progressReports.id, progressAttachments.progressReportId))
    .where(and(eq(progressAttachments.id, attachmentId), eq(progressReports.decisionId, decisionId)))
    .limit(1);
  return row ?? null;
}

/**
 * The idempotent claim of one reminder: inserts (decision, kind, due date) unless present. True
 * when this call inserted it — the caller then enqueues the reminder in the same transaction.
 */
export async function claimReminderSend(db: DbOrTx, values: { decisionId: string; kind: ReminderKind; dueDate: string; sentAt: Date }): Promise<boolean> {
  const rows = await db.insert(reminderSends).values(values).onConflictDoNothing().returning({ decisionId: reminderSends.decisionId });
  return rows.length > 0;
}

export async function setReminderOutbox(db: DbOrTx, values: { decisionId: string; kind: ReminderKind; dueDate: string; outboxId: number }): Promise<void> {
  await db
    .update(reminderSends)
    .set({ outboxId: values.outboxId })
    .where(and(eq(reminderSends.decisionId, values.decisionId), eq(reminderSends.kind, values.kind), eq(reminderSends.dueDate, values.dueDate)));
}

export async function listReminderSends(db: DbOrTx, decisionId: string): Promise<ReminderSendRow[]> {
  return db.select().from(reminderSends).where(eq(reminderSends.decisionId, decisionId)).orderBy(asc(reminderSends.sentAt));
}

/** Bodies with at least one open decision. */
export async function listBodyIdsWithOpenDecisions(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ bodyId: decisions.bodyId }).from(decisions).where(ne(decisions.status, 'closed'));
  return rows.map((r) => r.bodyId);
}

export async function nextCircularNumber(db: DbOrTx, bodyId: string, year: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${circulars.number}), 0)::int` })
    .from(circulars)
    .where(and(eq(circulars.bodyId, bodyId), eq(circulars.year, year)));
  return (row?.n ?? 0) + 1;
}

export async function insertCircular(db: DbOrTx, values: Omit<typeof circulars.$inferInsert, 'id'>): Promise<CircularRow> {
  const [row] = await db.insert(circulars).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into circulars returned no row');
  return row;
}

export async function findCircular(db: DbOrTx, bodyId: string, id: string): Promise<CircularRow | null> {
  const [row] = await db.select().from(circulars).where(and(eq(circulars.id, id), eq(circulars.bodyId, bodyId))).limit(1);
  return row ?? null;
}

export async function listCirculars(db: DbOrTx, bodyId: string): Promise<CircularRow[]> {
  return db.select().from(circulars).where(eq(circulars.bodyId, bodyId)).orderBy(desc(circulars.year), desc(circulars.number));
}

/** The meeting and minutes of each minutes id: titles and 第N期 of the year. */
export async function listDecisionSources(
  db: DbOrTx,
  minutesIds: readonly string[],
): Promise<Map<string, { meetingTitle: string; minutesTitle: string; year: number | null; number: number | null }>> {
  const found = new Map<string, { meetingTitle: string; minutesTitle: string; year: number | null; number: number | null }>();
  const ids = [...new Set(minutesIds)];
  if (ids.length === 0) return found;
  const rows = await db
    .select({ id: minutes.id, minutesTitle: minutes.title, year: minutes.year, number: minutes.number, meetingTitle: meetings.title })
    .from(minutes)
    .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
    .where(inArray(minutes.id, ids));
  for (const row of rows) found.set(row.id, { meetingTitle: row.meetingTitle, minutesTitle: row.minutesTitle, year: row.year, number: row.number });
  return found;
}
