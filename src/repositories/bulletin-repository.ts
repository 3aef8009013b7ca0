/**
 * SQL of bulletin issues (简报 / 专报): the bulletin part of an outgoing document of kind `bulletin`.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { bulletinIssues, outgoingDocuments } from '../db/schema/outgoing-documents.ts';
import type { OutgoingDocumentRow } from './outgoing-document-repository.ts';

export type BulletinIssueRow = typeof bulletinIssues.$inferSelect;

export async function insertBulletinIssue(db: DbOrTx, values: BulletinIssueRow): Promise<BulletinIssueRow> {
  const [row] = await db.insert(bulletinIssues).values(values).returning();
  if (!row) throw new Error('insert into bulletin_issues returned no row');
  return row;
}

export async function findBulletinIssue(db: DbOrTx, documentId: string): Promise<BulletinIssueRow | null> {
  const [row] = await db.select().from(bulletinIssues).where(eq(bulletinIssues.documentId, documentId)).limit(1);
  return row ?? null;
}

export async function updateBulletinIssue(db: DbOrTx, documentId: string, patch: Partial<Omit<BulletinIssueRow, 'documentId' | 'bodyId'>>): Promise<BulletinIssueRow> {
  const [row] = await db.update(bulletinIssues).set(patch).where(eq(bulletinIssues.documentId, documentId)).returning();
  if (!row) throw new Error(`bulletin issue ${documentId} vanished during update`);
  return row;
}

/** The body's bulletin issues with their documents, newest first. */
export async function listBulletinIssues(db: DbOrTx, bodyId: string, limit = 500): Promise<{ issue: BulletinIssueRow; document: OutgoingDocumentRow }[]> {
  return db
    .select({ issue: bulletinIssues, document: outgoingDocuments })
    .from(bulletinIssues)
    .innerJoin(outgoingDocuments, eq(outgoingDocuments.id, bulletinIssues.documentId))
    .where(and(eq(bulletinIssues.bodyId, bodyId)))
    .orderBy(desc(outgoingDocuments.createdAt), desc(outgoingDocuments.id))
    .limit(limit);
}
