/**
 * Extensions (延期): an assigned unit asks for a later deadline; the office approves (the deadline
 * moves, every earlier deadline kept) or refuses.
 */
import type { Database } from '../../db/database.ts';
import { isIsoDate } from '../../domain/calendar/index.ts';
import { isOpen } from '../../domain/decisions/decision-status.ts';
import type { DecisionStatus } from '../../domain/decisions/decision-status.ts';
import { AppError } from '../../errors/app-error.ts';
import {
  decideExtensionRequest,
  findPendingExtension,
  insertDeadline,
  insertExtensionRequest,
  lockExtensionRequest,
  updateDecision,
} from '../../repositories/decision-repository.ts';
import { recordAudit } from '../audit-service.ts';
import { loadBodyCalendar } from '../calendar/region-calendar.ts';
import { enqueueNotification } from '../notification-service.ts';
import { checkAssignedUnit, lockOrNotFound, stepInstant, truncate } from './decision-context.ts';
import type { StepOptions } from './decision-context.ts';

/** Why no extension may be asked for an item in `status` (a closed item), or null. Pure. */
export function extensionClosedRefusal(status: DecisionStatus): AppError | null {
  return isOpen(status) ? null : new AppError('decision_closed', '事项已销号，不能申请延期', { details: { status } });
}

/** An assigned unit asks for a later deadline, with a reason; one pending request at a time. */
export async function requestExtension(
  db: Database,
  options: StepOptions & { unitId: string; requestedDeadline: string; reason: string },
): Promise<{ extensionRequestId: string }> {
  if (!isIsoDate(options.requestedDeadline)) throw new AppError('invalid_date', '日期格式应为 YYYY-MM-DD', { field: 'requestedDeadline' });
  return db.transaction(async (tx) => {
    const row = await lockOrNotFound(tx, options);
    const closed = extensionClosedRefusal(row.status);
    if (closed !== null) throw closed;
    await checkAssignedUnit(tx, { row, unitId: options.unitId, leadOnly: false });
    if (options.requestedDeadline <= row.deadline) {
      throw new AppError('extension_not_later', `申请的期限应晚于现行办理时限（${row.deadline}）`, { field: 'requestedDeadline' });
    }
    if (await findPendingExtension(tx, row.id)) throw new AppError('extension_pending', '已有待审核的延期申请', { field: 'decisionId' });
    const at = stepInstant(options);
    const request = await insertExtensionRequest(tx, {
      decisionId: row.id,
      unitId: options.unitId,
      requestedBy: options.origin.actorId,
      requestedDeadline: options.requestedDeadline,
      reason: options.reason,
      status: 'pending',
      createdAt: at,
    });
    await recordAudit(tx, { ...options.origin, at, action: 'decision.request_extension', entityType: 'extension_request', entityId: request.id, before: null, after: request });
    await enqueueNotification(tx, {
      at,
      bodyId: row.bodyId,
      event: 'decision.extension_requested',
      title: `延期申请：${truncate(row.text, 40)}`,
      message: `申请将办理时限由 ${row.deadline} 延至 ${options.requestedDeadline}。理由：${options.reason}`,
      link: `/bodies/${row.bodyId}/decisions/${row.id}`,
      recipients: [{ kind: 'office' }],
      data: { decisionId: row.id, extensionRequestId: request.id },
    });
    return { extensionRequestId: request.id };
  });
}

/** The office approves (the deadline moves, history kept) or refuses a pending extension request. */
export async function decideExtension(
  db: Database,
  options: StepOptions & { extensionRequestId: string; approve: boolean; note: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockOrNotFound(tx, options);
    const request = await lockExtensionRequest(tx, row.id, options.extensionRequestId);
    if (!request) throw new AppError('extension_not_found', '延期申请不存在', { field: 'extensionRequestId' });
    if (request.status !== 'pending') throw new AppError('extension_already_decided', '该延期申请已审核', { details: { status: request.status } });
    if (!isOpen(row.status)) throw new AppError('decision_closed', '事项已销号，不能再调整期限');
    const at = stepInstant(options);
    await decideExtensionRequest(tx, request.id, { status: options.approve ? 'approved' : 'refused', decidedBy: options.origin.actorId, decidedAt: at, decisionNote: options.note });
    if (options.approve) {
      const calendar = await loadBodyCalendar(tx, { bodyId: row.bodyId });
      const day = calendar.isWorkingDay(request.requestedDeadline);
      await insertDeadline(tx, {
        decisionId: row.id,
        deadline: request.requestedDeadline,
        provisional: day.provisional,
        reasons: day.reasons,
        basis: { kind: 'extension', extensionRequestId: request.id },
        setAt: at,
        setBy: options.origin.actorId,
      });
      await updateDecision(tx, row.id, { deadline: request.requestedDeadline, deadlineProvisional: day.provisional, deadlineReasons: day.reasons, updatedAt: at });
    }
    await recordAudit(tx, {
      ...options.origin,
      at,
      action: options.approve ? 'decision.approve_extension' : 'decision.refuse_extension',
      entityType: 'extension_request',
      entityId: request.id,
      before: { status: 'pending', deadline: row.deadline },
      after: { status: options.approve ? 'approved' : 'refused', deadline: options.approve ? request.requestedDeadline : row.deadline, note: options.note },
    });
    await enqueueNotification(tx, {
      at,
      bodyId: row.bodyId,
      event: options.approve ? 'decision.extension_approved' : 'decision.extension_refused',
      title: `${options.approve ? '延期已同意' : '延期未同意'}：${truncate(row.text, 40)}`,
      message: options.approve ? `办理时限调整为 ${request.requestedDeadline}。` : `办理时限仍为 ${row.deadline}。${options.note ?? ''}`,
      link: `/bodies/${row.bodyId}/decisions/${row.id}`,
      recipients: [{ kind: 'unit', unitId: request.unitId, roles: ['liaison'] }],
      data: { decisionId: row.id, extensionRequestId: request.id },
    });
  });
}
