/**
 * Supervision escalation, meeting-frequency and sunset warnings, dissolution handovers: mirrors
 * migrations/0008_supervision_ladder.sql.
 */
import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from './platform.ts';
import { bodies, units } from './bodies.ts';
import { decisions } from './decisions.ts';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const bodySupervisionSettings = pgTable('body_supervision_settings', {
  bodyId: text('body_id').primaryKey().references(() => bodies.id, { onDelete: 'cascade' }),
  memberAfterDays: integer('member_after_days').notNull().default(5),
  convenerAfterDays: integer('convener_after_days').notNull().default(10),
  frequencyWarningDays: integer('frequency_warning_days').notNull().default(30),
  updatedAt: timestamptz('updated_at').notNull(),
  updatedBy: text('updated_by').references(() => accounts.id),
});

export type EscalationSendRung = 'overdue_member' | 'overdue_convener';

export const escalationSends = pgTable(
  'escalation_sends',
  {
    decisionId: text('decision_id').notNull().references(() => decisions.id, { onDelete: 'cascade' }),
    rung: text('rung').$type<EscalationSendRung>().notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    sentAt: timestamptz('sent_at').notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.rung, t.dueDate] })],
);

export const meetingFrequencyWarnings = pgTable(
  'meeting_frequency_warnings',
  {
    bodyId: text('body_id').notNull().references(() => bodies.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    sentAt: timestamptz('sent_at').notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.year] })],
);

export const sunsetWarnings = pgTable(
  'sunset_warnings',
  {
    bodyId: text('body_id').notNull().references(() => bodies.id, { onDelete: 'cascade' }),
    sunsetDate: date('sunset_date', { mode: 'string' }).notNull(),
    daysBefore: integer('days_before').notNull(),
    sentAt: timestamptz('sent_at').notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.sunsetDate, t.daysBefore] })],
);

export type HandoverAction = 'transfer_body' | 'transfer_unit' | 'close';

export const decisionHandovers = pgTable(
  'decision_handovers',
  {
    id: text('id').primaryKey(),
    decisionId: text('decision_id').notNull().unique('decision_handovers_decision_id_key').references(() => decisions.id, { onDelete: 'cascade' }),
    fromBodyId: text('from_body_id').notNull().references(() => bodies.id, { onDelete: 'cascade' }),
    action: text('action').$type<HandoverAction>().notNull(),
    successorBodyId: text('successor_body_id').references(() => bodies.id),
    successorUnitId: text('successor_unit_id').references(() => units.id),
    reason: text('reason').notNull(),
    handedOverAt: timestamptz('handed_over_at').notNull(),
    handedOverBy: text('handed_over_by').references(() => accounts.id),
  },
  (t) => [index('decision_handovers_body_idx').on(t.fromBodyId)],
);
