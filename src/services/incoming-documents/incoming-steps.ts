/**
 * The steps of an incoming document after registration: the convener or the office assigns it
 * (批办) or forwards it (转办) to a lead unit with co-handling units and the charter's deadline; the
 * lead unit replies (办理结果); the office closes it (办结) or sends the reply back. Each step locks
 * the document, checks the transition, writes the change and its audit row in one transaction and
 * tells the units or the office through the outbox.
 */
import type { Clock } from '../../config/clock.ts';
import type { Database, DbOrTx } from '../../db/database.ts';
import type { DeadlineSpec } from '../../domain/decisions/decision-deadline.ts';
import { handlingDeadlineRule, ruleClause } from '../../domain/decisions/decision-status.ts';
import { INCOMING_ROUTING_NAMES, incomingDeadline, nextIncomingStatus, stepRefusal } from '../../domain/incoming-documents/incoming-status.ts';
import type { IncomingDocumentStatus, IncomingRouting, IncomingStep } from '../../domain/incoming-documents/incoming-status.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { AppError } from '../../errors/app-error.ts';
import { findIncomingDocument, insertIncomingCoUnits, lockIncomingDocument, updateIncomingDocument } from '../../repositories/incoming-document-repository.ts';
import type { IncomingDocumentRow } from '../../repositories/incoming-document-repository.ts';
import { listBodyUnits } from '../../repositories/unit-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { getBodyRow, loadBodyCharter } from '../body-service.ts';
import { loadBodyCalendar } from '../calendar/region-calendar.ts';
import { enqueueNotification } from '../notification-service.ts';

/** What every step is given besides the database. */
export interface IncomingStepOptions {
  clock: Clock;
  bodyId: string;
  documentId: string;
  origin: AuditOrigin;
}

function short(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 40)}…`;
}

/** The document locked for the change, or a 404 naming `documentId`. */
async function lockOrNotFound(tx: DbOrTx, options: { bodyId: string; documentId: string }): Promise<IncomingDocumentRow> {
  const row = await lockIncomingDocument(tx, options.bodyId, options.documentId);
  if (!row) throw new AppError('incoming_document_not_found', '收文不存在', { field: 'documentId' });
  return row;
}

/** The status `step` leads to from the document's, or a 409 naming why not. */
function checkStep(row: IncomingDocumentRow, step: IncomingStep): IncomingDocumentStatus {
  const to = nextIncomingStatus(row.status, step);
  if (to === null) throw new AppError('incoming_document_wrong_status', stepRefusal(row.status, step), { details: { status: row.status, step } });
  return to;
}

/**
 * Assigns (批办) or forwards (转办) a registered document to a lead unit with co-handling units,
 * each a member unit of the body on the day. The deadline is counted from that day on the body's
 * calendar: the charter's handling deadline (`charter_default`, its co-handled days when there
 * are co-handling units; refused when the charter states none), or working days or a date the
 * assigner gives. A deadline after the body's sunset date is refused (409).
 */
export async function assignIncomingDocument(
  db: Database,
  options: IncomingStepOptions & {
    routing: IncomingRouting;
    leadUnitId: string;
    coUnitIds: string[];
    instruction: string | null;
    deadline: DeadlineSpec;
  },
): Promise<void> {
  const at = options.origin.at;
  const assignedOn = shanghaiDateOf(at);
  await db.transaction(async (tx) => {
    const row = await lockOrNotFound(tx, options);
    const to = checkStep(row, 'assign');
    const body = await getBodyRow(tx, { bodyId: options.bodyId });
    if (body.status !== 'active') throw new AppError('body_dissolved', '该机构已撤销，不能再批办或转办收文');
    const memberUnits = new Set((await listBodyUnits(tx, options.bodyId, assignedOn)).map((u) => u.unitId));
    if (!memberUnits.has(options.leadUnitId)) {
      throw new AppError('lead_unit_not_member', '主办单位不是本机构的成员单位（或今天不在任）', { field: 'leadUnitId' });
    }
    const coUnitIds = [...new Set(options.coUnitIds)];
    for (const [i, unitId] of coUnitIds.entries()) {
      if (unitId === options.leadUnitId) throw new AppError('co_unit_is_lead', '协办单位不能同时是主办单位', { field: `coUnitIds.${i}` });
      if (!memberUnits.has(unitId)) throw new AppError('co_unit_not_member', '协办单位不是本机构的成员单位（或今天不在任）', { field: `coUnitIds.${i}` });
    }
    const { charter } = await loadBodyCharter(tx, { bodyId: options.bodyId });
    const calendar = await loadBodyCalendar(tx, { bodyId: options.bodyId });
    const computed = incomingDeadline({ calendar, charter, assignedOn, deadline: options.deadline, coHandled: coUnitIds.length > 0, sunsetDate: body.sunsetDate });
    if (!computed.ok) {
      const refusal = computed.refusal;
      if (refusal.code === 'incoming_deadline_after_sunset') {
        const clause = charter.sunset === null ? undefined : { document: null, clause: null, text: charter.sunset.text };
        throw new AppError(refusal.code, refusal.message, { field: refusal.field, ...(clause === undefined ? {} : { clause }) });
      }
      if (refusal.code === 'no_handling_deadline_rule') {
        throw new AppError(refusal.code, '本机构制度未规定公文办理时限，请指定工作日数或日期', { field: refusal.field });
      }
      throw new AppError(refusal.code, refusal.message, { field: refusal.field });
    }
    const deadline = computed.deadline;
    const instruction = options.instruction?.trim() ?? '';
    const updated = await updateIncomingDocument(tx, row.id, {
      status: to,
      routing: options.routing,
      instruction: instruction === '' ? null : instruction,
      leadUnitId: options.leadUnitId,
      assignedOn,
      deadline: deadline.deadline,
      deadlineProvisional: deadline.provisional,
      deadlineReasons: deadline.reasons,
      deadlineBasis: deadline.basis,
      assignedBy: options.origin.actorId,
      updatedAt: at,
    });
    await insertIncomingCoUnits(tx, row.id, coUnitIds);
    await recordAudit(tx, {
      ...options.origin,
      at,
      action: `incoming_document.${options.routing}`,
      entityType: 'incoming_document',
      entityId: row.id,
      before: { status: row.status },
      after: { status: to, routing: options.routing, leadUnitId: options.leadUnitId, coUnitIds, deadline: deadline.deadline, basis: deadline.basis, instruction: updated.instruction },
    });
    const how = INCOMING_ROUTING_NAMES[options.routing];
    const rule = handlingDeadlineRule(charter);
    const basisText = deadline.basis.kind === 'charter_default' && rule !== null ? `（${ruleClause(charter, rule).clause ?? '本机构制度'}：${deadline.basis.days}个工作日）` : '';
    await enqueueNotification(tx, {
      at,
      bodyId: options.bodyId,
      event: `incoming_document.${options.routing === 'assign' ? 'assigned' : 'forwarded'}`,
      title: `${how}公文：${short(row.title)}`,
      message: `来文单位：${row.sendingUnit}${row.sendingNumber === null ? '' : `（${row.sendingNumber}）`}\n请于 ${deadline.deadline} 前办理并报送办理结果${basisText}。${updated.instruction === null ? '' : `\n${how}意见：${updated.instruction}`}`,
      link: `/bodies/${options.bodyId}/incoming?document=${row.id}`,
      recipients: [options.leadUnitId, ...coUnitIds].map((unitId) => ({ kind: 'unit' as const, unitId, roles: ['liaison' as const] })),
      data: { incomingDocumentId: row.id, routing: options.routing, deadline: deadline.deadline, leadUnitId: options.leadUnitId, coUnitIds },
    });
  });
}

/** The lead unit of a document (the reply route authorises on it); a 404 when there is none. */
export async function incomingLeadUnit(db: DbOrTx, options: { bodyId: string; documentId: string }): Promise<string | null> {
  const row = await findIncomingDocument(db, options.bodyId, options.documentId);
  if (!row) throw new AppError('incoming_document_not_found', '收文不存在', { field: 'documentId' });
  return row.leadUnitId;
}

/** The lead unit replies with its 办理结果 (assigned → replied); the office is told to close it. */
export async function replyIncomingDocument(db: Database, options: IncomingStepOptions & { unitId: string; text: string }): Promise<void> {
  const at = options.origin.at;
  await db.transaction(async (tx) => {
    const row = await lockOrNotFound(tx, options);
    const to = checkStep(row, 'reply');
    if (row.leadUnitId !== options.unitId) throw new AppError('not_lead_unit', '只有主办单位可以报送办理结果', { field: 'unitId' });
    const text = options.text.trim();
    if (text === '') throw new AppError('validation_failed', '请填写办理结果', { field: 'text' });
    await updateIncomingDocument(tx, row.id, { status: to, replyText: text, repliedAt: at, repliedBy: options.origin.actorId, updatedAt: at });
    await recordAudit(tx, {
      ...options.origin,
      at,
      action: 'incoming_document.reply',
      entityType: 'incoming_document',
      entityId: row.id,
      before: { status: row.status },
      after: { status: to, unitId: options.unitId, replyText: text },
    });
    await enqueueNotification(tx, {
      at,
      bodyId: row.bodyId,
      event: 'incoming_document.replied',
      title: `收文已办复：${short(row.title)}`,
      message: `主办单位已报送办理结果，请审核办结。\n${text}`,
      link: `/bodies/${row.bodyId}/incoming?document=${row.id}`,
      recipients: [{ kind: 'office' }],
      data: { incomingDocumentId: row.id },
    });
  });
}

/** The office closes (办结) a replied document; closing twice is refused. */
export async function closeIncomingDocument(db: Database, options: IncomingStepOptions & { note: string | null }): Promise<void> {
  const at = options.origin.at;
  await db.transaction(async (tx) => {
    const row = await lockOrNotFound(tx, options);
    const to = checkStep(row, 'close');
    const note = options.note?.trim() ?? '';
    await updateIncomingDocument(tx, row.id, { status: to, closedAt: at, closedBy: options.origin.actorId, closeNote: note === '' ? null : note, updatedAt: at });
    await recordAudit(tx, {
      ...options.origin,
      at,
      action: 'incoming_document.close',
      entityType: 'incoming_document',
      entityId: row.id,
      before: { status: row.status },
      after: { status: to, note: note === '' ? null : note },
    });
    if (row.leadUnitId !== null) {
      await enqueueNotification(tx, {
        at,
        bodyId: row.bodyId,
        event: 'incoming_document.closed',
        title: `收文已办结：${short(row.title)}`,
        message: '办公室已审核办理结果，收文办结。',
        link: `/bodies/${row.bodyId}/incoming?document=${row.id}`,
        recipients: [{ kind: 'unit', unitId: row.leadUnitId, roles: ['liaison'] }],
        data: { incomingDocumentId: row.id },
      });
    }
  });
}

/** The office sends a reply back (replied → assigned) with a reason; the deadline stands. */
export async function sendBackIncomingDocument(db: Database, options: IncomingStepOptions & { reason: string }): Promise<void> {
  const at = options.origin.at;
  await db.transaction(async (tx) => {
    const row = await lockOrNotFound(tx, options);
    const to = checkStep(row, 'send_back');
    const reason = options.reason.trim();
    if (reason === '') throw new AppError('validation_failed', '请填写退回理由', { field: 'reason' });
    await updateIncomingDocument(tx, row.id, { status: to, repliedAt: null, repliedBy: null, updatedAt: at });
    await recordAudit(tx, {
      ...options.origin,
      at,
      action: 'incoming_document.send_back',
      entityType: 'incoming_document',
      entityId: row.id,
      before: { status: row.status, replyText: row.replyText },
      after: { status: to, reason },
    });
    if (row.leadUnitId !== null) {
      await enqueueNotification(tx, {
        at,
        bodyId: row.bodyId,
        event: 'incoming_document.sent_back',
        title: `办理结果被退回：${short(row.title)}`,
        message: `办公室退回了办理结果：${reason}`,
        link: `/bodies/${row.bodyId}/incoming?document=${row.id}`,
        recipients: [{ kind: 'unit', unitId: row.leadUnitId, roles: ['liaison'] }],
        data: { incomingDocumentId: row.id },
      });
    }
  });
}
