/**
 * The office's answer to a completion report: close the decision (销号) or send the report back.
 */
import type { Database } from '../../db/database.ts';
import { insertProgressReport, updateDecision } from '../../repositories/decision-repository.ts';
import { recordAudit } from '../audit-service.ts';
import { enqueueNotification } from '../notification-service.ts';
import { checkStep, lockOrNotFound, stepInstant, truncate } from './decision-context.ts';
import type { StepOptions } from './decision-context.ts';

/** The office closes (销号) a decision whose completion was reported. */
export async function closeDecision(
  db: Database,
  options: StepOptions & { note: string | null }): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockOrNotFound(tx, options);
    const to = checkStep(row, 'close');
    const at = stepInstant(options);
    await insertProgressReport(tx, { decisionId: row.id, kind: 'closed', unitId: null, authorId: options.origin.actorId, text: options.note ?? '', createdAt: at });
    await updateDecision(tx, row.id, { status: to, closedAt: at, closedBy: options.origin.actorId, updatedAt: at });
    await recordAudit(tx, { ...options.origin, at, action: 'decision.close', entityType: 'decision', entityId: row.id, before: { status: row.status }, after: { status: to, note: options.note } });
    await enqueueNotification(tx, {
      at,
      bodyId: row.bodyId,
      event: 'decision.closed',
      title: `已销号：${truncate(row.text, 40)}`,
      message: '办公室已审核办结情况，事项销号。',
      link: `/bodies/${row.bodyId}/decisions/${row.id}`,
      recipients: [{ kind: 'unit', unitId: row.leadUnitId, roles: ['liaison'] }],
      data: { decisionId: row.id },
    });
  });
}

/** The office sends a completion report back (→ in_progress) with a reason. */
export async function sendBackDecision(
  db: Database,
  options: StepOptions & { reason: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockOrNotFound(tx, options);
    const to = checkStep(row, 'send_back');
    const at = stepInstant(options);
    await insertProgressReport(tx, { decisionId: row.id, kind: 'sent_back', unitId: null, authorId: options.origin.actorId, text: options.reason, createdAt: at });
    await updateDecision(tx, row.id, { status: to, completionReportedAt: null, updatedAt: at });
    await recordAudit(tx, { ...options.origin, at, action: 'decision.send_back', entityType: 'decision', entityId: row.id, before: { status: row.status }, after: { status: to, reason: options.reason } });
    await enqueueNotification(tx, {
      at,
      bodyId: row.bodyId,
      event: 'decision.sent_back',
      title: `办结被退回：${truncate(row.text, 40)}`,
      message: `办公室退回了办结报告：${options.reason}`,
      link: `/bodies/${row.bodyId}/decisions/${row.id}`,
      recipients: [{ kind: 'unit', unitId: row.leadUnitId, roles: ['liaison'] }],
      data: { decisionId: row.id },
    });
  });
}
