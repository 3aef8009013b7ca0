/**
 * The building blocks every gate answers with: a basis (the rule's clause, or the default of the
 * step's table row), an allowance, a refusal whose message says which of the two it rests on, and
 * the check "one of these actors, a deputy only when delegated". Pure.
 */
import type { Actor, Charter, Rule } from '../charter/charter-types.ts';
import { charterTitles, describeActors, rolesAllowed } from './gate-roles.ts';
import { DEFAULT_PREFIX, gateRow } from './gate-table.ts';
import type { GateBasis, GateDecision, GateRole, GateStep } from './gate-types.ts';
import { clauseOfRule } from './rule-binding.ts';

export type GateCharter = Pick<Charter, 'rules' | 'documents' | 'normalizedText' | 'roles'>;

/** The basis of a decision read from a rule. */
export function ruleBasis(charter: GateCharter, rule: Rule): GateBasis {
  return { kind: 'rule', ruleType: rule.type, clause: clauseOfRule(charter, rule) };
}

/** The basis of a decision by the step's default (the table row's text). */
export function defaultBasis(step: GateStep): GateBasis {
  return { kind: 'default', text: `${DEFAULT_PREFIX}：${gateRow(step).default.text}` };
}

export function allow(as: GateRole | null, basis: GateBasis): GateDecision {
  return { allowed: true, as, basis };
}

/** A refusal; the message starts with 根据本机构制度 or with the default prefix. */
export function refuse(code: string, status: 403 | 422, message: string, basis: GateBasis, field?: string): GateDecision {
  const prefix = basis.kind === 'rule' ? '根据本机构制度，' : `${DEFAULT_PREFIX}，`;
  return { allowed: false, code, status, message: `${prefix}${message}`, basis, ...(field === undefined ? {} : { field }) };
}

export interface ActorCheck {
  step: GateStep;
  charter: GateCharter;
  /** The rule that governs, or null for the step's default */
  rule: Rule | null;
  allowed: readonly Actor[];
  deputyNeedsDelegation: boolean;
  roles: readonly GateRole[];
  /** Whether the convener's delegation to this deputy is recorded (for steps that know it) */
  delegated: boolean;
  /** 主持全体会议, 审核会议议题 … */
  what: string;
  code: string;
  status: 403 | 422;
  field?: string;
}

/**
 * Allowed when the actor holds a role the allowed actors admit — a deputy convener, where a
 * delegation is required, only with one (refused `delegation_required` otherwise).
 */
export function checkActors(check: ActorCheck): GateDecision {
  const basis = check.rule === null ? defaultBasis(check.step) : ruleBasis(check.charter, check.rule);
  const titles = charterTitles(check.charter);
  const candidates = rolesAllowed(check.allowed, check.roles);
  const needsDelegation = (role: GateRole): boolean => role === 'deputy_convener' && check.deputyNeedsDelegation && !check.delegated;
  const passing = candidates.find((role) => !needsDelegation(role));
  if (passing !== undefined) return allow(passing, basis);
  if (candidates.length > 0) {
    const deputy = titles.deputy_convener ?? '副召集人';
    const convener = titles.convener ?? '召集人';
    return refuse(check.status === 422 ? 'delegation_required' : 'deputy_not_delegated', check.status, `${deputy}须经${convener}委托方可${check.what}，尚未记录委托`, basis, check.field);
  }
  const delegation = check.deputyNeedsDelegation && check.allowed.includes('deputy_convener') ? `（${titles.deputy_convener ?? '副召集人'}须经委托）` : '';
  return refuse(check.code, check.status, `只有${describeActors(check.allowed, titles)}${delegation}可以${check.what}`, basis, check.field);
}
