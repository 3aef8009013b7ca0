/**
 * Outgoing documents (发文), the issuers' number registers and bulletins (简报 / 专报): mirrors
 * migrations/0011_outgoing_documents.sql.
 */
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { BulletinArticle, OutgoingDocumentKind, OutgoingDocumentSource, OutgoingDocumentStatus, RecipientRole } from '../../domain/outgoing-documents/outgoing-types.ts';
import { accounts } from './platform.ts';
import { bodies, groups } from './bodies.ts';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const documentRegisterPrefixes = pgTable(
  'document_register_prefixes',
  {
    bodyId: text('body_id').notNull().references(() => bodies.id, { onDelete: 'cascade' }),
    register: text('register').$type<'body' | 'office'>().notNull(),
    prefix: text('prefix').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    updatedBy: text('updated_by').references(() => accounts.id),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.register] })],
);

export const documentRegisterCounters = pgTable(
  'document_register_counters',
  {
    bodyId: text('body_id').notNull().references(() => bodies.id, { onDelete: 'cascade' }),
    register: text('register').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.register, t.year] })],
);

export const outgoingDocuments = pgTable(
  'outgoing_documents',
  {
    id: text('id').primaryKey(),
    bodyId: text('body_id').notNull().references(() => bodies.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<OutgoingDocumentKind>().notNull(),
    issuedInNameOf: text('issued_in_name_of').$type<'body' | 'office'>().notNull(),
    groupId: text('group_id').references(() => groups.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    content: text('content').notNull().default(''),
    status: text('status').$type<OutgoingDocumentStatus>().notNull(),
    source: jsonb('source').$type<OutgoingDocumentSource>(),
    register: text('register').$type<'body' | 'office'>(),
    year: integer('year'),
    serial: integer('serial'),
    docNumber: text('doc_number'),
    issuedOn: date('issued_on', { mode: 'string' }),
    submittedBy: text('submitted_by').references(() => accounts.id),
    submittedAt: timestamptz('submitted_at'),
    reviewedBy: text('reviewed_by').references(() => accounts.id),
    reviewedAs: text('reviewed_as'),
    reviewedAt: timestamptz('reviewed_at'),
    reviewComment: text('review_comment'),
    signedBy: text('signed_by').references(() => accounts.id),
    signedAs: text('signed_as'),
    signedAt: timestamptz('signed_at'),
    createdBy: text('created_by').references(() => accounts.id),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    index('outgoing_documents_body_idx').on(t.bodyId, t.status, t.createdAt),
    index('outgoing_documents_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    uniqueIndex('outgoing_documents_number_unique').on(t.bodyId, t.register, t.year, t.serial),
  ],
);

export const bulletinIssues = pgTable(
  'bulletin_issues',
  {
    documentId: text('document_id').primaryKey().references(() => outgoingDocuments.id, { onDelete: 'cascade' }),
    bodyId: text('body_id').notNull().references(() => bodies.id, { onDelete: 'cascade' }),
    series: text('series').notNull(),
    year: integer('year').notNull(),
    issueNumber: integer('issue_number'),
    compiledBy: text('compiled_by').notNull(),
    articles: jsonb('articles').$type<BulletinArticle[]>().notNull(),
    reportTo: jsonb('report_to').$type<string[]>().notNull().default([]),
    copyTo: jsonb('copy_to').$type<string[]>().notNull().default([]),
    recipientUnitIds: jsonb('recipient_unit_ids').$type<string[]>().notNull().default([]),
    recipientRoles: jsonb('recipient_roles').$type<RecipientRole[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('bulletin_issues_number_unique').on(t.bodyId, t.series, t.year, t.issueNumber)],
);
