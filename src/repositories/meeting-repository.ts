/** SQL for meetings, delegations, agenda items, materials, invitees and attendance. */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, isNull, max, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { people, units } from '../db/schema/bodies.ts';
import { accounts } from '../db/schema/platform.ts';
import {
  agendaItems,
  meetingAttendance,
  meetingDelegations,
  meetingInvitees,
  meetingMaterials,
  meetings,
} from '../db/schema/meetings.ts';
import type {
  AgendaItemRow,
  MeetingAttendanceRow,
  MeetingDelegationRow,
  MeetingInviteeRow,
  MeetingMaterialRow,
  MeetingRow,
} from '../db/schema/meetings.ts';
import type { MeetingStatus } from '../domain/meetings/meeting-types.ts';

export type NewMeeting = Omit<typeof meetings.$inferInsert, 'id'>;
export type MeetingPatch = Partial<Omit<NewMeeting, 'bodyId' | 'createdAt' | 'createdBy'>>;

export async function insertMeeting(db: DbOrTx, values: NewMeeting): Promise<MeetingRow> {
  const [row] = await db.insert(meetings).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into meetings returned no row');
  return row;
}

/** A meeting; with `forUpdate` the row is locked until the transaction ends. */
export async function findMeeting(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<MeetingRow | null> {
  const query = db.select().from(meetings).where(eq(meetings.id, id)).limit(1);
  const [row] = options.forUpdate === true ? await query.for('update') : await query;
  return row ?? null;
}

/** Updates a meeting and raises its version. */
export async function updateMeeting(db: DbOrTx, id: string, patch: MeetingPatch): Promise<MeetingRow> {
  const [row] = await db
    .update(meetings)
    .set({ ...patch, version: sql`${meetings.version} + 1` })
    .where(eq(meetings.id, id))
    .returning();
  if (!row) throw new Error(`meeting ${id} vanished`);
  return row;
}

export interface ListMeetingsFilter {
  status?: MeetingStatus;
  from?: Date;
  to?: Date;
}

/** A body's meetings, newest first. */
export async function listMeetingsOfBody(db: DbOrTx, bodyId: string, filter: ListMeetingsFilter = {}): Promise<MeetingRow[]> {
  const conditions: SQL[] = [eq(meetings.bodyId, bodyId)];
  if (filter.status !== undefined) conditions.push(eq(meetings.status, filter.status));
  if (filter.from !== undefined) conditions.push(sql`${meetings.startsAt} >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to !== undefined) conditions.push(sql`${meetings.startsAt} < ${filter.to.toISOString()}::timestamptz`);
  return db.select().from(meetings).where(and(...conditions)).orderBy(desc(meetings.startsAt), asc(meetings.id));
}

// Delegations

export async function insertDelegation(db: DbOrTx, values: Omit<MeetingDelegationRow, 'id'>): Promise<MeetingDelegationRow> {
  const [row] = await db
    .insert(meetingDelegations)
    .values({ id: randomUUID(), ...values })
    .onConflictDoNothing()
    .returning();
  if (row) return row;
  const [existing] = await db
    .select()
    .from(meetingDelegations)
    .where(and(eq(meetingDelegations.meetingId, values.meetingId), eq(meetingDelegations.toMembershipId, values.toMembershipId)));
  if (!existing) throw new Error('delegation neither inserted nor found');
  return existing;
}

export async function listDelegations(db: DbOrTx, meetingId: string): Promise<MeetingDelegationRow[]> {
  return db.select().from(meetingDelegations).where(eq(meetingDelegations.meetingId, meetingId)).orderBy(asc(meetingDelegations.recordedAt));
}

// Agenda items

export async function insertAgendaItem(db: DbOrTx, values: Omit<AgendaItemRow, 'id' | 'position'>): Promise<AgendaItemRow> {
  const [last] = await db.select({ position: max(agendaItems.position) }).from(agendaItems).where(eq(agendaItems.meetingId, values.meetingId));
  const [row] = await db
    .insert(agendaItems)
    .values({ id: randomUUID(), position: (last?.position ?? 0) + 1, ...values })
    .returning();
  if (!row) throw new Error('insert into agenda_items returned no row');
  return row;
}

export async function findAgendaItem(db: DbOrTx, id: string): Promise<AgendaItemRow | null> {
  const [row] = await db.select().from(agendaItems).where(eq(agendaItems.id, id)).limit(1);
  return row ?? null;
}

export async function updateAgendaItem(db: DbOrTx, id: string, patch: Partial<Omit<AgendaItemRow, 'id' | 'meetingId'>>): Promise<AgendaItemRow> {
  const [row] = await db.update(agendaItems).set(patch).where(eq(agendaItems.id, id)).returning();
  if (!row) throw new Error(`agenda item ${id} vanished`);
  return row;
}

export async function listAgendaItems(db: DbOrTx, meetingId: string): Promise<(AgendaItemRow & { unitName: string | null })[]> {
  const rows = await db
    .select({ item: agendaItems, unitName: units.name })
    .from(agendaItems)
    .leftJoin(units, eq(units.id, agendaItems.proposedByUnitId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
  return rows.map((r) => ({ ...r.item, unitName: r.unitName }));
}

// Materials

export type MaterialSummaryRow = Omit<MeetingMaterialRow, 'content'>;

const materialSummaryColumns = {
  id: meetingMaterials.id,
  meetingId: meetingMaterials.meetingId,
  agendaItemId: meetingMaterials.agendaItemId,
  name: meetingMaterials.name,
  contentType: meetingMaterials.contentType,
  sizeBytes: meetingMaterials.sizeBytes,
  sha256: meetingMaterials.sha256,
  uploadedBy: meetingMaterials.uploadedBy,
  uploadedAt: meetingMaterials.uploadedAt,
  circulatedAt: meetingMaterials.circulatedAt,
};

export async function insertMaterial(db: DbOrTx, values: Omit<MeetingMaterialRow, 'id'>): Promise<MaterialSummaryRow> {
  const [row] = await db.insert(meetingMaterials).values({ id: randomUUID(), ...values }).returning(materialSummaryColumns);
  if (!row) throw new Error('insert into meeting_materials returned no row');
  return row;
}

/** Materials of a meeting without their content. */
export async function listMaterials(db: DbOrTx, meetingId: string): Promise<MaterialSummaryRow[]> {
  return db
    .select(materialSummaryColumns)
    .from(meetingMaterials)
    .where(eq(meetingMaterials.meetingId, meetingId))
    .orderBy(asc(meetingMaterials.uploadedAt), asc(meetingMaterials.id));
}

/** One material with its content. */
export async function findMaterial(db: DbOrTx, id: string): Promise<MeetingMaterialRow | null> {
  const [row] = await db.select().from(meetingMaterials).where(eq(meetingMaterials.id, id)).limit(1);
  return row ?? null;
}

/** Marks every not yet circulated material of the given agenda items circulated; returns how many. */
export async function markMaterialsCirculated(db: DbOrTx, meetingId: string, agendaItemIds: readonly string[], at: Date): Promise<number> {
  if (agendaItemIds.length === 0) return 0;
  const rows = await db
    .update(meetingMaterials)
    .set({ circulatedAt: at })
    .where(
      and(
        eq(meetingMaterials.meetingId, meetingId),
        inArray(meetingMaterials.agendaItemId, [...agendaItemIds]),
        isNull(meetingMaterials.circulatedAt),
      ),
    )
    .returning({ id: meetingMaterials.id });
  return rows.length;
}

// Invitees

export type NewInvitee = Omit<MeetingInviteeRow, 'id'>;

export async function insertInvitee(db: DbOrTx, values: NewInvitee): Promise<MeetingInviteeRow> {
  const [row] = await db.insert(meetingInvitees).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into meeting_invitees returned no row');
  return row;
}

/** Removes the member invitees (observers stay), before they are computed again. */
export async function deleteMemberInvitees(db: DbOrTx, meetingId: string): Promise<void> {
  await db.delete(meetingInvitees).where(and(eq(meetingInvitees.meetingId, meetingId), eq(meetingInvitees.kind, 'member')));
}

export async function findInvitee(db: DbOrTx, id: string): Promise<MeetingInviteeRow | null> {
  const [row] = await db.select().from(meetingInvitees).where(eq(meetingInvitees.id, id)).limit(1);
  return row ?? null;
}

export async function updateInvitee(db: DbOrTx, id: string, patch: Partial<Omit<MeetingInviteeRow, 'id' | 'meetingId'>>): Promise<MeetingInviteeRow> {
  const [row] = await db.update(meetingInvitees).set(patch).where(eq(meetingInvitees.id, id)).returning();
  if (!row) throw new Error(`invitee ${id} vanished`);
  return row;
}

export interface InviteeView extends MeetingInviteeRow {
  unitName: string | null;
  personName: string | null;
}

export async function listInvitees(db: DbOrTx, meetingId: string): Promise<InviteeView[]> {
  const rows = await db
    .select({ invitee: meetingInvitees, unitName: units.name, personName: people.name })
    .from(meetingInvitees)
    .leftJoin(units, eq(units.id, meetingInvitees.unitId))
    .leftJoin(people, eq(people.id, meetingInvitees.personId))
    .where(eq(meetingInvitees.meetingId, meetingId))
    .orderBy(asc(meetingInvitees.kind), asc(meetingInvitees.position), asc(meetingInvitees.createdAt));
  return rows.map((r) => ({ ...r.invitee, unitName: r.unitName, personName: r.personName }));
}

// Attendance

export async function upsertAttendance(db: DbOrTx, values: MeetingAttendanceRow): Promise<MeetingAttendanceRow> {
  const { meetingId: _meetingId, unitId: _unitId, ...rest } = values;
  const [row] = await db
    .insert(meetingAttendance)
    .values(values)
    .onConflictDoUpdate({ target: [meetingAttendance.meetingId, meetingAttendance.unitId], set: rest })
    .returning();
  if (!row) throw new Error('upsert into meeting_attendance returned no row');
  return row;
}

export async function listAttendance(db: DbOrTx, meetingId: string): Promise<(MeetingAttendanceRow & { unitName: string })[]> {
  const rows = await db
    .select({ attendance: meetingAttendance, unitName: units.name })
    .from(meetingAttendance)
    .innerJoin(units, eq(units.id, meetingAttendance.unitId))
    .where(eq(meetingAttendance.meetingId, meetingId));
  return rows.map((r) => ({ ...r.attendance, unitName: r.unitName }));
}

// Recipients

/** Accounts linked to any of the people. */
export async function listAccountIdsOfPeople(db: DbOrTx, personIds: readonly string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(inArray(accounts.personId, [...personIds]), isNotNull(accounts.personId), eq(accounts.disabled, false)));
  return rows.map((r) => r.id);
}
