/**
 * What the membership change gate (src/domain/charter-gates/membership-change-gate.ts) needs from
 * the database: the body's current charter and the acting account's roles in the body on a day;
 * and the one call services make to consult it, turning a refusal into an AppError with the clause.
 */
import type { DbOrTx } from '../db/database.ts';
import type { Charter } from '../domain/charter/charter-types.ts';
import type { GateBasis, GateDecision } from '../domain/charter-gates/gate-types.ts';
import { membershipChangeGate } from '../domain/charter-gates/membership-change-gate.ts';
import type { MembershipChangeActor, MembershipChangeDecision, MembershipChangeRequest } from '../domain/charter-gates/membership-change-gate.ts';
import type { CharterClause } from '../errors/app-error.ts';
import { AppError } from '../errors/app-error.ts';
import { gateRolesOf, heldBodyRoles } from '../policy/held-roles.ts';
import { findAccountById } from '../repositories/account-repository.ts';
import { loadBodyCharter } from './body-service.ts';
import { errorCodeOf } from '../errors/error-catalogue.ts';

/** The body's current charter, or a 404 (the one loader: body-service's loadBodyCharter). */
export async function currentCharter(db: DbOrTx, bodyId: string): Promise<Charter> {
  return (await loadBodyCharter(db, { bodyId })).charter;
}

/**
 * The acting account for the gate: its person and its roles in the body on `day`, from the one
 * role resolver the policy shares (src/policy/held-roles.ts); a viewer acts in no role.
 */
export async function membershipActor(db: DbOrTx, options: { accountId: string; bodyId: string; day: string }): Promise<MembershipChangeActor> {
  const account = await findAccountById(db, options.accountId);
  const held = await heldBodyRoles(db, options);
  return {
    accountId: options.accountId,
    personId: account?.personId ?? null,
    roles: held.flatMap((h) => {
      const [role] = gateRolesOf([h]);
      return role === undefined ? [] : [{ role, unitId: h.unitId }];
    }),
  };
}

/** The clause a refusal cites: the rule's, or the default's text (本机构制度未规定，按系统默认规则：…). */
export function clauseOfBasis(basis: GateBasis): CharterClause {
  return basis.kind === 'rule' ? basis.clause : { document: null, clause: null, text: basis.text };
}

export type MembershipChangeAllowed = Extract<GateDecision, { allowed: true }> & { confirmer: MembershipChangeDecision['confirmer'] };

/** Consults the gate once; a refusal throws with its code, status, message and clause (or default). */
export function requireMembershipChange(charter: Charter, request: MembershipChangeRequest, field?: string): MembershipChangeAllowed {
  const decision = membershipChangeGate(charter, request);
  if (decision.allowed) return decision;
  const at = decision.field ?? field;
  throw new AppError(errorCodeOf(decision.code), decision.message, {
    clause: clauseOfBasis(decision.basis),
    ...(at === undefined ? {} : { field: at }),
    details: { confirmer: decision.confirmer, byDefault: decision.basis.kind === 'default' },
  });
}
