/**
 * Issuing a bulletin when its document is signed (in the signing transaction): it takes the next
 * 期数 of its series for the year, and goes to its recipients — the members and liaisons of the
 * member units it is sent to, the body roles it is sent to and the office — in their inbox and by
 * e-mail and webhook through the outbox.
 */
import type { DbOrTx } from '../../db/database.ts';
import { bulletinRegister, formatIssueNumber } from '../../domain/outgoing-documents/document-number.ts';
import { findBulletinIssue, updateBulletinIssue } from '../../repositories/bulletin-repository.ts';
import type { OutgoingDocumentRow } from '../../repositories/outgoing-document-repository.ts';
import { takeRegisterNumber } from '../../repositories/outgoing-document-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { enqueueNotification } from '../notification-service.ts';
import type { NotificationRecipient } from '../notification-types.ts';

/** The bulletin's page in the web app. */
export function bulletinLink(bodyId: string, documentId: string): string {
  return `/bodies/${bodyId}/bulletins/${documentId}`;
}

/** Numbers and sends the bulletin of a document being signed; audited in the same transaction. */
export async function issueBulletin(tx: DbOrTx, options: { document: OutgoingDocumentRow; at: Date; origin: AuditOrigin }): Promise<void> {
  const { document, at } = options;
  const before = await findBulletinIssue(tx, document.id);
  if (before === null) throw new Error(`bulletin document ${document.id} has no bulletin issue`);
  const year = document.year ?? before.year;
  const issueNumber = await takeRegisterNumber(tx, { bodyId: document.bodyId, register: bulletinRegister(before.series), year });
  const after = await updateBulletinIssue(tx, document.id, { issueNumber, year });
  await recordAudit(tx, { ...options.origin, action: 'bulletin.issue', entityType: 'outgoing_document', entityId: document.id, before, after });
  const recipients: NotificationRecipient[] = [
    { kind: 'office' },
    ...after.recipientUnitIds.map((unitId): NotificationRecipient => ({ kind: 'unit', unitId, roles: ['member', 'liaison'] })),
    ...(after.recipientRoles.length > 0 ? [{ kind: 'body_roles' as const, roles: [...after.recipientRoles] }] : []),
  ];
  const issue = formatIssueNumber(year, issueNumber);
  await enqueueNotification(tx, {
    at,
    bodyId: document.bodyId,
    event: 'bulletin.issued',
    title: `《${after.series}》${issue}`,
    message: `《${after.series}》${issue}已印发（${document.docNumber ?? ''}），共${after.articles.length}篇：${after.articles.map((a) => a.title).join('；')}。`,
    link: bulletinLink(document.bodyId, document.id),
    recipients,
    data: { documentId: document.id, series: after.series, year, issueNumber, docNumber: document.docNumber ?? '' },
  });
}
