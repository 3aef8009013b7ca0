/** Audit archive checkpoints (migrations/0018_audit_archive.sql): one per archiving of old audit rows. */
import { bigint, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The archived range, the chain head hash of its last row and the signature of the archive's manifest. */
export const auditArchiveCheckpoints = pgTable('audit_archive_checkpoints', {
  /** 1, 2, 3 … in archiving order */
  id: bigint('id', { mode: 'number' }).primaryKey(),
  firstSeq: bigint('first_seq', { mode: 'number' }).notNull(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  rowCount: bigint('row_count', { mode: 'number' }).notNull(),
  /** The hash the first archived row chains to (previous checkpoint's lastHash, or genesis) */
  prevHash: text('prev_hash').notNull(),
  /** The chain head hash of the last archived row */
  lastHash: text('last_hash').notNull(),
  lastHashVersion: smallint('last_hash_version').notNull(),
  /** Rows that occurred before this instant were archived */
  cutOff: timestamptz('cut_off').notNull(),
  archivedAt: timestamptz('archived_at').notNull(),
  fileName: text('file_name').notNull(),
  /** HMAC-SM3 of the manifest with the audit key */
  signature: text('signature').notNull(),
}, (t) => [uniqueIndex('audit_archive_checkpoints_first_seq_key').on(t.firstSeq)]);

export type AuditArchiveCheckpointRow = typeof auditArchiveCheckpoints.$inferSelect;
