/**
 * SQL for supervision escalation, meeting-frequency and sunset warnings, and the handover of a
 * dissolving body's open decided items. Claims are INSERT … ON CONFLICT DO NOTHING: true when this
 * call inserted the row (the caller then enqueues the message in the same transaction).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray, lt, lte, ne, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { bodies, memberships, units } from '../db/schema/bodies.ts';
import { bodyNotificationSettings, decisions, reminderSends } from '../db/schema/decisions.ts';
import { meetings } from '../db/schema/meetings.ts';
import { accounts } from '../db/schema/platform.ts';
import {
  bodySupervisionSettings,
  decisionHandovers,
  escalationSends,
  meetingFrequencyWarnings,
  sunsetWarnings,
} from '../db/schema/supervision.ts';
import type { EscalationSendRung, HandoverAction } from '../db/schema/supervision.ts';
import type { FiringRung } from '../domain/decisions/escalation-ladder.ts';
import type { MeetingKind } from '../domain/meetings/meeting-types.ts';
import { listCoUnits } from './decision-repository.ts';
import type { DecisionView } from './decision-repository.ts';

export type SupervisionSettingsRow = typeof bodySupervisionSettings.$inferSelect;
export type EscalationSendRow = typeof escalationSends.$inferSelect;
export type DecisionHandoverRow = typeof decisionHandovers.$inferSelect;

export async function findSupervisionSettings(db: DbOrTx, bodyId: string): Promise<SupervisionSettingsRow | null> {
  const [row] = await db.select().from(bodySupervisionSettings).where(eq(bodySupervisionSettings.bodyId, bodyId)).limit(1);
  return row ?? null;
}

export async function upsertSupervisionSettings(db: DbOrTx, values: SupervisionSettingsRow): Promise<SupervisionSettingsRow> {
  const { bodyId: _key, ...rest } = values;
  const [row] = await db.insert(bodySupervisionSettings).values(values).onConflictDoUpdate({ target: bodySupervisionSettings.bodyId, set: rest }).returning();
  if (!row) throw new Error('upsert into body_supervision_settings returned no row');
  return row;
}

/** An active body's region (its calendar) and its stored ladder settings (null where the office has set none). */
export interface ActiveBodyLadderRow {
  bodyId: string;
  regionCode: string | null;
  reminderDaysBefore: number | null;
  supervision: SupervisionSettingsRow | null;
}

/** Every active body with its region and ladder settings, in one statement (a dissolved body sends no reminders). */
export async function listActiveBodyLadders(db: DbOrTx): Promise<ActiveBodyLadderRow[]> {
  return db
    .select({ bodyId: bodies.id, regionCode: bodies.regionCode, reminderDaysBefore: bodyNotificationSettings.reminderDaysBefore, supervision: bodySupervisionSettings })
    .from(bodies)
    .leftJoin(bodyNotificationSettings, eq(bodyNotificationSettings.bodyId, bodies.id))
    .leftJoin(bodySupervisionSettings, eq(bodySupervisionSettings.bodyId, bodies.id))
    .where(eq(bodies.status, 'active'))
    .orderBy(asc(bodies.id));
}

/** The deadlines on which a rung fires today (see `LadderWindows` in escalation-standing.ts) for a set of bodies. */
export interface EscalationCandidateQuery {
  /** The bodies whose items to read; null: every active body */
  bodyIds: readonly string[] | null;
  today: string;
  beforeUntil: string;
  overdueFrom: string;
  memberFrom: string;
  /** Keyset: the last (deadline, id) of the previous page; null for the first page */
  after: { deadline: string; id: string } | null;
  limit: number;
}

/** An open decided item on a rung today whose (item, rung, deadline) claim is not yet present. */
export interface EscalationCandidate extends DecisionView {
  rung: FiringRung;
}

/** A PostgreSQL text[] literal, sent as one parameter however many values it holds. */
function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/**
 * One keyset page (by deadline, id) of the open decided items of `bodyIds` that fire a rung today:
 * deadline in the window (before `beforeUntil`, every overdue one included) and no claim of the
 * rung for the item and its deadline yet in reminder_sends / escalation_sends — claimed items are
 * skipped in SQL, so a pass reads only what is due. Served by decisions_open_deadline_id_idx (0020).
 */
export async function listEscalationCandidates(db: DbOrTx, query: EscalationCandidateQuery): Promise<EscalationCandidate[]> {
  if (query.bodyIds !== null && query.bodyIds.length === 0) return [];
  const d = decisions.deadline;
  const rung = sql<FiringRung>`(CASE WHEN ${d} > ${query.today}::date THEN 'before' WHEN ${d} = ${query.today}::date THEN 'due'
    WHEN ${d} >= ${query.overdueFrom}::date THEN 'overdue' WHEN ${d} >= ${query.memberFrom}::date THEN 'overdue_member' ELSE 'overdue_convener' END)`;
  const conditions: SQL[] = [
    ne(decisions.status, 'closed'),
    sql`${d} <= ${query.beforeUntil}::date`,
    query.bodyIds === null
      ? sql`EXISTS (SELECT 1 FROM ${bodies} b WHERE b.id = ${decisions.bodyId} AND b.status = 'active')`
      : sql`${decisions.bodyId} = ANY(${textArrayLiteral(query.bodyIds)}::text[])`,
    sql`NOT EXISTS (SELECT 1 FROM ${reminderSends} r WHERE r.decision_id = ${decisions.id} AND r.due_date = ${d} AND r.kind = ${rung})`,
    sql`NOT EXISTS (SELECT 1 FROM ${escalationSends} e WHERE e.decision_id = ${decisions.id} AND e.due_date = ${d} AND e.rung = ${rung})`,
  ];
  if (query.after !== null) conditions.push(sql`(${d}, ${decisions.id}) > (${query.after.deadline}::date, ${query.after.id})`);
  const rows = await db
    .select({ decision: decisions, leadUnitName: units.name, rung })
    .from(decisions)
    .innerJoin(units, eq(units.id, decisions.leadUnitId))
    .where(and(...conditions))
    .orderBy(asc(decisions.deadline), asc(decisions.id))
    .limit(query.limit);
  const co = await listCoUnits(db, rows.map((r) => r.decision.id));
  return rows.map((r) => ({ ...r.decision, leadUnitName: r.leadUnitName, coUnits: co.get(r.decision.id) ?? [], rung: r.rung }));
}

export async function claimEscalationSend(db: DbOrTx, values: { decisionId: string; rung: EscalationSendRung; dueDate: string; sentAt: Date }): Promise<boolean> {
  const rows = await db.insert(escalationSends).values(values).onConflictDoNothing().returning({ decisionId: escalationSends.decisionId });
  return rows.length > 0;
}

export async function setEscalationOutbox(db: DbOrTx, values: { decisionId: string; rung: EscalationSendRung; dueDate: string; outboxId: number }): Promise<void> {
  await db
    .update(escalationSends)
    .set({ outboxId: values.outboxId })
    .where(and(eq(escalationSends.decisionId, values.decisionId), eq(escalationSends.rung, values.rung), eq(escalationSends.dueDate, values.dueDate)));
}

export async function listEscalationSends(db: DbOrTx, decisionIds: readonly string[]): Promise<EscalationSendRow[]> {
  if (decisionIds.length === 0) return [];
  return db.select().from(escalationSends).where(inArray(escalationSends.decisionId, [...decisionIds])).orderBy(asc(escalationSends.sentAt));
}

/** Meetings held (any status from held on) per kind with a start in [from, to) (ISO dates, Asia/Shanghai). */
export async function countHeldMeetingsByKind(db: DbOrTx, bodyId: string, from: string, to: string): Promise<Map<MeetingKind, number>> {
  const rows = await db
    .select({ kind: meetings.kind, n: sql<number>`count(*)::int` })
    .from(meetings)
    .where(
      and(
        eq(meetings.bodyId, bodyId),
        inArray(meetings.status, ['held', 'minutes_drafted', 'minutes_signed_off', 'minutes_issued']),
        gte(meetings.startsAt, new Date(`${from}T00:00:00+08:00`)),
        lt(meetings.startsAt, new Date(`${to}T00:00:00+08:00`)),
      ),
    )
    .groupBy(meetings.kind);
  return new Map(rows.map((r) => [r.kind, Number(r.n)]));
}

export async function listActiveBodyIds(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.status, 'active')).orderBy(asc(bodies.id));
  return rows.map((r) => r.id);
}

export async function claimFrequencyWarning(db: DbOrTx, values: { bodyId: string; year: number; sentAt: Date }): Promise<boolean> {
  const rows = await db.insert(meetingFrequencyWarnings).values(values).onConflictDoNothing().returning({ bodyId: meetingFrequencyWarnings.bodyId });
  return rows.length > 0;
}

export async function setFrequencyWarningOutbox(db: DbOrTx, values: { bodyId: string; year: number; outboxId: number }): Promise<void> {
  await db
    .update(meetingFrequencyWarnings)
    .set({ outboxId: values.outboxId })
    .where(and(eq(meetingFrequencyWarnings.bodyId, values.bodyId), eq(meetingFrequencyWarnings.year, values.year)));
}

export async function findFrequencyWarning(db: DbOrTx, bodyId: string, year: number): Promise<{ sentAt: Date } | null> {
  const [row] = await db
    .select({ sentAt: meetingFrequencyWarnings.sentAt })
    .from(meetingFrequencyWarnings)
    .where(and(eq(meetingFrequencyWarnings.bodyId, bodyId), eq(meetingFrequencyWarnings.year, year)))
    .limit(1);
  return row ?? null;
}

/** Active bodies whose sunset date lies in [today, until]. */
export async function listBodiesWithSunsetBetween(db: DbOrTx, today: string, until: string): Promise<{ id: string; name: string; sunsetDate: string }[]> {
  const rows = await db
    .select({ id: bodies.id, name: bodies.name, sunsetDate: bodies.sunsetDate })
    .from(bodies)
    .where(and(eq(bodies.status, 'active'), gte(bodies.sunsetDate, today), lte(bodies.sunsetDate, until)))
    .orderBy(asc(bodies.sunsetDate), asc(bodies.id));
  return rows.flatMap((r) => (r.sunsetDate === null ? [] : [{ id: r.id, name: r.name, sunsetDate: r.sunsetDate }]));
}

export async function claimSunsetWarning(db: DbOrTx, values: { bodyId: string; sunsetDate: string; daysBefore: number; sentAt: Date }): Promise<boolean> {
  const rows = await db.insert(sunsetWarnings).values(values).onConflictDoNothing().returning({ bodyId: sunsetWarnings.bodyId });
  return rows.length > 0;
}

export async function setSunsetWarningOutbox(db: DbOrTx, values: { bodyId: string; sunsetDate: string; daysBefore: number; outboxId: number }): Promise<void> {
  await db
    .update(sunsetWarnings)
    .set({ outboxId: values.outboxId })
    .where(and(eq(sunsetWarnings.bodyId, values.bodyId), eq(sunsetWarnings.sunsetDate, values.sunsetDate), eq(sunsetWarnings.daysBefore, values.daysBefore)));
}

export async function insertHandover(
  db: DbOrTx,
  values: {
    decisionId: string;
    fromBodyId: string;
    action: HandoverAction;
    successorBodyId: string | null;
    successorUnitId: string | null;
    reason: string;
    handedOverAt: Date;
    handedOverBy: string | null;
  },
): Promise<DecisionHandoverRow> {
  const [row] = await db.insert(decisionHandovers).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into decision_handovers returned no row');
  return row;
}

export async function listHandovers(db: DbOrTx, fromBodyId: string): Promise<DecisionHandoverRow[]> {
  return db.select().from(decisionHandovers).where(eq(decisionHandovers.fromBodyId, fromBodyId)).orderBy(asc(decisionHandovers.handedOverAt), asc(decisionHandovers.id));
}

/** Moves a decision to its successor body (it keeps its history, minutes and units). */
export async function moveDecisionToBody(db: DbOrTx, decisionId: string, bodyId: string, at: Date): Promise<void> {
  await db.update(decisions).set({ bodyId, updatedAt: at }).where(eq(decisions.id, decisionId));
}

/**
 * Memberships of people linked to the account in a dissolved body that still held the day before
 * it was dissolved (they ended on the dissolution day).
 */
export async function listFormerMemberships(db: DbOrTx, accountId: string, bodyId: string): Promise<{ roleKind: string; unitId: string | null }[]> {
  const rows = await db
    .select({ roleKind: memberships.roleKind, unitId: memberships.unitId })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.personId, memberships.personId))
    .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
    .where(and(eq(accounts.id, accountId), eq(memberships.bodyId, bodyId), eq(bodies.status, 'dissolved'), sql`${memberships.validTo} = ${bodies.dissolvedOn}`, lt(memberships.validFrom, sql`${bodies.dissolvedOn}`)));
  return rows;
}
