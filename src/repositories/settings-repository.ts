import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { settings } from '../db/schema/platform.ts';

export async function readSetting(db: DbOrTx, key: string): Promise<unknown> {
  const rows = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return rows[0]?.value;
}

export async function writeSetting(tx: DbOrTx, key: string, value: unknown, at: Date, by: string | null): Promise<void> {
  await tx
    .insert(settings)
    .values({ key, value, updatedAt: at, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at, updatedBy: by } });
}

/** Inserts the key only when absent; returns whether this call inserted it (first writer wins). */
export async function claimSetting(tx: DbOrTx, key: string, value: unknown, at: Date): Promise<boolean> {
  const rows = await tx
    .insert(settings)
    .values({ key, value, updatedAt: at, updatedBy: null })
    .onConflictDoNothing({ target: settings.key })
    .returning({ key: settings.key });
  return rows.length > 0;
}
