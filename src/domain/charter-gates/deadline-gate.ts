/**
 * The handling-deadline gate: a decided item's time limit, in working days, may not exceed the
 * charter's `handling_deadline` (its co-handled limit when other units handle the item with the
 * lead unit). Without such a rule the meeting sets any limit. Pure.
 */
import type { HandlingDeadlineRule } from '../charter/charter-types.ts';
import { allow, defaultBasis, refuse, ruleBasis, type GateCharter } from './gate-decisions.ts';
import type { GateDecision } from './gate-types.ts';
import { rulesOfType } from './rule-binding.ts';

/** The charter's handling-deadline rule: the first one stated with a usable number of days. */
export function handlingDeadlineRuleOf(charter: GateCharter): HandlingDeadlineRule | null {
  return rulesOfType(charter, 'handling_deadline').find((r) => Number.isFinite(r.workingDays) && r.workingDays > 0) ?? null;
}

/** The limit a rule sets for an item: the co-handled limit when co-handled and stated, else the plain one. */
export function handlingLimit(rule: HandlingDeadlineRule, coHandled: boolean): number {
  const co = rule.coHandledWorkingDays;
  return coHandled && co !== null && Number.isFinite(co) && co > 0 ? co : rule.workingDays;
}

/** Whether `workingDays` is a limit the charter admits for an item (co-handled or not). */
export function handlingDeadlineGate(charter: GateCharter, request: { workingDays: number; coHandled: boolean }): GateDecision {
  const rule = handlingDeadlineRuleOf(charter);
  const basis = rule === null ? defaultBasis('set_handling_deadline') : ruleBasis(charter, rule);
  if (!Number.isFinite(request.workingDays) || request.workingDays < 0) {
    return refuse('deadline_not_positive', 422, '办理时限应为不少于0的工作日数', basis, 'deadline');
  }
  if (rule === null) return allow(null, basis);
  const limit = handlingLimit(rule, request.coHandled);
  if (request.workingDays > limit) {
    const what = request.coHandled && rule.coHandledWorkingDays !== null ? '需会同相关单位办理的事项' : '承办事项';
    return refuse('handling_deadline_exceeded', 422, `${what}应在${limit}个工作日内办结，不能定为${request.workingDays}个工作日`, basis, 'deadline');
  }
  return allow(null, basis);
}
