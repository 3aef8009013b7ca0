/**
 * What every resource's actions share (issue 15): the reader resolved once per resource (the body
 * and its charter loaded once, the roles held per day memoised), and the three kinds of refusal an
 * action meets — the policy (the same `decide` the route asks), the charter gate (the same
 * `decideGate` the service asks through `requireCharterGate`) and the resource's status (the pure
 * refusal functions the services themselves throw). Nothing here decides a rule of its own.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { Charter } from '../../domain/charter/charter-types.ts';
import { decideGate } from '../../domain/charter-gates/check-gate.ts';
import type { GateRequest } from '../../domain/charter-gates/gate-types.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { AppError } from '../../errors/app-error.ts';
import { gateRefusalError } from '../../policy/charter-gate.ts';
import { decide } from '../../policy/policy.ts';
import type { ActionName, Actor, Resource } from '../../policy/policy.ts';
import type { BodyRow } from '../../repositories/body-repository.ts';
import { loadBodyCharter } from '../body-service.ts';
import { assertBodyActive } from '../dissolution-service.ts';
import { heldRolesOn } from '../meetings/meeting-context.ts';
import type { HeldRoles } from '../meetings/meeting-context.ts';

/** One action on a resource as the API gives it (src/contracts/resource-actions.ts). */
export interface ResourceAction {
  action: string;
  allowed: boolean;
  reason?: string;
  clause?: string;
}

/** A refusal, or null when nothing refuses; given lazily so that only the first refusal is computed. */
export type Check = AppError | null | (() => AppError | null | Promise<AppError | null>);

/** The reader of a body's resources at one instant: the charter loaded once, roles per day memoised. */
export interface Reader {
  actor: Actor | null;
  bodyId: string;
  body: BodyRow;
  charter: Charter;
  now: Date;
  /** The roles the reader holds in the body on `day` (YYYY-MM-DD), resolved once per day. */
  rolesOn(day: string): Promise<HeldRoles>;
  /** The roles held today (Asia/Shanghai). */
  rolesToday(): Promise<HeldRoles>;
}

/** Loads the body and its charter once and prepares the reader's role lookups. */
export async function loadReader(db: DbOrTx, options: { actor: Actor | null; bodyId: string; now: Date }): Promise<Reader> {
  const { body, charter } = await loadBodyCharter(db, { bodyId: options.bodyId });
  const byDay = new Map<string, Promise<HeldRoles>>();
  const rolesOn = (day: string): Promise<HeldRoles> => {
    let found = byDay.get(day);
    if (found === undefined) {
      const accountId = options.actor?.accountId;
      found = accountId === undefined ? Promise.resolve({ roles: [], gateRoles: [] }) : heldRolesOn(db, { accountId, bodyId: options.bodyId, day });
      byDay.set(day, found);
    }
    return found;
  };
  return { ...options, body, charter, rolesOn, rolesToday: () => rolesOn(shanghaiDateOf(options.now)) };
}

/** The policy's refusal of the action on the resource (the route's own check), or null. */
export async function policyRefusal(actor: Actor | null, action: ActionName, resource: Resource): Promise<AppError | null> {
  const decision = await decide(actor, action, resource);
  return decision.allowed ? null : new AppError(decision.code, decision.reason, { details: { action } });
}

/** The charter gate's refusal of the step (what `requireCharterGate` would throw), or null. */
export function gateRefusal(charter: Charter, request: GateRequest): AppError | null {
  const decision = decideGate(charter, request);
  return decision.allowed ? null : gateRefusalError(decision, request.step);
}

/** The refusal of a change to a dissolved body (what `loadActiveBodyCharter` throws), or null. */
export function activeBodyRefusal(body: BodyRow): AppError | null {
  try {
    assertBodyActive(body);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

/** The action allowed when no check refuses; else refused with the first refusal's message and clause. */
export async function verdict(action: string, ...checks: Check[]): Promise<ResourceAction> {
  for (const check of checks) {
    const refusal = typeof check === 'function' ? await check() : check;
    if (refusal !== null) {
      const clause = refusal.clause?.text;
      return { action, allowed: false, reason: refusal.message, ...(clause === undefined || clause === '' ? {} : { clause }) };
    }
  }
  return { action, allowed: true };
}
