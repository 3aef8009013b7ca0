/** Membership change proposals and group corrections: mirrors migrations/0007_membership_changes_groups.sql. */
import { date, index, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { RoleKind } from '../../domain/charter/charter-types.ts';
import type { MembershipConfirmer } from '../../domain/charter-gates/membership-change-gate.ts';
import type { GateBasis, GateRole } from '../../domain/charter-gates/gate-types.ts';
import type { GroupLeader } from '../../domain/directory/group-corrections.ts';
import { bodies, memberships, people, units } from './bodies.ts';
import { meetings } from './meetings.ts';
import { accounts } from './platform.ts';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type MembershipChangeKind = 'start' | 'end' | 'handover';
export type MembershipChangeStatus = 'proposed' | 'confirmed' | 'rejected';

export const membershipChangeProposals = pgTable(
  'membership_change_proposals',
  {
    id: text('id').primaryKey(),
    bodyId: text('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<MembershipChangeKind>().notNull(),
    status: text('status').$type<MembershipChangeStatus>().notNull(),
    membershipId: text('membership_id').references(() => memberships.id),
    roleKind: text('role_kind').$type<RoleKind>().notNull(),
    title: text('title').notNull(),
    unitId: text('unit_id').references(() => units.id),
    personId: text('person_id').references(() => people.id),
    personName: text('person_name'),
    position: text('position'),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    reason: text('reason'),
    proposedBy: text('proposed_by')
      .notNull()
      .references(() => accounts.id),
    proposedAs: text('proposed_as').$type<GateRole>().notNull(),
    proposedAt: timestamptz('proposed_at').notNull(),
    confirmer: text('confirmer').$type<MembershipConfirmer>().notNull(),
    /** The rule's clause, or the default, the proposal is made under */
    clause: jsonb('clause').$type<GateBasis>().notNull(),
    decidedBy: text('decided_by').references(() => accounts.id),
    decidedAs: text('decided_as').$type<GateRole>(),
    decidedAt: timestamptz('decided_at'),
    decisionNote: text('decision_note'),
    meetingId: text('meeting_id').references(() => meetings.id),
    startedMembershipId: text('started_membership_id').references(() => memberships.id),
    tookEffectOn: date('took_effect_on', { mode: 'string' }),
  },
  (t) => [index('membership_change_proposals_body_idx').on(t.bodyId, t.status, t.proposedAt)],
);

export const groupCorrections = pgTable(
  'group_corrections',
  {
    id: text('id').primaryKey(),
    bodyId: text('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'cascade' }),
    groupKey: text('group_key').notNull(),
    groupName: text('group_name').notNull(),
    leadUnitIds: text('lead_unit_ids').array(),
    memberUnitIds: text('member_unit_ids').array(),
    leaders: jsonb('leaders').$type<GroupLeader[] | null>(),
    reason: text('reason'),
    updatedBy: text('updated_by').references(() => accounts.id),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [unique().on(t.bodyId, t.groupKey)],
);
