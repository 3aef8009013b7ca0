/**
 * SQL for re-encrypting data at rest (issue 17 point 8): personal fields and attachment contents as
 * stored (sealed or legacy plain), and writing them back. Everyday reads and writes seal and open in
 * the repositories that own the columns (notification-repository.ts, feed-token-repository.ts) and,
 * for attachment contents, in the schema's `bytea` column type.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { notificationAddresses, progressAttachments } from '../db/schema/decisions.ts';
import { incomingDocumentAttachments } from '../db/schema/incoming-documents.ts';
import { meetingMaterials } from '../db/schema/meetings.ts';
import { infoReportAttachments } from '../db/schema/reports.ts';
import { sealedBytesKeyId } from '../db/field-encryption.ts';

/** A personal field as stored: the table, the row key and the stored text. */
export interface StoredPersonalField {
  table: 'notification_addresses';
  column: 'email';
  rowId: string;
  stored: string;
}

/** Every stored personal field, in a stable order. */
export async function listStoredPersonalFields(db: DbOrTx): Promise<StoredPersonalField[]> {
  const rows = await db
    .select({ accountId: notificationAddresses.accountId, email: notificationAddresses.email })
    .from(notificationAddresses)
    .orderBy(asc(notificationAddresses.accountId));
  return rows.map((row) => ({ table: 'notification_addresses', column: 'email', rowId: row.accountId, stored: row.email }));
}

/** Writes a re-sealed value back (the row's other columns are untouched). */
export async function writeStoredPersonalField(db: DbOrTx, field: Pick<StoredPersonalField, 'table' | 'column' | 'rowId'>, stored: string): Promise<void> {
  await db.update(notificationAddresses).set({ email: stored }).where(eq(notificationAddresses.accountId, field.rowId));
}

const ATTACHMENT_TABLES = {
  meeting_materials: meetingMaterials,
  progress_attachments: progressAttachments,
  info_report_attachments: infoReportAttachments,
  incoming_document_attachments: incomingDocumentAttachments,
} as const;

export type AttachmentTable = keyof typeof ATTACHMENT_TABLES;

/** An attachment as stored: its table, id and the key id it is sealed with (null: stored plain). */
export interface StoredAttachment {
  table: AttachmentTable;
  rowId: string;
  keyId: string | null;
}

/** Every stored attachment with the key id of its content (only the header is read). */
export async function listStoredAttachments(db: DbOrTx): Promise<StoredAttachment[]> {
  const out: StoredAttachment[] = [];
  for (const [name, table] of Object.entries(ATTACHMENT_TABLES) as [AttachmentTable, (typeof ATTACHMENT_TABLES)[AttachmentTable]][]) {
    const rows = await db
      .select({ id: table.id, head: sql<string>`encode(substring(${table.content} from 1 for 16), 'hex')` })
      .from(table)
      .orderBy(asc(table.id));
    for (const row of rows) out.push({ table: name, rowId: row.id, keyId: sealedBytesKeyId(Buffer.from(row.head, 'hex')) });
  }
  return out;
}

/**
 * Re-seals one attachment under the current key: reading opens it (with any key of the keyring),
 * writing seals it (the schema's `bytea` column type).
 */
export async function resealAttachment(db: DbOrTx, attachment: Pick<StoredAttachment, 'table' | 'rowId'>): Promise<void> {
  const table = ATTACHMENT_TABLES[attachment.table];
  const [row] = await db.select({ content: table.content }).from(table).where(eq(table.id, attachment.rowId));
  if (row === undefined) return;
  await db.update(table).set({ content: row.content }).where(eq(table.id, attachment.rowId));
}
