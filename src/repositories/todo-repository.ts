/**
 * SQL of the to-do centre (待办) and the month calendar of meetings: the bodies an account sits in,
 * and one bounded read per kind of waiting thing over all of those bodies at once (never one per body).
 */
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { bodies, charterVersions, memberships, units } from '../db/schema/bodies.ts';
import { agendaItems, meetings, minutes } from '../db/schema/meetings.ts';
import type { AgendaItemRow, MeetingRow } from '../db/schema/meetings.ts';
import { membershipChangeProposals } from '../db/schema/membership-changes.ts';
import { outgoingDocuments } from '../db/schema/outgoing-documents.ts';
import { accountBodyGrants, accounts } from '../db/schema/platform.ts';
import type { Charter } from '../domain/charter/charter-types.ts';
import type { MeetingKind, MeetingStatus, MinutesStatus } from '../domain/meetings/meeting-types.ts';
import type { OutgoingDocumentKind, OutgoingDocumentStatus } from '../domain/outgoing-documents/outgoing-types.ts';
import type { MembershipChangeKind } from '../db/schema/membership-changes.ts';
import type { MembershipConfirmer } from '../domain/charter-gates/membership-change-gate.ts';
import type { RoleKind } from '../domain/charter/charter-types.ts';

/** A body the account sits in (a direct grant, or its person's membership holding on the day). */
export interface AccountBodyRow {
  id: string;
  name: string;
  status: string;
  regionCode: string | null;
  currentCharterVersionId: string | null;
}

/** The bodies where the account has a direct grant or its person a membership valid on `day` (one statement). */
export async function listBodiesOfAccount(db: DbOrTx, accountId: string, day: string): Promise<AccountBodyRow[]> {
  const granted = db.select({ bodyId: accountBodyGrants.bodyId }).from(accountBodyGrants).where(eq(accountBodyGrants.accountId, accountId));
  const member = db
    .select({ bodyId: memberships.bodyId })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.personId, memberships.personId))
    .where(and(eq(accounts.id, accountId), lte(memberships.validFrom, day), or(isNull(memberships.validTo), gt(memberships.validTo, day))));
  return db
    .select({ id: bodies.id, name: bodies.name, status: bodies.status, regionCode: bodies.regionCode, currentCharterVersionId: bodies.currentCharterVersionId })
    .from(bodies)
    .where(or(inArray(bodies.id, granted), inArray(bodies.id, member)))
    .orderBy(asc(bodies.name), asc(bodies.id));
}

/** The charters in force of these bodies (their current versions), by body. */
export async function listCurrentCharters(db: DbOrTx, bodyIds: readonly string[]): Promise<Map<string, Charter>> {
  if (bodyIds.length === 0) return new Map();
  const rows = await db
    .select({ bodyId: bodies.id, charter: charterVersions.charter })
    .from(bodies)
    .innerJoin(charterVersions, eq(charterVersions.id, bodies.currentCharterVersionId))
    .where(inArray(bodies.id, [...bodyIds]));
  return new Map(rows.map((row) => [row.bodyId, row.charter]));
}

export interface ProposedAgendaItemRow {
  id: string;
  title: string;
  meetingId: string;
  meetingTitle: string;
  meetingKind: MeetingKind;
  startsAt: Date;
  bodyId: string;
}

/** Agenda items proposed and not yet decided, of meetings still being prepared in these bodies. */
export async function listProposedAgendaItems(db: DbOrTx, bodyIds: readonly string[]): Promise<ProposedAgendaItemRow[]> {
  if (bodyIds.length === 0) return [];
  return db
    .select({
      id: agendaItems.id,
      title: agendaItems.title,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingKind: meetings.kind,
      startsAt: meetings.startsAt,
      bodyId: meetings.bodyId,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(inArray(meetings.bodyId, [...bodyIds]), eq(agendaItems.status, 'proposed'), inArray(meetings.status, ['draft', 'scheduled', 'postponed'])))
    .orderBy(asc(meetings.startsAt), asc(agendaItems.position));
}

export interface PendingMinutesRow {
  id: string;
  title: string;
  status: MinutesStatus;
  meetingId: string;
  meetingKind: MeetingKind;
  meetingStartsAt: Date;
  bodyId: string;
  updatedAt: Date;
}

/** Minutes not yet issued (drafts to sign off, signed-off minutes to issue) in these bodies. */
export async function listPendingMinutes(db: DbOrTx, bodyIds: readonly string[]): Promise<PendingMinutesRow[]> {
  if (bodyIds.length === 0) return [];
  return db
    .select({
      id: minutes.id,
      title: minutes.title,
      status: minutes.status,
      meetingId: meetings.id,
      meetingKind: meetings.kind,
      meetingStartsAt: meetings.startsAt,
      bodyId: minutes.bodyId,
      updatedAt: minutes.updatedAt,
    })
    .from(minutes)
    .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
    .where(and(inArray(minutes.bodyId, [...bodyIds]), inArray(minutes.status, ['draft', 'signed_off'])))
    .orderBy(asc(meetings.startsAt), asc(minutes.id));
}

export interface AwaitingOutgoingRow {
  id: string;
  bodyId: string;
  kind: OutgoingDocumentKind;
  title: string;
  status: OutgoingDocumentStatus;
  issuedInNameOf: 'body' | 'office';
  groupId: string | null;
  submittedAt: Date | null;
}

/** Outgoing documents and bulletins waiting in the signing chain (审核 or 签发) in these bodies. */
export async function listAwaitingOutgoingDocuments(db: DbOrTx, bodyIds: readonly string[]): Promise<AwaitingOutgoingRow[]> {
  if (bodyIds.length === 0) return [];
  return db
    .select({
      id: outgoingDocuments.id,
      bodyId: outgoingDocuments.bodyId,
      kind: outgoingDocuments.kind,
      title: outgoingDocuments.title,
      status: outgoingDocuments.status,
      issuedInNameOf: outgoingDocuments.issuedInNameOf,
      groupId: outgoingDocuments.groupId,
      submittedAt: outgoingDocuments.submittedAt,
    })
    .from(outgoingDocuments)
    .where(and(inArray(outgoingDocuments.bodyId, [...bodyIds]), inArray(outgoingDocuments.status, ['awaiting_review', 'awaiting_signature'])))
    .orderBy(asc(outgoingDocuments.submittedAt), asc(outgoingDocuments.id));
}

export interface ProposedMembershipChangeRow {
  id: string;
  bodyId: string;
  kind: MembershipChangeKind;
  roleKind: RoleKind;
  title: string;
  unitName: string | null;
  personId: string | null;
  personName: string | null;
  effectiveDate: string;
  proposedBy: string;
  confirmer: MembershipConfirmer;
}

/** Membership change proposals still waiting for confirmation in these bodies. */
export async function listProposedMembershipChanges(db: DbOrTx, bodyIds: readonly string[]): Promise<ProposedMembershipChangeRow[]> {
  if (bodyIds.length === 0) return [];
  return db
    .select({
      id: membershipChangeProposals.id,
      bodyId: membershipChangeProposals.bodyId,
      kind: membershipChangeProposals.kind,
      roleKind: membershipChangeProposals.roleKind,
      title: membershipChangeProposals.title,
      unitName: units.name,
      personId: membershipChangeProposals.personId,
      personName: membershipChangeProposals.personName,
      effectiveDate: membershipChangeProposals.effectiveDate,
      proposedBy: membershipChangeProposals.proposedBy,
      confirmer: membershipChangeProposals.confirmer,
    })
    .from(membershipChangeProposals)
    .leftJoin(units, eq(units.id, membershipChangeProposals.unitId))
    .where(and(inArray(membershipChangeProposals.bodyId, [...bodyIds]), eq(membershipChangeProposals.status, 'proposed')))
    .orderBy(asc(membershipChangeProposals.effectiveDate), asc(membershipChangeProposals.proposedAt));
}

export interface MonthMeetingRow {
  id: string;
  bodyId: string;
  title: string;
  kindName: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
  status: MeetingStatus;
}

/**
 * Meetings of these bodies starting in [from, to): drafts only in `draftBodyIds` (the bodies whose
 * office prepares them); cancelled ones stay (the calendar marks them).
 */
export async function listMeetingsStartingBetween(
  db: DbOrTx,
  options: { bodyIds: readonly string[]; draftBodyIds: readonly string[]; from: Date; to: Date },
): Promise<MonthMeetingRow[]> {
  if (options.bodyIds.length === 0) return [];
  const notDraft = ne(meetings.status, 'draft');
  const visible = options.draftBodyIds.length === 0 ? notDraft : or(notDraft, inArray(meetings.bodyId, [...options.draftBodyIds]));
  return db
    .select({
      id: meetings.id,
      bodyId: meetings.bodyId,
      title: meetings.title,
      kindName: meetings.kindName,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      location: meetings.location,
      status: meetings.status,
    })
    .from(meetings)
    .where(and(inArray(meetings.bodyId, [...options.bodyIds]), gte(meetings.startsAt, options.from), lt(meetings.startsAt, options.to), visible))
    .orderBy(asc(meetings.startsAt), sql`${meetings.id}`);
}

/** The meetings of these bodies in one of `statuses` (the workspace's coming-up list), each body's newest first. */
export async function listMeetingsOfBodiesInStatus(db: DbOrTx, bodyIds: readonly string[], statuses: readonly MeetingStatus[]): Promise<MeetingRow[]> {
  if (bodyIds.length === 0 || statuses.length === 0) return [];
  return db
    .select()
    .from(meetings)
    .where(and(inArray(meetings.bodyId, [...bodyIds]), inArray(meetings.status, [...statuses])))
    .orderBy(asc(meetings.bodyId), desc(meetings.startsAt), asc(meetings.id));
}

/** The agendas of these meetings (with the proposing unit's name), each in its order. */
export async function listAgendaItemsOfMeetings(db: DbOrTx, meetingIds: readonly string[]): Promise<(AgendaItemRow & { unitName: string | null })[]> {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .select({ item: agendaItems, unitName: units.name })
    .from(agendaItems)
    .leftJoin(units, eq(units.id, agendaItems.proposedByUnitId))
    .where(inArray(agendaItems.meetingId, [...meetingIds]))
    .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position));
  return rows.map((r) => ({ ...r.item, unitName: r.unitName }));
}
