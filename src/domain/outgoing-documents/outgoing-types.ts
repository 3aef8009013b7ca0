/**
 * The shapes of outgoing documents (发文): their kinds, the states of the signing chain, the
 * articles of a bulletin and who receives it. Pure types and labels.
 */

/** What an outgoing document is: 通知, 通报, 简报/专报, 函, 报告 (e.g. the annual report). */
export const OUTGOING_DOCUMENT_KINDS = ['notice', 'circular', 'bulletin', 'letter', 'report'] as const;
export type OutgoingDocumentKind = (typeof OUTGOING_DOCUMENT_KINDS)[number];

export const OUTGOING_KIND_LABELS: Record<OutgoingDocumentKind, string> = {
  notice: '通知',
  circular: '通报',
  bulletin: '简报',
  letter: '函',
  report: '报告',
};

/** draft → (submit) → awaiting_review (when the chain has a review) → awaiting_signature → issued. */
export const OUTGOING_DOCUMENT_STATUSES = ['draft', 'awaiting_review', 'awaiting_signature', 'issued'] as const;
export type OutgoingDocumentStatus = (typeof OUTGOING_DOCUMENT_STATUSES)[number];

export const OUTGOING_STATUS_LABELS: Record<OutgoingDocumentStatus, string> = {
  draft: '拟稿',
  awaiting_review: '待审核',
  awaiting_signature: '待签发',
  issued: '已印发',
};

/** In whose name a document is issued; each keeps its own number register (发文登记). */
export type IssuingName = 'body' | 'office';

/** The workflow that started a document, when another one did (e.g. the annual report). */
export interface OutgoingDocumentSource {
  kind: string;
  id: string;
}

/** One article of a bulletin: from an adopted information report, or the office's own text. */
export interface BulletinArticle {
  title: string;
  text: string;
  reportId: string | null;
  /** Who reported it (the unit or group), shown under the article */
  reporterName: string | null;
}

/** Body roles a bulletin can be sent to inside Lianxi. */
export const RECIPIENT_ROLES = ['convener', 'deputy_convener', 'member', 'liaison'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];
