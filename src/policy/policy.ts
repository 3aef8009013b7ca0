/**
 * The one authorization module: roles × actions. Every route calls `authorize` before it acts.
 * The declared table is in actions.ts (platform-actions.ts, body-actions.ts).
 */
import { AppError } from '../errors/app-error.ts';
import { actionRule } from './actions.ts';
import type { ActionName } from './actions.ts';
import type { Actor } from './actor.ts';

export type { Actor, BodyRoleResolver } from './actor.ts';
export type { ActionName } from './actions.ts';
export type { ActionRule } from './action-rule.ts';
export * from './roles.ts';

/** What an action is done to. Body actions need the body, and the member unit for unit records. */
export type Resource =
  | { kind: 'system' }
  | { kind: 'body'; bodyId: string; /** The member unit whose record is touched. */ unitId?: string | null };

export const SYSTEM_RESOURCE: Resource = { kind: 'system' };

export function bodyResource(bodyId: string, unitId: string | null = null): Resource {
  return { kind: 'body', bodyId, unitId };
}

export type Decision =
  | { allowed: true }
  | { allowed: false; code: 'unauthenticated' | 'password_change_required' | 'forbidden'; reason: string };

/** Decides without throwing. */
export async function decide(actor: Actor | null, action: ActionName, resource: Resource = SYSTEM_RESOURCE): Promise<Decision> {
  const rule = actionRule(action);
  if (rule.scope === 'public') return { allowed: true };
  if (actor === null) return { allowed: false, code: 'unauthenticated', reason: '请先登录' };
  if (actor.mustChangePassword && rule.allowWhilePasswordChangeRequired !== true) {
    return { allowed: false, code: 'password_change_required', reason: '首次登录或密码已被重置，请先修改密码' };
  }
  if (rule.scope === 'authenticated') return { allowed: true };
  const denied: Decision = { allowed: false, code: 'forbidden', reason: `无权限：${rule.description}` };
  if (rule.systemRoles !== undefined && actor.systemRoles.some((role) => rule.systemRoles?.includes(role))) {
    return { allowed: true };
  }
  if (rule.scope === 'system') return denied;
  if (resource.kind !== 'body') {
    throw new Error(`action ${action} is body-scoped and needs a body resource`);
  }
  const grants = await actor.bodyRoles(resource.bodyId);
  if (rule.bodyRoles !== undefined && grants.some((grant) => rule.bodyRoles?.includes(grant.role))) {
    return { allowed: true };
  }
  const unitId = resource.unitId ?? null;
  if (
    unitId !== null &&
    rule.unitBodyRoles !== undefined &&
    grants.some((grant) => grant.unitId === unitId && rule.unitBodyRoles?.includes(grant.role))
  ) {
    return { allowed: true };
  }
  return denied;
}

/** Whether the actor may do the action (for filtering lists and showing buttons). */
export async function can(actor: Actor | null, action: ActionName, resource: Resource = SYSTEM_RESOURCE): Promise<boolean> {
  return (await decide(actor, action, resource)).allowed;
}

/**
 * Throws AppError 401 `unauthenticated`, 403 `password_change_required` or 403 `forbidden`
 * unless the actor may do the action on the resource. Returns the actor (non-null unless public).
 */
export async function authorize(actor: Actor | null, action: ActionName, resource: Resource = SYSTEM_RESOURCE): Promise<void> {
  const decision = await decide(actor, action, resource);
  if (decision.allowed) return;
  throw new AppError(decision.code, decision.reason, { details: { action } });
}

/** Like authorize, but also narrows to a signed-in actor (for non-public actions). */
export async function authorizeActor(
  actor: Actor | null,
  action: ActionName,
  resource: Resource = SYSTEM_RESOURCE,
): Promise<Actor> {
  await authorize(actor, action, resource);
  if (actor === null) throw new AppError('unauthenticated', '请先登录');
  return actor;
}
