/**
 * SQL for supervision escalation, meeting-frequency and sunset warnings, and the handover of a
 * dissolving body's open decided items. Claims are INSERT … ON CONFLICT DO NOTHING: true when this
 * call inserted the row (the caller then enqueues the message in the same transaction).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray, lt, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { bodies, memberships } from '../db/schema/bodies.ts';
import { decisions } from '../db/schema/decisions.ts';
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
import type { MeetingKind } from '../domain/meetings/meeting-types.ts';

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

/** Active bodies with at least one open decision (a dissolved body sends no reminders). */
export async function listActiveBodyIdsWithOpenDecisions(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectDistinct({ bodyId: decisions.bodyId })
    .from(decisions)
    .innerJoin(bodies, eq(bodies.id, decisions.bodyId))
    .where(and(ne(decisions.status, 'closed'), eq(bodies.status, 'active')));
  return rows.map((r) => r.bodyId);
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
