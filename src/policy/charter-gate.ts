/**
 * The charter half of authorization. A route asks `authorize` (policy.ts) whether the account may
 * do this kind of action in the body at all; the service then makes one call here for the step the
 * body's charter governs (src/domain/charter-gates/), with the roles the account holds on the day
 * (held-roles.ts). A refusal becomes the one AppError: the gate's code, status and message, and the
 * clause — the charter's, or, when the charter is silent, the default it applied.
 */
import type { Charter } from '../domain/charter/charter-types.ts';
import { decideGate } from '../domain/charter-gates/check-gate.ts';
import type { GateDecision, GateRequest } from '../domain/charter-gates/gate-types.ts';
import { AppError } from '../errors/app-error.ts';
import type { CharterClause } from '../errors/app-error.ts';
import { errorCodeOf } from '../errors/error-catalogue.ts';

export type GateAllowance = Extract<GateDecision, { allowed: true }>;
export type GateRefusal = Extract<GateDecision, { allowed: false }>;

/** The clause a decision cites: the rule's, or the default's text (no document, no clause label). */
export function gateClause(decision: GateDecision): CharterClause {
  return decision.basis.kind === 'rule' ? decision.basis.clause : { document: null, clause: null, text: decision.basis.text };
}

/** The AppError of a refusal; `field` overrides the gate's own (e.g. `entries.2.status`). */
export function gateRefusalError(decision: GateRefusal, step: GateRequest['step'], field?: string): AppError {
  const at = field ?? decision.field;
  return new AppError(errorCodeOf(decision.code), decision.message, {
    clause: gateClause(decision),
    ...(at === undefined ? {} : { field: at }),
    details: { step, byDefault: decision.basis.kind === 'default' },
  });
}

/** Asks the charter's gate for the step; returns the allowance (as which role) or throws the refusal. */
export function requireCharterGate(charter: Charter, request: GateRequest, options: { field?: string } = {}): GateAllowance {
  const decision = decideGate(charter, request);
  if (decision.allowed) return decision;
  throw gateRefusalError(decision, request.step, options.field);
}
