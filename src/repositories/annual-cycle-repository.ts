/** The annual cycle: a body's yearly collections (年度工作报告 / 年度工作要点) and each reporter's task. */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { bodies } from '../db/schema/bodies.ts';
import { annualCollections, annualTasks } from '../db/schema/reports.ts';
import type { CollectionKind } from '../domain/reports/report-types.ts';

export type AnnualCollectionRow = typeof annualCollections.$inferSelect;
export type AnnualTaskRow = typeof annualTasks.$inferSelect;

export async function findCollection(db: DbOrTx, options: { bodyId: string; year: number; kind: CollectionKind; forUpdate?: boolean }): Promise<AnnualCollectionRow | null> {
  const query = db
    .select()
    .from(annualCollections)
    .where(and(eq(annualCollections.bodyId, options.bodyId), eq(annualCollections.year, options.year), eq(annualCollections.kind, options.kind)))
    .limit(1);
  const [row] = options.forUpdate === true ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertCollection(db: DbOrTx, values: Omit<typeof annualCollections.$inferInsert, 'id'>): Promise<AnnualCollectionRow> {
  const [row] = await db.insert(annualCollections).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('annual_collections insert returned nothing');
  return row;
}

export async function updateCollection(
  db: DbOrTx,
  id: string,
  patch: Partial<Pick<AnnualCollectionRow, 'status' | 'compiledText' | 'compiledAt' | 'compiledBy' | 'outgoingDocumentId' | 'agendaItemId'>>,
): Promise<AnnualCollectionRow> {
  const [row] = await db.update(annualCollections).set(patch).where(eq(annualCollections.id, id)).returning();
  if (!row) throw new Error('annual collection vanished');
  return row;
}

export async function insertTasks(db: DbOrTx, values: readonly Omit<typeof annualTasks.$inferInsert, 'id'>[]): Promise<AnnualTaskRow[]> {
  if (values.length === 0) return [];
  return db
    .insert(annualTasks)
    .values(values.map((v) => ({ id: randomUUID(), ...v })))
    .returning();
}

export async function listTasks(db: DbOrTx, collectionId: string): Promise<AnnualTaskRow[]> {
  return db.select().from(annualTasks).where(eq(annualTasks.collectionId, collectionId)).orderBy(asc(annualTasks.reporterKind), asc(annualTasks.reporterName));
}

/** A task of a body's collection, locked for a change when asked. */
export async function findTask(db: DbOrTx, options: { bodyId: string; taskId: string; forUpdate?: boolean }): Promise<{ task: AnnualTaskRow; collection: AnnualCollectionRow } | null> {
  const query = db
    .select({ task: annualTasks, collection: annualCollections })
    .from(annualTasks)
    .innerJoin(annualCollections, eq(annualCollections.id, annualTasks.collectionId))
    .where(and(eq(annualTasks.id, options.taskId), eq(annualCollections.bodyId, options.bodyId)))
    .limit(1);
  const [row] = options.forUpdate === true ? await query.for('update', { of: annualTasks }) : await query;
  return row ?? null;
}

export async function updateTask(db: DbOrTx, id: string, patch: Partial<Omit<AnnualTaskRow, 'id' | 'collectionId'>>): Promise<AnnualTaskRow> {
  const [row] = await db.update(annualTasks).set(patch).where(eq(annualTasks.id, id)).returning();
  if (!row) throw new Error('annual task vanished');
  return row;
}

/** Open tasks (pending or returned, in a collection still collecting) of these reporters, with the body's name. */
export async function listOpenTasksOfReporters(
  db: DbOrTx,
  reporterIds: readonly string[],
): Promise<{ task: AnnualTaskRow; collection: AnnualCollectionRow; bodyName: string }[]> {
  if (reporterIds.length === 0) return [];
  return db
    .select({ task: annualTasks, collection: annualCollections, bodyName: bodies.name })
    .from(annualTasks)
    .innerJoin(annualCollections, eq(annualCollections.id, annualTasks.collectionId))
    .innerJoin(bodies, eq(bodies.id, annualCollections.bodyId))
    .where(and(inArray(annualTasks.reporterId, [...reporterIds]), inArray(annualTasks.status, ['pending', 'returned']), eq(annualCollections.status, 'collecting'), eq(bodies.status, 'active')))
    .orderBy(asc(annualTasks.deadline));
}
