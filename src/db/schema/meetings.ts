/** Meetings and minutes: mirrors migrations/0004_meetings.sql. */
import { isNull } from 'drizzle-orm';
import { customType, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import type { RoleKind } from '../../domain/charter/charter-types.ts';
import type {
  AgendaItemStatus,
  AttendanceStatus,
  DecidedItemDraft,
  InviteeApproval,
  InviteeKind,
  MeetingKind,
  MeetingStatus,
  MinutesDistribution,
  MinutesStatus,
} from '../../domain/meetings/meeting-types.ts';
import { bodies, groups, memberships, people, units } from './bodies.ts';
import { accounts } from './platform.ts';
import { openBytes, sealBytes } from '../field-encryption.ts';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // Issue 17 point 8: attachment contents are SM4-encrypted at rest (src/db/field-encryption.ts).
  toDriver: (value) => sealBytes(value),
  fromDriver: (value) => openBytes(value),
});

export const meetings = pgTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    bodyId: text('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<MeetingKind>().notNull(),
    kindName: text('kind_name').notNull(),
    groupId: text('group_id').references(() => groups.id),
    title: text('title').notNull(),
    startsAt: timestamptz('starts_at').notNull(),
    endsAt: timestamptz('ends_at'),
    location: text('location'),
    status: text('status').$type<MeetingStatus>().notNull(),
    statusReason: text('status_reason'),
    presiderMembershipId: text('presider_membership_id').references(() => memberships.id),
    presiderPersonId: text('presider_person_id').references(() => people.id),
    preMeetingOf: text('pre_meeting_of'),
    icsSequence: integer('ics_sequence').notNull().default(0),
    noticeSentAt: timestamptz('notice_sent_at'),
    heldAt: timestamptz('held_at'),
    createdBy: text('created_by').references(() => accounts.id),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('meetings_body_idx').on(t.bodyId, t.startsAt),
    index('meetings_pre_meeting_idx').on(t.preMeetingOf),
    index('meetings_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    foreignKey({ columns: [t.preMeetingOf], foreignColumns: [t.id] }),
  ],
);

export const meetingDelegations = pgTable(
  'meeting_delegations',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    fromMembershipId: text('from_membership_id')
      .notNull()
      .references(() => memberships.id),
    toMembershipId: text('to_membership_id')
      .notNull()
      .references(() => memberships.id),
    recordedBy: text('recorded_by').references(() => accounts.id),
    recordedAt: timestamptz('recorded_at').notNull(),
  },
  (t) => [unique().on(t.meetingId, t.toMembershipId)],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    proposedByUnitId: text('proposed_by_unit_id').references(() => units.id),
    proposedBy: text('proposed_by').references(() => accounts.id),
    proposedAt: timestamptz('proposed_at').notNull(),
    status: text('status').$type<AgendaItemStatus>().notNull(),
    decisionReason: text('decision_reason'),
    decidedBy: text('decided_by').references(() => accounts.id),
    decidedAs: text('decided_as'),
    decidedAt: timestamptz('decided_at'),
  },
  (t) => [unique().on(t.meetingId, t.position)],
);

export const meetingMaterials = pgTable(
  'meeting_materials',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    agendaItemId: text('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').references(() => accounts.id),
    uploadedAt: timestamptz('uploaded_at').notNull(),
    circulatedAt: timestamptz('circulated_at'),
  },
  (t) => [index('meeting_materials_meeting_idx').on(t.meetingId)],
);

export const meetingInvitees = pgTable(
  'meeting_invitees',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<InviteeKind>().notNull(),
    roleKind: text('role_kind').$type<RoleKind>(),
    title: text('title'),
    unitId: text('unit_id').references(() => units.id),
    personId: text('person_id').references(() => people.id),
    membershipId: text('membership_id').references(() => memberships.id),
    name: text('name'),
    approvalStatus: text('approval_status').$type<InviteeApproval>().notNull(),
    approvalReason: text('approval_reason'),
    approvedBy: text('approved_by').references(() => accounts.id),
    approvedAt: timestamptz('approved_at'),
    proposedBy: text('proposed_by').references(() => accounts.id),
    position: integer('position').notNull().default(0),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [
    index('meeting_invitees_meeting_idx').on(t.meetingId, t.kind, t.position),
    // 0015 (issue 16): a person's invitations (calendar feed)
    index('meeting_invitees_person_idx').on(t.personId),
  ],
);

export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status').$type<AttendanceStatus>().notNull(),
    substituteName: text('substitute_name'),
    substitutePosition: text('substitute_position'),
    opinion: text('opinion'),
    leaveReason: text('leave_reason'),
    recordedBy: text('recorded_by').references(() => accounts.id),
    recordedAt: timestamptz('recorded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.unitId] })],
);

export const minutes = pgTable(
  'minutes',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    bodyId: text('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'cascade' }),
    status: text('status').$type<MinutesStatus>().notNull(),
    title: text('title').notNull(),
    proceedings: text('proceedings').notNull(),
    decidedItems: jsonb('decided_items').$type<DecidedItemDraft[]>().notNull().default([]),
    signedOffBy: text('signed_off_by').references(() => accounts.id),
    signedOffPersonId: text('signed_off_person_id').references(() => people.id),
    signedOffAs: text('signed_off_as'),
    signedOffAt: timestamptz('signed_off_at'),
    year: integer('year'),
    number: integer('number'),
    issuedOn: date('issued_on', { mode: 'string' }),
    issuedAt: timestamptz('issued_at'),
    issuedBy: text('issued_by').references(() => accounts.id),
    distribution: jsonb('distribution').$type<MinutesDistribution | null>(),
    decisionIds: jsonb('decision_ids').$type<string[]>().notNull().default([]),
    correctsMinutesId: text('corrects_minutes_id'),
    createdBy: text('created_by').references(() => accounts.id),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('minutes_number_unique').on(t.bodyId, t.year, t.number),
    index('minutes_body_idx').on(t.bodyId, t.year, t.number),
    // 0015 (issue 16): a meeting's minutes and their corrections
    index('minutes_meeting_idx').on(t.meetingId),
    index('minutes_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    uniqueIndex('minutes_one_per_meeting').on(t.meetingId).where(isNull(t.correctsMinutesId)),
    foreignKey({ columns: [t.correctsMinutesId], foreignColumns: [t.id] }),
  ],
);

export type MeetingRow = typeof meetings.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type MeetingMaterialRow = typeof meetingMaterials.$inferSelect;
export type MeetingInviteeRow = typeof meetingInvitees.$inferSelect;
export type MeetingAttendanceRow = typeof meetingAttendance.$inferSelect;
export type MeetingDelegationRow = typeof meetingDelegations.$inferSelect;
export type MinutesRow = typeof minutes.$inferSelect;
