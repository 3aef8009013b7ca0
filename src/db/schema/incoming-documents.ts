/**
 * Incoming documents (收文 / 批办 / 转办): mirrors migrations/0012_incoming_documents.sql.
 */
import { bigint, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { DeadlineBasis } from '../../domain/decisions/decision-deadline.ts';
import type { IncomingDocumentStatus, IncomingRouting } from '../../domain/incoming-documents/incoming-status.ts';
import type { FiringRung } from '../../domain/decisions/escalation-ladder.ts';
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

export const incomingDocuments = pgTable(
  'incoming_documents',
  {
    id: text('id').primaryKey(),
    bodyId: text('body_id').notNull().references(() => bodies.id, { onDelete: 'cascade' }),
    sendingUnit: text('sending_unit').notNull(),
    sendingNumber: text('sending_number'),
    title: text('title').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    status: text('status').$type<IncomingDocumentStatus>().notNull(),
    routing: text('routing').$type<IncomingRouting>(),
    instruction: text('instruction'),
    leadUnitId: text('lead_unit_id').references(() => units.id),
    assignedOn: date('assigned_on', { mode: 'string' }),
    deadline: date('deadline', { mode: 'string' }),
    deadlineProvisional: boolean('deadline_provisional').notNull().default(false),
    deadlineReasons: jsonb('deadline_reasons').$type<string[]>().notNull().default([]),
    deadlineBasis: jsonb('deadline_basis').$type<DeadlineBasis>(),
    assignedBy: text('assigned_by').references(() => accounts.id),
    replyText: text('reply_text'),
    repliedAt: timestamptz('replied_at'),
    repliedBy: text('replied_by').references(() => accounts.id),
    closedAt: timestamptz('closed_at'),
    closedBy: text('closed_by').references(() => accounts.id),
    closeNote: text('close_note'),
    registeredBy: text('registered_by').references(() => accounts.id),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    index('incoming_documents_body_idx').on(t.bodyId, t.status, t.deadline),
    index('incoming_documents_lead_unit_idx').on(t.leadUnitId, t.status),
    index('incoming_documents_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
  ],
);

export const incomingDocumentCoUnits = pgTable(
  'incoming_document_co_units',
  {
    documentId: text('document_id').notNull().references(() => incomingDocuments.id, { onDelete: 'cascade' }),
    unitId: text('unit_id').notNull().references(() => units.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.unitId] }), index('incoming_document_co_units_unit_idx').on(t.unitId)],
);

export const incomingDocumentAttachments = pgTable(
  'incoming_document_attachments',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull().references(() => incomingDocuments.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [index('incoming_document_attachments_document_idx').on(t.documentId)],
);

export const incomingDocumentReminderSends = pgTable(
  'incoming_document_reminder_sends',
  {
    documentId: text('document_id').notNull().references(() => incomingDocuments.id, { onDelete: 'cascade' }),
    rung: text('rung').$type<FiringRung>().notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    sentAt: timestamptz('sent_at').notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.rung, t.dueDate] })],
);
