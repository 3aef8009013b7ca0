/**
 * Information reports (信息报送) and the annual cycle: mirrors migrations/0010_reports.sql.
 */
import { bigint, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { CollectionKind, CollectionStatus, OfferStatus, ReporterKind, TaskStatus } from '../../domain/reports/report-types.ts';
import { accounts } from './platform.ts';
import { bodies, units } from './bodies.ts';
import { openBytes, sealBytes } from '../field-encryption.ts';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // Issue 17 point 8: attachment contents are SM4-encrypted at rest (src/db/field-encryption.ts).
  toDriver: (value) => sealBytes(value),
  fromDriver: (value) => openBytes(value),
});

export const infoReportSettings = pgTable('info_report_settings', {
  bodyId: text('body_id').primaryKey().references(() => bodies.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(false),
  reporter: text('reporter').$type<ReporterKind>().notNull().default('member_unit'),
  quotaCount: integer('quota_count').notNull().default(1),
  periodMonths: integer('period_months').notNull().default(1),
  categories: jsonb('categories').$type<string[]>().notNull().default([]),
  reminderDaysBefore: integer('reminder_days_before').notNull().default(5),
  updatedAt: timestamptz('updated_at').notNull(),
  updatedBy: text('updated_by').references(() => accounts.id),
});

export const infoReports = pgTable(
  'info_reports',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id').notNull().references(() => units.id),
    title: text('title').notNull(),
    text: text('text').notNull(),
    category: text('category').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    createdBy: text('created_by').references(() => accounts.id),
  },
  (t) => [index('info_reports_unit_idx').on(t.unitId, t.createdAt)],
);

export const infoReportAttachments = pgTable(
  'info_report_attachments',
  {
    id: text('id').primaryKey(),
    reportId: text('report_id').notNull().references(() => infoReports.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [index('info_report_attachments_report_idx').on(t.reportId)],
);

export const infoReportOffers = pgTable(
  'info_report_offers',
  {
    id: text('id').primaryKey(),
    reportId: text('report_id').notNull().references(() => infoReports.id, { onDelete: 'cascade' }),
    bodyId: text('body_id').notNull().references(() => bodies.id, { onDelete: 'cascade' }),
    reporterKind: text('reporter_kind').$type<ReporterKind>().notNull(),
    reporterId: text('reporter_id').notNull(),
    reporterName: text('reporter_name').notNull(),
    period: text('period').notNull(),
    status: text('status').$type<OfferStatus>().notNull(),
    reason: text('reason'),
    submittedAt: timestamptz('submitted_at').notNull(),
    decidedAt: timestamptz('decided_at'),
    decidedBy: text('decided_by').references(() => accounts.id),
  },
  (t) => [
    unique().on(t.reportId, t.bodyId),
    index('info_report_offers_body_idx').on(t.bodyId, t.period, t.reporterKind, t.reporterId),
    index('info_report_offers_status_idx').on(t.bodyId, t.status),
  ],
);

export const infoReportReminders = pgTable(
  'info_report_reminders',
  {
    bodyId: text('body_id').notNull().references(() => bodies.id, { onDelete: 'cascade' }),
    reporterKind: text('reporter_kind').$type<ReporterKind>().notNull(),
    reporterId: text('reporter_id').notNull(),
    period: text('period').notNull(),
    sentAt: timestamptz('sent_at').notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.reporterKind, t.reporterId, t.period] })],
);

export const annualCollections = pgTable(
  'annual_collections',
  {
    id: text('id').primaryKey(),
    bodyId: text('body_id').notNull().references(() => bodies.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    kind: text('kind').$type<CollectionKind>().notNull(),
    clause: text('clause'),
    ruleText: text('rule_text').notNull(),
    reportTo: text('report_to').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status').$type<CollectionStatus>().notNull(),
    compiledText: text('compiled_text'),
    compiledAt: timestamptz('compiled_at'),
    compiledBy: text('compiled_by').references(() => accounts.id),
    outgoingDocumentId: text('outgoing_document_id'),
    agendaItemId: text('agenda_item_id'),
    createdAt: timestamptz('created_at').notNull(),
    createdBy: text('created_by').references(() => accounts.id),
  },
  (t) => [unique().on(t.bodyId, t.year, t.kind)],
);

export const annualTasks = pgTable(
  'annual_tasks',
  {
    id: text('id').primaryKey(),
    collectionId: text('collection_id').notNull().references(() => annualCollections.id, { onDelete: 'cascade' }),
    reporterKind: text('reporter_kind').$type<ReporterKind>().notNull(),
    reporterId: text('reporter_id').notNull(),
    reporterName: text('reporter_name').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status').$type<TaskStatus>().notNull(),
    text: text('text'),
    reason: text('reason'),
    submittedAt: timestamptz('submitted_at'),
    submittedBy: text('submitted_by').references(() => accounts.id),
    decidedAt: timestamptz('decided_at'),
    decidedBy: text('decided_by').references(() => accounts.id),
  },
  (t) => [unique().on(t.collectionId, t.reporterKind, t.reporterId), index('annual_tasks_reporter_idx').on(t.reporterKind, t.reporterId, t.status)],
);
