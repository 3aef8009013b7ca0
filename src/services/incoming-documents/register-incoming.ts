/**
 * Registering an incoming document (收文登记) by the body's office: the sending unit (来文单位), its
 * document number (来文字号), title, received date and attachments; and reading an attachment back.
 */
import { createHash } from 'node:crypto';
import type { Database, DbOrTx } from '../../db/database.ts';
import { isIsoDate } from '../../domain/calendar/index.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { AppError } from '../../errors/app-error.ts';
import { findIncomingAttachment, insertIncomingAttachment, insertIncomingDocument } from '../../repositories/incoming-document-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { getBodyRow } from '../body-service.ts';
import { getIncomingDocument } from './incoming-views.ts';
import type { Clock } from '../../config/clock.ts';

export interface IncomingAttachmentInput {
  fileName: string;
  mediaType: string;
  /** Base64 of the file's bytes */
  contentBase64: string;
}

/** Largest attachment accepted (bytes). */
export const MAX_INCOMING_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Stores the attachments (base64, each at most 10 MB) with their SHA-256. */
async function storeAttachments(tx: DbOrTx, documentId: string, attachments: readonly IncomingAttachmentInput[]): Promise<void> {
  for (const [i, a] of attachments.entries()) {
    const content = Buffer.from(a.contentBase64, 'base64');
    if (content.length === 0 || content.toString('base64').replace(/=+$/, '') !== a.contentBase64.replace(/\s/g, '').replace(/=+$/, '')) {
      throw new AppError('invalid_attachment', '附件内容不是有效的 Base64 编码或为空', { field: `attachments.${i}.contentBase64` });
    }
    if (content.length > MAX_INCOMING_ATTACHMENT_BYTES) {
      throw new AppError('attachment_too_large', '附件不能超过 10 MB', { field: `attachments.${i}.contentBase64` });
    }
    await insertIncomingAttachment(tx, {
      documentId,
      fileName: a.fileName,
      mediaType: a.mediaType,
      content,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
  }
}

/**
 * The office registers an incoming document of an active body: received on or before today
 * (Asia/Shanghai), with its attachments; status `registered`, audited in the same transaction.
 */
export async function registerIncomingDocument(
  db: Database,
  options: {
    clock: Clock;
    bodyId: string;
    sendingUnit: string;
    sendingNumber: string | null;
    title: string;
    receivedOn: string;
    attachments: IncomingAttachmentInput[];
    origin: AuditOrigin;
  },
): Promise<{ documentId: string }> {
  const at = options.origin.at;
  const sendingUnit = options.sendingUnit.trim();
  const title = options.title.trim();
  if (sendingUnit === '') throw new AppError('validation_failed', '请填写来文单位', { field: 'sendingUnit' });
  if (title === '') throw new AppError('validation_failed', '请填写收文标题', { field: 'title' });
  if (!isIsoDate(options.receivedOn)) throw new AppError('invalid_date', '收文日期格式应为 YYYY-MM-DD', { field: 'receivedOn' });
  const today = shanghaiDateOf(at);
  if (options.receivedOn > today) {
    throw new AppError('invalid_date', `收文日期（${options.receivedOn}）不能晚于今天（${today}）`, { field: 'receivedOn' });
  }
  const documentId = await db.transaction(async (tx) => {
    const body = await getBodyRow(tx, { bodyId: options.bodyId });
    if (body.status !== 'active') throw new AppError('body_dissolved', '该机构已撤销，不能再登记收文');
    const sendingNumber = options.sendingNumber?.trim() ?? '';
    const row = await insertIncomingDocument(tx, {
      bodyId: options.bodyId,
      sendingUnit,
      sendingNumber: sendingNumber === '' ? null : sendingNumber,
      title,
      receivedOn: options.receivedOn,
      status: 'registered',
      registeredBy: options.origin.actorId,
      createdAt: at,
      updatedAt: at,
    });
    await storeAttachments(tx, row.id, options.attachments);
    await recordAudit(tx, {
      ...options.origin,
      at,
      action: 'incoming_document.register',
      entityType: 'incoming_document',
      entityId: row.id,
      before: null,
      after: { ...row, attachments: options.attachments.map((a) => a.fileName) },
    });
    return row.id;
  });
  return { documentId };
}

/** An attachment's bytes, or a 404 naming the document or the attachment. */
export async function getIncomingAttachment(
  db: DbOrTx,
  options: { clock: Clock; bodyId: string; documentId: string; attachmentId: string },
): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  await getIncomingDocument(db, options);
  const found = await findIncomingAttachment(db, options);
  if (!found) throw new AppError('attachment_not_found', '附件不存在', { field: 'attachmentId' });
  return found;
}
