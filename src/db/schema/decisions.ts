/**
 * Decisions and supervision, notifications: mirrors migrations/0005_decisions.sql.
 */
import { eq, isNull, ne } from 'drizzle-orm';
import { bigint, bigserial, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import type { DeadlineBasis } from '../../domain/decisions/decision-deadline.ts';
import type { DecisionStatus, ReminderKind } from '../../domain/decisions/decision-status.ts';
import { accounts } from './platform.ts';
import { bodies, units } from './bodies.ts';
import { meetings, minutes } from './meetings.ts';
import { openBytes, sealBytes } from '../field-encryption.ts';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // Issue 17 point 8: attachment contents are SM4-encrypted at rest (src/db/field-encryption.ts).
  toDriver: (value) => sealBytes(value),
  fromDriver: (value) => openBytes(value),
});

export const decisions = pgTable('decisions', {
  id: text('id').primaryKey(),
  bodyId: text('body_id').notNull().references(() => bodies.id, { onDelete: 'cascade' }),
  meetingId: text('meeting_id').notNull().references(() => meetings.id),
  minutesId: text('minutes_id').notNull().references(() => minutes.id),
  itemNo: integer('item_no').notNull(),
  text: text('text').notNull(),
  leadUnitId: text('lead_unit_id').notNull().references(() => units.id),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  status: text('status').$type<DecisionStatus>().notNull(),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  deadlineProvisional: boolean('deadline_provisional').notNull().default(false),
  deadlineReasons: jsonb('deadline_reasons').$type<string[]>().notNull().default([]),
  completionReportedAt: timestamptz('completion_reported_at'),
  closedAt: timestamptz('closed_at'),
  closedBy: text('closed_by').references(() => accounts.id),
  createdAt: timestamptz('created_at').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
}, (t) => [
  unique().on(t.minutesId, t.itemNo),
  index('decisions_body_idx').on(t.bodyId, t.status, t.deadline),
  index('decisions_lead_unit_idx').on(t.leadUnitId, t.status),
  index('decisions_open_deadline_idx').on(t.deadline).where(ne(t.status, 'closed')),
  // 0015 (issue 16): open items of a body and of a lead unit, by deadline
  index('decisions_body_open_idx').on(t.bodyId, t.deadline).where(ne(t.status, 'closed')),
  // The audit trail's search by an item's text (migrations/0021)
  index('decisions_text_trgm_idx').using('gin', t.text.op('gin_trgm_ops')),
  index('decisions_lead_open_idx').on(t.leadUnitId, t.deadline).where(ne(t.status, 'closed')),
  // 0019 (issue 15 point 4): a body's items in the list's default order (keyset)
  index('decisions_body_deadline_idx').on(t.bodyId, t.deadline, t.issuedOn, t.itemNo, t.id),
  // 0020 (issue 16): the escalation sweep's keyset read of open items by deadline
  index('decisions_open_deadline_id_idx').on(t.deadline, t.id).where(ne(t.status, 'closed')),
]);

export const decisionCoUnits = pgTable(
  'decision_co_units',
  {
    decisionId: text('decision_id').notNull().references(() => decisions.id, { onDelete: 'cascade' }),
    unitId: text('unit_id').notNull().references(() => units.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.unitId] }), index('decision_co_units_unit_idx').on(t.unitId, t.decisionId)],
);

export const decisionDeadlines = pgTable('decision_deadlines', {
  id: text('id').primaryKey(),
  decisionId: text('decision_id').notNull().references(() => decisions.id, { onDelete: 'cascade' }),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  provisional: boolean('provisional').notNull().default(false),
  reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
  basis: jsonb('basis').$type<DeadlineBasis>().notNull(),
  setAt: timestamptz('set_at').notNull(),
  setBy: text('set_by').references(() => accounts.id),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
}, (t) => [index('decision_deadlines_decision_idx').on(t.decisionId, t.seq)]);

export type ExtensionStatus = 'pending' | 'approved' | 'refused';

export const extensionRequests = pgTable('extension_requests', {
  id: text('id').primaryKey(),
  decisionId: text('decision_id').notNull().references(() => decisions.id, { onDelete: 'cascade' }),
  unitId: text('unit_id').notNull().references(() => units.id),
  requestedBy: text('requested_by').references(() => accounts.id),
  requestedDeadline: date('requested_deadline', { mode: 'string' }).notNull(),
  reason: text('reason').notNull(),
  status: text('status').$type<ExtensionStatus>().notNull(),
  decidedBy: text('decided_by').references(() => accounts.id),
  decidedAt: timestamptz('decided_at'),
  decisionNote: text('decision_note'),
  createdAt: timestamptz('created_at').notNull(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
}, (t) => [
  index('extension_requests_decision_idx').on(t.decisionId, t.seq),
  uniqueIndex('extension_requests_one_pending').on(t.decisionId).where(eq(t.status, 'pending')),
]);

export type ProgressReportKind = 'progress' | 'completion' | 'sent_back' | 'closed';

export const progressReports = pgTable('progress_reports', {
  id: text('id').primaryKey(),
  decisionId: text('decision_id').notNull().references(() => decisions.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<ProgressReportKind>().notNull(),
  unitId: text('unit_id').references(() => units.id),
  authorId: text('author_id').references(() => accounts.id),
  text: text('text').notNull(),
  createdAt: timestamptz('created_at').notNull(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
}, (t) => [index('progress_reports_decision_idx').on(t.decisionId, t.seq)]);

export const progressAttachments = pgTable('progress_attachments', {
  id: text('id').primaryKey(),
  progressReportId: text('progress_report_id').notNull().references(() => progressReports.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
}, (t) => [index('progress_attachments_report_idx').on(t.progressReportId)]);


export const reminderSends = pgTable(
  'reminder_sends',
  {
    decisionId: text('decision_id').notNull().references(() => decisions.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ReminderKind>().notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    sentAt: timestamptz('sent_at').notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.kind, t.dueDate] })],
);

export const circulars = pgTable('circulars', {
  id: text('id').primaryKey(),
  bodyId: text('body_id').notNull().references(() => bodies.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  number: integer('number').notNull(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  items: jsonb('items').$type<unknown>().notNull(),
  createdBy: text('created_by').references(() => accounts.id),
  createdAt: timestamptz('created_at').notNull(),
}, (t) => [unique().on(t.bodyId, t.year, t.number)]);

export const inboxItems = pgTable('inbox_items', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
  bodyId: text('body_id').references(() => bodies.id, { onDelete: 'cascade' }),
  event: text('event').notNull(),
  title: text('title').notNull(),
  message: text('message').notNull(),
  link: text('link'),
  notificationId: bigint('notification_id', { mode: 'number' }),
  createdAt: timestamptz('created_at').notNull(),
  readAt: timestamptz('read_at'),
}, (t) => [
  index('inbox_items_account_idx').on(t.accountId, t.createdAt.desc().nullsFirst()),
  index('inbox_items_unread_idx').on(t.accountId).where(isNull(t.readAt)),
  uniqueIndex('inbox_items_notification_unique').on(t.notificationId, t.accountId),
]);

export const notificationAddresses = pgTable('notification_addresses', {
  accountId: text('account_id').primaryKey().references(() => accounts.id, { onDelete: 'cascade' }),
  email: text('email').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

export const bodyNotificationSettings = pgTable('body_notification_settings', {
  bodyId: text('body_id').primaryKey().references(() => bodies.id, { onDelete: 'cascade' }),
  reminderDaysBefore: integer('reminder_days_before').notNull().default(3),
  webhookUrl: text('webhook_url'),
  webhookSecret: text('webhook_secret'),
  webhookEnabled: boolean('webhook_enabled').notNull().default(false),
  updatedAt: timestamptz('updated_at').notNull(),
  updatedBy: text('updated_by').references(() => accounts.id),
});
