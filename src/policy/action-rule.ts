import type { BodyRole, SystemRole } from './roles.ts';

/**
 * How an action is authorised.
 * - `public`: anyone, signed in or not.
 * - `authenticated`: any signed-in account.
 * - `system`: accounts holding one of `systemRoles`.
 * - `body`: on a body resource — accounts holding one of `systemRoles`, one of `bodyRoles` in that
 *   body, or one of `unitBodyRoles` for the very unit the resource belongs to.
 */
export interface ActionRule {
  /** What the action does, in Chinese (shown in the permission matrix). */
  description: string;
  scope: 'public' | 'authenticated' | 'system' | 'body';
  systemRoles?: readonly SystemRole[];
  bodyRoles?: readonly BodyRole[];
  /** Roles that allow the action only on their own member unit's records (resource.unitId). */
  unitBodyRoles?: readonly BodyRole[];
  /** Still allowed while the account must change its password (sign out, me, change password). */
  allowWhilePasswordChangeRequired?: boolean;
}

/** Declares a table of actions with their names kept as literal types. */
export function declareActions<const T extends Record<string, ActionRule>>(table: T): T {
  return table;
}
