/**
 * SQL for re-encrypting personal fields at rest (issue 17 point 8): the stored (sealed or legacy
 * plain) values as they are, and writing one back. Everyday reads and writes seal and open in the
 * repositories that own the columns (notification-repository.ts, feed-token-repository.ts).
 */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { notificationAddresses } from '../db/schema/decisions.ts';

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
