/**
 * SQL of outgoing documents (发文) and the issuers' number registers (发文登记).
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { documentRegisterCounters, documentRegisterPrefixes, outgoingDocuments } from '../db/schema/outgoing-documents.ts';

export type OutgoingDocumentRow = typeof outgoingDocuments.$inferSelect;
export type NewOutgoingDocument = Omit<typeof outgoingDocuments.$inferInsert, 'id'>;
export type RegisterPrefixRow = typeof documentRegisterPrefixes.$inferSelect;

export async function insertOutgoingDocument(db: DbOrTx, values: NewOutgoingDocument): Promise<OutgoingDocumentRow> {
  const [row] = await db.insert(outgoingDocuments).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into outgoing_documents returned no row');
  return row;
}

/** A document of the body; with `forUpdate` the row is locked until the transaction ends. */
export async function findOutgoingDocument(db: DbOrTx, bodyId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<OutgoingDocumentRow | null> {
  const query = db.select().from(outgoingDocuments).where(and(eq(outgoingDocuments.id, id), eq(outgoingDocuments.bodyId, bodyId))).limit(1);
  const [row] = options.forUpdate === true ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateOutgoingDocument(db: DbOrTx, id: string, patch: Partial<NewOutgoingDocument> & { updatedAt: Date }): Promise<OutgoingDocumentRow> {
  const [row] = await db.update(outgoingDocuments).set(patch).where(eq(outgoingDocuments.id, id)).returning();
  if (!row) throw new Error(`outgoing document ${id} vanished during update`);
  return row;
}

/** The body's documents, newest first (at most `limit`). */
export async function listOutgoingDocuments(db: DbOrTx, bodyId: string, limit = 500): Promise<OutgoingDocumentRow[]> {
  return db.select().from(outgoingDocuments).where(eq(outgoingDocuments.bodyId, bodyId)).orderBy(desc(outgoingDocuments.createdAt), desc(outgoingDocuments.id)).limit(limit);
}

export async function listRegisterPrefixes(db: DbOrTx, bodyId: string): Promise<RegisterPrefixRow[]> {
  return db.select().from(documentRegisterPrefixes).where(eq(documentRegisterPrefixes.bodyId, bodyId));
}

export async function upsertRegisterPrefix(db: DbOrTx, values: RegisterPrefixRow): Promise<RegisterPrefixRow> {
  const [row] = await db
    .insert(documentRegisterPrefixes)
    .values(values)
    .onConflictDoUpdate({
      target: [documentRegisterPrefixes.bodyId, documentRegisterPrefixes.register],
      set: { prefix: values.prefix, updatedAt: values.updatedAt, updatedBy: values.updatedBy },
    })
    .returning();
  if (!row) throw new Error('upsert into document_register_prefixes returned no row');
  return row;
}

/**
 * Takes the next number of a register in a year, atomically: one INSERT … ON CONFLICT DO UPDATE …
 * RETURNING, so concurrent transactions queue on the counter row and never take the same number.
 */
export async function takeRegisterNumber(db: DbOrTx, values: { bodyId: string; register: string; year: number }): Promise<number> {
  const [row] = await db
    .insert(documentRegisterCounters)
    .values({ ...values, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [documentRegisterCounters.bodyId, documentRegisterCounters.register, documentRegisterCounters.year],
      set: { lastNumber: sql`${documentRegisterCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: documentRegisterCounters.lastNumber });
  if (!row) throw new Error('taking a register number returned no row');
  return row.lastNumber;
}

/** The last number taken in a register and year (0 when none). */
export async function lastRegisterNumber(db: DbOrTx, values: { bodyId: string; register: string; year: number }): Promise<number> {
  const [row] = await db
    .select({ lastNumber: documentRegisterCounters.lastNumber })
    .from(documentRegisterCounters)
    .where(and(eq(documentRegisterCounters.bodyId, values.bodyId), eq(documentRegisterCounters.register, values.register), eq(documentRegisterCounters.year, values.year)));
  return row?.lastNumber ?? 0;
}
