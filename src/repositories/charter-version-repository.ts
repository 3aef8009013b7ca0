/** SQL for charter versions: the imported charter JSON, the original text, who imported it and when. */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { charterVersions } from '../db/schema/bodies.ts';

export type CharterVersionRow = typeof charterVersions.$inferSelect;
export type NewCharterVersion = Omit<typeof charterVersions.$inferInsert, 'id'>;

/** A version without its (large) charter JSON and original text. */
export interface CharterVersionSummaryRow {
  id: string;
  bodyId: string;
  version: number;
  textHash: string;
  importedBy: string | null;
  importedAt: Date;
}

const summaryColumns = {
  id: charterVersions.id,
  bodyId: charterVersions.bodyId,
  version: charterVersions.version,
  textHash: charterVersions.textHash,
  importedBy: charterVersions.importedBy,
  importedAt: charterVersions.importedAt,
};

export async function insertCharterVersion(db: DbOrTx, values: NewCharterVersion): Promise<CharterVersionRow> {
  const [row] = await db.insert(charterVersions).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into charter_versions returned no row');
  return row;
}

export async function listCharterVersions(db: DbOrTx, bodyId: string): Promise<CharterVersionSummaryRow[]> {
  return db.select(summaryColumns).from(charterVersions).where(eq(charterVersions.bodyId, bodyId)).orderBy(asc(charterVersions.version));
}

export async function findCharterVersion(db: DbOrTx, bodyId: string, version: number): Promise<CharterVersionRow | null> {
  const [row] = await db
    .select()
    .from(charterVersions)
    .where(and(eq(charterVersions.bodyId, bodyId), eq(charterVersions.version, version)))
    .limit(1);
  return row ?? null;
}

export async function findLatestCharterVersion(db: DbOrTx, bodyId: string): Promise<CharterVersionRow | null> {
  const [row] = await db.select().from(charterVersions).where(eq(charterVersions.bodyId, bodyId)).orderBy(desc(charterVersions.version)).limit(1);
  return row ?? null;
}

/** Versions (of any body) imported from a text with this hash. */
export async function findCharterVersionsByTextHash(db: DbOrTx, textHash: string): Promise<CharterVersionSummaryRow[]> {
  return db.select(summaryColumns).from(charterVersions).where(eq(charterVersions.textHash, textHash)).orderBy(asc(charterVersions.importedAt));
}

export async function findCharterVersionById(db: DbOrTx, id: string): Promise<CharterVersionRow | null> {
  const [row] = await db.select().from(charterVersions).where(eq(charterVersions.id, id)).limit(1);
  return row ?? null;
}
