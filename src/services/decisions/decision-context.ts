/**
 * What every decision workflow step shares: the decision (locked for the change) or a 404, the
 * status check of a step, the unit check of a report, the units' notification recipients.
 */
import type { Clock } from '../../config/clock.ts';
import type { DbOrTx } from '../../db/database.ts';
import { DECISION_STATUS_NAMES, nextStatus } from '../../domain/decisions/decision-status.ts';
import type { DecisionStatus, DecisionStep } from '../../domain/decisions/decision-status.ts';
import { AppError } from '../../errors/app-error.ts';
import { listDecisionViews, lockDecision } from '../../repositories/decision-repository.ts';
import type { DecisionRow, DecisionView } from '../../repositories/decision-repository.ts';
import type { AuditOrigin } from '../audit-service.ts';
import type { NotificationRecipient } from '../notification-types.ts';
import type { ErrorCode } from '../../errors/error-catalogue.ts';

/** What every decision step is given besides the database. */
export interface StepOptions {
  clock: Clock;
  bodyId: string;
  decisionId: string;
  origin: AuditOrigin;
}

/** The instant of a step: the request's clock. */
export function stepInstant(options: { clock: Clock; origin: AuditOrigin }): Date {
  return options.origin.at ?? options.clock.now();
}

/** Who a decision's units are told through: their liaisons (and members, escalating). */
export function unitRecipients(options: { leadUnitId: string; coUnitIds: readonly string[]; roles: ('member' | 'liaison')[] }): NotificationRecipient[] {
  const { leadUnitId, coUnitIds, roles } = options;
  return [leadUnitId, ...coUnitIds].map((unitId) => ({ kind: 'unit' as const, unitId, roles }));
}

/** The first `length` characters, with … when cut (for notification titles). */
export function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length)}…`;
}

/** A decision of the body with its units, or a 404 naming `decisionId`. */
export async function getDecisionView(db: DbOrTx, options: { bodyId: string; decisionId: string }): Promise<DecisionView> {
  const [view] = await listDecisionViews(db, { bodyId: options.bodyId, ids: [options.decisionId] });
  if (!view) throw new AppError('decision_not_found', '督办事项不存在', { field: 'decisionId' });
  return view;
}

const STEP_REFUSALS: Record<DecisionStep, { code: ErrorCode; message: (status: DecisionStatus) => string }> = {
  report_progress: { code: 'decision_not_in_progress', message: (s) => `事项${DECISION_STATUS_NAMES[s]}，不能再报送进展` },
  report_completion: { code: 'decision_not_in_progress', message: (s) => `事项${DECISION_STATUS_NAMES[s]}，不能报送办结` },
  close: { code: 'decision_not_completion_reported', message: (s) => `事项${DECISION_STATUS_NAMES[s]}，主办单位报送办结后才能销号` },
  send_back: { code: 'decision_not_completion_reported', message: (s) => `事项${DECISION_STATUS_NAMES[s]}，只有已报办结的事项才能退回` },
};

/** The status `step` leads to from the decision's, or a 409 naming why not. */
export function checkStep(row: DecisionRow, step: DecisionStep): DecisionStatus {
  const to = nextStatus(row.status, step);
  if (to === null) throw stepRefusal(row.status, step) ?? new AppError('decision_not_in_progress', '事项状态不允许此操作');
  return to;
}

/** Why `step` may not start from `status` (409), or null. Pure; the step and the item's actions ask it. */
export function stepRefusal(status: DecisionStatus, step: DecisionStep): AppError | null {
  if (nextStatus(status, step) !== null) return null;
  const refusal = STEP_REFUSALS[step];
  return new AppError(refusal.code, refusal.message(status), { details: { status, step } });
}

/** The decision locked for the change, or a 404 naming `decisionId`. */
export async function lockOrNotFound(tx: DbOrTx, options: { bodyId: string; decisionId: string }): Promise<DecisionRow> {
  const row = await lockDecision(tx, options.bodyId, options.decisionId);
  if (!row) throw new AppError('decision_not_found', '督办事项不存在', { field: 'decisionId' });
  return row;
}

/** The unit reporting must be the lead or a co-handling unit of the decision. */
export async function checkAssignedUnit(tx: DbOrTx, options: { row: DecisionRow; unitId: string; leadOnly: boolean }): Promise<void> {
  const { row, unitId } = options;
  if (row.leadUnitId === unitId) return;
  if (options.leadOnly) throw new AppError('not_lead_unit', '只有主办单位可以报送办结', { field: 'unitId' });
  const view = await getDecisionView(tx, { bodyId: row.bodyId, decisionId: row.id });
  if (!view.coUnits.some((u) => u.unitId === unitId)) {
    throw new AppError('unit_not_assigned', '该单位不是本事项的主办或协办单位', { field: 'unitId' });
  }
}
