/**
 * Decisions and supervision, notifications: mirrors migrations/0005_decisions.sql.
 */
import { bigint, bigserial, boolean, customType, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from './platform.ts';
import { bodies, units } from './bodies.ts';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export type DecisionStatus = 'assigned' | 'in_progress' | 'completion_reported' | 'closed';

/** How a deadline was set. */
export type DeadlineBasis =
  | { kind: 'date' }
  | { kind: 'working_days'; days: number }
  | { kind: 'charter_default'; days: number; coHandled: boolean; clause: string | null }
  | { kind: 'extension'; extensionRequestId: string };

export const decisions = pgTable('decisions', {
  id: text('id').primaryKey(),
  bodyId: text('body_id').notNull().references(() => bodies.id),
  meetingId: text('meeting_id').notNull(),
  minutesId: text('minutes_id').notNull(),
  itemNo: integer('item_no').notNull(),
  text: text('text').notNull(),
  leadUnitId: text('lead_unit_id').notNull().references(() => units.id),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  status: text('status').$type<DecisionStatus>().notNull(),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  deadlineProvisional: boolean('deadline_provisional').notNull().default(false),
  deadlineReasons: jsonb('deadline_reasons').$type<string[]>().notNull(),
  completionReportedAt: timestamptz('completion_reported_at'),
  closedAt: timestamptz('closed_at'),
  closedBy: text('closed_by').references(() => accounts.id),
  createdAt: timestamptz('created_at').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

export const decisionCoUnits = pgTable(
  'decision_co_units',
  {
    decisionId: text('decision_id').notNull().references(() => decisions.id),
    unitId: text('unit_id').notNull().references(() => units.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.unitId] })],
);

export const decisionDeadlines = pgTable('decision_deadlines', {
  id: text('id').primaryKey(),
  decisionId: text('decision_id').notNull().references(() => decisions.id),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  provisional: boolean('provisional').notNull().default(false),
  reasons: jsonb('reasons').$type<string[]>().notNull(),
  basis: jsonb('basis').$type<DeadlineBasis>().notNull(),
  setAt: timestamptz('set_at').notNull(),
  setBy: text('set_by').references(() => accounts.id),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
});

export type ExtensionStatus = 'pending' | 'approved' | 'refused';

export const extensionRequests = pgTable('extension_requests', {
  id: text('id').primaryKey(),
  decisionId: text('decision_id').notNull().references(() => decisions.id),
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
});

export type ProgressReportKind = 'progress' | 'completion' | 'sent_back' | 'closed';

export const progressReports = pgTable('progress_reports', {
  id: text('id').primaryKey(),
  decisionId: text('decision_id').notNull().references(() => decisions.id),
  kind: text('kind').$type<ProgressReportKind>().notNull(),
  unitId: text('unit_id').references(() => units.id),
  authorId: text('author_id').references(() => accounts.id),
  text: text('text').notNull(),
  createdAt: timestamptz('created_at').notNull(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
});

export const progressAttachments = pgTable('progress_attachments', {
  id: text('id').primaryKey(),
  progressReportId: text('progress_report_id').notNull().references(() => progressReports.id),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
});

export type ReminderKind = 'before' | 'due' | 'overdue';

export const reminderSends = pgTable(
  'reminder_sends',
  {
    decisionId: text('decision_id').notNull().references(() => decisions.id),
    kind: text('kind').$type<ReminderKind>().notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    sentAt: timestamptz('sent_at').notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.kind, t.dueDate] })],
);

export const circulars = pgTable('circulars', {
  id: text('id').primaryKey(),
  bodyId: text('body_id').notNull().references(() => bodies.id),
  year: integer('year').notNull(),
  number: integer('number').notNull(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  items: jsonb('items').$type<unknown>().notNull(),
  createdBy: text('created_by').references(() => accounts.id),
  createdAt: timestamptz('created_at').notNull(),
});

export const inboxItems = pgTable('inbox_items', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull().references(() => accounts.id),
  bodyId: text('body_id').references(() => bodies.id),
  event: text('event').notNull(),
  title: text('title').notNull(),
  message: text('message').notNull(),
  link: text('link'),
  notificationId: bigint('notification_id', { mode: 'number' }),
  createdAt: timestamptz('created_at').notNull(),
  readAt: timestamptz('read_at'),
});

export const notificationAddresses = pgTable('notification_addresses', {
  accountId: text('account_id').primaryKey().references(() => accounts.id),
  email: text('email').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

export const bodyNotificationSettings = pgTable('body_notification_settings', {
  bodyId: text('body_id').primaryKey().references(() => bodies.id),
  reminderDaysBefore: integer('reminder_days_before').notNull().default(3),
  webhookUrl: text('webhook_url'),
  webhookSecret: text('webhook_secret'),
  webhookEnabled: boolean('webhook_enabled').notNull().default(false),
  updatedAt: timestamptz('updated_at').notNull(),
  updatedBy: text('updated_by').references(() => accounts.id),
});
