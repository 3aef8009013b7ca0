/**
 * Reports by the assigned units: progress (lead or co-handling unit) and completion (lead unit, with
 * evidence), their attachments, and an attachment's bytes for download.
 */
import { createHash } from 'node:crypto';
import type { Database, DbOrTx } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { findAttachment, insertAttachment, insertProgressReport, updateDecision } from '../../repositories/decision-repository.ts';
import { recordAudit } from '../audit-service.ts';
import { enqueueNotification } from '../notification-service.ts';
import { checkAssignedUnit, checkStep, getDecisionView, lockOrNotFound, stepInstant, truncate } from './decision-context.ts';
import type { StepOptions } from './decision-context.ts';

export interface AttachmentInput {
  fileName: string;
  mediaType: string;
  /** Base64 of the file's bytes */
  contentBase64: string;
}

/** Largest attachment accepted (bytes). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Stores a report's attachments (base64, each at most MAX_ATTACHMENT_BYTES) with their SHA-256. */
async function storeAttachments(tx: DbOrTx, options: { reportId: string; attachments: readonly AttachmentInput[] }): Promise<void> {
  for (const [i, a] of options.attachments.entries()) {
    const content = Buffer.from(a.contentBase64, 'base64');
    if (content.length === 0 || content.toString('base64').replace(/=+$/, '') !== a.contentBase64.replace(/\s/g, '').replace(/=+$/, '')) {
      throw new AppError('invalid_attachment', '附件内容不是有效的 Base64 编码或为空', { field: `attachments.${i}.contentBase64` });
    }
    if (content.length > MAX_ATTACHMENT_BYTES) {
      throw new AppError('attachment_too_large', '附件不能超过 10 MB', { field: `attachments.${i}.contentBase64` });
    }
    await insertAttachment(tx, {
      progressReportId: options.reportId,
      fileName: a.fileName,
      mediaType: a.mediaType,
      content,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
  }
}


/**
 * A progress report by an assigned unit (lead or co-handling; co-handling units report to the lead
 * unit's item). Moves an assigned decision to in_progress.
 */
export async function reportProgress(
  db: Database,
  options: StepOptions & { unitId: string; text: string; attachments: AttachmentInput[] }): Promise<{ progressReportId: string }> {
  return db.transaction(async (tx) => {
    const row = await lockOrNotFound(tx, options);
    const to = checkStep(row, 'report_progress');
    await checkAssignedUnit(tx, { row, unitId: options.unitId, leadOnly: false });
    const at = stepInstant(options);
    const report = await insertProgressReport(tx, { decisionId: row.id, kind: 'progress', unitId: options.unitId, authorId: options.origin.actorId, text: options.text, createdAt: at });
    await storeAttachments(tx, { reportId: report.id, attachments: options.attachments });
    if (to !== row.status) await updateDecision(tx, row.id, { status: to, updatedAt: at });
    await recordAudit(tx, {
      ...options.origin,
      at,
      action: 'decision.report_progress',
      entityType: 'decision',
      entityId: row.id,
      before: { status: row.status },
      after: { status: to, progressReportId: report.id, unitId: options.unitId, attachments: options.attachments.length },
    });
    return { progressReportId: report.id };
  });
}

/** The lead unit reports completion with evidence; the office is told to check and close. */
export async function reportCompletion(
  db: Database,
  options: StepOptions & { unitId: string; text: string; attachments: AttachmentInput[] }): Promise<{ progressReportId: string }> {
  return db.transaction(async (tx) => {
    const row = await lockOrNotFound(tx, options);
    const to = checkStep(row, 'report_completion');
    await checkAssignedUnit(tx, { row, unitId: options.unitId, leadOnly: true });
    const at = stepInstant(options);
    const report = await insertProgressReport(tx, { decisionId: row.id, kind: 'completion', unitId: options.unitId, authorId: options.origin.actorId, text: options.text, createdAt: at });
    await storeAttachments(tx, { reportId: report.id, attachments: options.attachments });
    await updateDecision(tx, row.id, { status: to, completionReportedAt: at, updatedAt: at });
    await recordAudit(tx, {
      ...options.origin,
      at,
      action: 'decision.report_completion',
      entityType: 'decision',
      entityId: row.id,
      before: { status: row.status },
      after: { status: to, progressReportId: report.id },
    });
    await enqueueNotification(tx, {
      at,
      bodyId: row.bodyId,
      event: 'decision.completion_reported',
      title: `报送办结：${truncate(row.text, 40)}`,
      message: `主办单位已报送办结，请审核销号。\n${options.text}`,
      link: `/bodies/${row.bodyId}/decisions/${row.id}`,
      recipients: [{ kind: 'office' }],
      data: { decisionId: row.id },
    });
    return { progressReportId: report.id };
  });
}


/** An attachment's bytes. */
export async function getAttachment(db: DbOrTx, options: { bodyId: string; decisionId: string; attachmentId: string }): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  await getDecisionView(db, options);
  const found = await findAttachment(db, options.decisionId, options.attachmentId);
  if (!found) throw new AppError('attachment_not_found', '附件不存在', { field: 'attachmentId' });
  return found;
}
