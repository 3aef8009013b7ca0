/** SQL for a body's office (办公室): host unit, director, deputy directors, duties. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { bodyOffice, units } from '../db/schema/bodies.ts';
import type { StoredOfficePost } from '../db/schema/bodies.ts';

export type OfficeRow = typeof bodyOffice.$inferSelect;

export interface OfficeValues {
  hostUnitId: string | null;
  hostUnitName: string | null;
  director: StoredOfficePost | null;
  deputyDirectors: StoredOfficePost[];
  duties: string[];
}

/** Sets the body's office (replacing what was there). */
export async function upsertOffice(db: DbOrTx, bodyId: string, values: OfficeValues): Promise<void> {
  await db
    .insert(bodyOffice)
    .values({ bodyId, ...values })
    .onConflictDoUpdate({ target: bodyOffice.bodyId, set: { ...values } });
}

export async function deleteOffice(db: DbOrTx, bodyId: string): Promise<void> {
  await db.delete(bodyOffice).where(eq(bodyOffice.bodyId, bodyId));
}

export async function findOffice(db: DbOrTx, bodyId: string): Promise<(OfficeRow & { hostUnitDirectoryName: string | null }) | null> {
  const [row] = await db
    .select({ office: bodyOffice, hostUnitDirectoryName: units.name })
    .from(bodyOffice)
    .leftJoin(units, eq(units.id, bodyOffice.hostUnitId))
    .where(eq(bodyOffice.bodyId, bodyId))
    .limit(1);
  return row ? { ...row.office, hostUnitDirectoryName: row.hostUnitDirectoryName } : null;
}

/** Ids of bodies whose office a unit hosts. */
export async function listBodyIdsHostedByUnit(db: DbOrTx, unitId: string): Promise<string[]> {
  const rows = await db.select({ bodyId: bodyOffice.bodyId }).from(bodyOffice).where(eq(bodyOffice.hostUnitId, unitId));
  return rows.map((r) => r.bodyId);
}
