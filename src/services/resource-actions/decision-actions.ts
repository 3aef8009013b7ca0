/**
 * The actions the reader may take on a decided item (issue 15): report progress or completion and
 * ask for an extension for the reader's own assigned unit (or the office for a unit), close, send
 * back, decide an extension — each by the policy action its route authorizes (for the unit, as the
 * route resolves it) and the status refusal its step throws.
 */
import { AppError } from '../../errors/app-error.ts';
import { bodyResource } from '../../policy/policy.ts';
import type { Actor } from '../../policy/policy.ts';
import { stepRefusal } from '../decisions/decision-context.ts';
import type { DecisionDetail } from '../decisions/decision-detail.ts';
import { extensionClosedRefusal } from '../decisions/extensions.ts';
import { isOpen } from '../../domain/decisions/decision-status.ts';
import { policyRefusal, verdict } from './action-verdicts.ts';
import type { ResourceAction } from './action-verdicts.ts';

/** The unit the reader reports for among `candidates` (as the route picks it), else null. */
async function ownUnit(actor: Actor | null, bodyId: string, candidates: readonly string[]): Promise<string | null> {
  const grants = actor === null ? [] : await actor.bodyRoles(bodyId);
  return candidates.find((unitId) => grants.some((g) => g.unitId === unitId && (g.role === 'liaison' || g.role === 'member'))) ?? null;
}

/** The policy's refusal of a unit-scoped action: for the reader's own unit among the item's, else as the office. */
async function unitPolicyRefusal(
  actor: Actor | null,
  action: 'decision.report' | 'decision.request_extension',
  bodyId: string,
  candidates: readonly string[],
  leadOnly: boolean,
): Promise<AppError | null> {
  const unitId = await ownUnit(actor, bodyId, candidates);
  const refusal = await policyRefusal(actor, action, bodyResource(bodyId, unitId));
  if (refusal === null || unitId !== null) return refusal;
  return leadOnly ? new AppError('not_lead_unit', '只有主办单位可以报送办结') : new AppError('unit_not_assigned', '本人所在单位不是本事项的主办或协办单位');
}

/** The actions the reader may take on the decided item (roles from the request's memoised lookup; no query per action). */
export async function decisionActions(options: { actor: Actor | null; decision: DecisionDetail }): Promise<ResourceAction[]> {
  const { actor, decision } = options;
  const { bodyId } = decision;
  const body = bodyResource(bodyId);
  const all = [decision.leadUnit.unitId, ...decision.coUnits.map((u) => u.unitId)];
  const lead = [decision.leadUnit.unitId];
  const supervise = () => policyRefusal(actor, 'decision.supervise', body);
  const pending = decision.extensionRequests.some((r) => r.status === 'pending');
  return Promise.all([
    verdict('decision.report_progress', () => unitPolicyRefusal(actor, 'decision.report', bodyId, all, false), stepRefusal(decision.status, 'report_progress')),
    verdict('decision.report_completion', () => unitPolicyRefusal(actor, 'decision.report', bodyId, lead, true), stepRefusal(decision.status, 'report_completion')),
    verdict(
      'decision.request_extension',
      () => unitPolicyRefusal(actor, 'decision.request_extension', bodyId, all, false),
      extensionClosedRefusal(decision.status),
      pending ? new AppError('extension_pending', '已有待审核的延期申请', { field: 'decisionId' }) : null,
    ),
    verdict('decision.close', supervise, stepRefusal(decision.status, 'close')),
    verdict('decision.send_back', supervise, stepRefusal(decision.status, 'send_back')),
    verdict(
      'decision.decide_extension',
      supervise,
      isOpen(decision.status) ? null : new AppError('decision_closed', '事项已销号，不能再调整期限'),
      pending ? null : new AppError('extension_not_found', '没有待审核的延期申请'),
    ),
  ]);
}
