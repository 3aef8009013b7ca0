/** SQL for incoming documents (收文): registration, routing to units, replies, closing, reminder claims. */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { bodies, units } from '../db/schema/bodies.ts';
import {
  incomingDocumentAttachments,
  incomingDocumentCoUnits,
  incomingDocumentReminderSends,
  incomingDocuments,
} from '../db/schema/incoming-documents.ts';
import type { FiringRung } from '../domain/decisions/escalation-ladder.ts';
import type { IncomingDocumentStatus } from '../domain/incoming-documents/incoming-status.ts';

export type IncomingDocumentRow = typeof incomingDocuments.$inferSelect;
export type IncomingAttachmentMeta = Omit<typeof incomingDocumentAttachments.$inferSelect, 'content'>;

/** An incoming document with its units' names and its attachments' metadata. */
export interface IncomingDocumentView extends IncomingDocumentRow {
  leadUnitName: string | null;
  coUnits: { unitId: string; name: string }[];
  attachments: IncomingAttachmentMeta[];
}

export interface ListIncomingFilter {
  bodyId?: string;
  ids?: readonly string[];
  status?: IncomingDocumentStatus;
  /** Lead or co-handling unit */
  unitId?: string;
  /** Only documents whose lead unit still owes a reply */
  awaitingReplyOnly?: boolean;
}

export async function insertIncomingDocument(db: DbOrTx, values: Omit<typeof incomingDocuments.$inferInsert, 'id'>): Promise<IncomingDocumentRow> {
  const [row] = await db.insert(incomingDocuments).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into incoming_documents returned no row');
  return row;
}

export async function insertIncomingAttachment(
  db: DbOrTx,
  values: { documentId: string; fileName: string; mediaType: string; content: Buffer; sha256: string },
): Promise<void> {
  await db.insert(incomingDocumentAttachments).values({ id: randomUUID(), ...values, sizeBytes: values.content.length });
}

export async function findIncomingAttachment(
  db: DbOrTx,
  options: { documentId: string; attachmentId: string },
): Promise<typeof incomingDocumentAttachments.$inferSelect | null> {
  const [row] = await db
    .select()
    .from(incomingDocumentAttachments)
    .where(and(eq(incomingDocumentAttachments.id, options.attachmentId), eq(incomingDocumentAttachments.documentId, options.documentId)));
  return row ?? null;
}

/** The document of the body, locked for a change; null when there is none. */
export async function lockIncomingDocument(db: DbOrTx, bodyId: string, id: string): Promise<IncomingDocumentRow | null> {
  const [row] = await db
    .select()
    .from(incomingDocuments)
    .where(and(eq(incomingDocuments.id, id), eq(incomingDocuments.bodyId, bodyId)))
    .for('update');
  return row ?? null;
}

/** The document of the body; null when there is none. */
export async function findIncomingDocument(db: DbOrTx, bodyId: string, id: string): Promise<IncomingDocumentRow | null> {
  const [row] = await db.select().from(incomingDocuments).where(and(eq(incomingDocuments.id, id), eq(incomingDocuments.bodyId, bodyId)));
  return row ?? null;
}

export async function updateIncomingDocument(
  db: DbOrTx,
  id: string,
  patch: Partial<Omit<IncomingDocumentRow, 'id' | 'bodyId' | 'createdAt'>>,
): Promise<IncomingDocumentRow> {
  const [row] = await db.update(incomingDocuments).set(patch).where(eq(incomingDocuments.id, id)).returning();
  if (!row) throw new Error('update of incoming_documents returned no row');
  return row;
}

export async function insertIncomingCoUnits(db: DbOrTx, documentId: string, unitIds: readonly string[]): Promise<void> {
  if (unitIds.length === 0) return;
  await db.insert(incomingDocumentCoUnits).values(unitIds.map((unitId, position) => ({ documentId, unitId, position })));
}

/** Documents with their units and attachments, by deadline (unrouted ones last), then received date. */
export async function listIncomingDocumentViews(db: DbOrTx, filter: ListIncomingFilter): Promise<IncomingDocumentView[]> {
  const conditions: SQL[] = [];
  if (filter.bodyId !== undefined) conditions.push(eq(incomingDocuments.bodyId, filter.bodyId));
  if (filter.status !== undefined) conditions.push(eq(incomingDocuments.status, filter.status));
  if (filter.awaitingReplyOnly === true) conditions.push(eq(incomingDocuments.status, 'assigned'));
  if (filter.ids !== undefined) {
    if (filter.ids.length === 0) return [];
    conditions.push(inArray(incomingDocuments.id, [...filter.ids]));
  }
  if (filter.unitId !== undefined) {
    const either = or(
      eq(incomingDocuments.leadUnitId, filter.unitId),
      sql`EXISTS (SELECT 1 FROM incoming_document_co_units c WHERE c.document_id = ${incomingDocuments.id} AND c.unit_id = ${filter.unitId})`,
    );
    if (either) conditions.push(either);
  }
  const rows = await db
    .select({ document: incomingDocuments, leadUnitName: units.name })
    .from(incomingDocuments)
    .leftJoin(units, eq(units.id, incomingDocuments.leadUnitId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(sql`${incomingDocuments.deadline} ASC NULLS LAST`, asc(incomingDocuments.receivedOn), asc(incomingDocuments.createdAt), asc(incomingDocuments.id));
  const ids = rows.map((r) => r.document.id);
  const co = await listCoUnits(db, ids);
  const attachments = await listAttachmentMeta(db, ids);
  return rows.map((r) => ({ ...r.document, leadUnitName: r.leadUnitName, coUnits: co.get(r.document.id) ?? [], attachments: attachments.get(r.document.id) ?? [] }));
}

async function listCoUnits(db: DbOrTx, documentIds: readonly string[]): Promise<Map<string, { unitId: string; name: string }[]>> {
  const byDocument = new Map<string, { unitId: string; name: string }[]>();
  if (documentIds.length === 0) return byDocument;
  const rows = await db
    .select({ documentId: incomingDocumentCoUnits.documentId, unitId: incomingDocumentCoUnits.unitId, name: units.name })
    .from(incomingDocumentCoUnits)
    .innerJoin(units, eq(units.id, incomingDocumentCoUnits.unitId))
    .where(inArray(incomingDocumentCoUnits.documentId, [...documentIds]))
    .orderBy(asc(incomingDocumentCoUnits.documentId), asc(incomingDocumentCoUnits.position));
  for (const row of rows) {
    const list = byDocument.get(row.documentId) ?? [];
    list.push({ unitId: row.unitId, name: row.name });
    byDocument.set(row.documentId, list);
  }
  return byDocument;
}

async function listAttachmentMeta(db: DbOrTx, documentIds: readonly string[]): Promise<Map<string, IncomingAttachmentMeta[]>> {
  const byDocument = new Map<string, IncomingAttachmentMeta[]>();
  if (documentIds.length === 0) return byDocument;
  const rows = await db
    .select({
      id: incomingDocumentAttachments.id,
      documentId: incomingDocumentAttachments.documentId,
      fileName: incomingDocumentAttachments.fileName,
      mediaType: incomingDocumentAttachments.mediaType,
      sizeBytes: incomingDocumentAttachments.sizeBytes,
      sha256: incomingDocumentAttachments.sha256,
    })
    .from(incomingDocumentAttachments)
    .where(inArray(incomingDocumentAttachments.documentId, [...documentIds]))
    .orderBy(asc(incomingDocumentAttachments.documentId), asc(incomingDocumentAttachments.fileName));
  for (const row of rows) {
    const list = byDocument.get(row.documentId) ?? [];
    list.push(row);
    byDocument.set(row.documentId, list);
  }
  return byDocument;
}

/** Active bodies with a document whose lead unit still owes a reply (the reminder sweep's bodies). */
export async function listActiveBodyIdsAwaitingReplies(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectDistinct({ bodyId: incomingDocuments.bodyId })
    .from(incomingDocuments)
    .innerJoin(bodies, eq(bodies.id, incomingDocuments.bodyId))
    .where(and(eq(incomingDocuments.status, 'assigned'), eq(bodies.status, 'active')));
  return rows.map((r) => r.bodyId);
}

/** Claims a reminder rung for a document and deadline; true when this call won it. */
export async function claimIncomingReminder(db: DbOrTx, values: { documentId: string; rung: FiringRung; dueDate: string; sentAt: Date }): Promise<boolean> {
  const rows = await db.insert(incomingDocumentReminderSends).values(values).onConflictDoNothing().returning({ documentId: incomingDocumentReminderSends.documentId });
  return rows.length > 0;
}

export async function setIncomingReminderOutbox(db: DbOrTx, values: { documentId: string; rung: FiringRung; dueDate: string; outboxId: number }): Promise<void> {
  await db
    .update(incomingDocumentReminderSends)
    .set({ outboxId: values.outboxId })
    .where(
      and(
        eq(incomingDocumentReminderSends.documentId, values.documentId),
        eq(incomingDocumentReminderSends.rung, values.rung),
        eq(incomingDocumentReminderSends.dueDate, values.dueDate),
      ),
    );
}

/** The rungs sent for a document, oldest first (shown on its detail). */
export async function listIncomingReminderSends(db: DbOrTx, documentId: string): Promise<(typeof incomingDocumentReminderSends.$inferSelect)[]> {
  return db
    .select()
    .from(incomingDocumentReminderSends)
    .where(eq(incomingDocumentReminderSends.documentId, documentId))
    .orderBy(asc(incomingDocumentReminderSends.sentAt));
}
