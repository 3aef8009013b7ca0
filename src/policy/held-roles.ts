/**
 * The one role resolver: which roles an account holds in a body on a day. The policy (coarse: may
 * this account do this kind of action in this body at all) and the charter gates (fine: does the
 * charter let this role take this step) both read it, so "office staff" and "convener" mean the
 * same thing in both. Roles: `office_staff` and `viewer` by direct grant (account_body_grants);
 * `convener`, `deputy_convener`, `member`, `liaison` by the memberships of the account's person
 * valid on the day (member and liaison for their member unit).
 */
import type { DbOrTx } from '../db/database.ts';
import type { GateRole } from '../domain/charter-gates/gate-types.ts';
import { isAdministratorAccount, listBodyGrants } from '../repositories/account-repository.ts';
import { listAccountMembershipsInBody } from '../repositories/membership-repository.ts';
import type { MembershipRow } from '../repositories/membership-repository.ts';
import type { BodyRole, BodyRoleGrant } from './roles.ts';
import { listAccountRolesInBodies } from '../repositories/body-repository.ts';
import { shanghaiDateOf } from '../domain/time/shanghai-date.ts';
import type { BodyRolesBatch } from './actor.ts';

/** A role held in a body on a day, with the membership that gives it (null for a direct grant). */
export interface HeldBodyRole extends BodyRoleGrant {
  membership: MembershipRow | null;
}

/** The account's roles in the body on `day` (YYYY-MM-DD, Asia/Shanghai): direct grants and memberships. */
export async function heldBodyRoles(db: DbOrTx, options: { accountId: string; bodyId: string; day: string }): Promise<HeldBodyRole[]> {
  const [grants, memberships, administrator] = await Promise.all([
    listBodyGrants(db, options.accountId, options.bodyId),
    listAccountMembershipsInBody(db, options.accountId, options.bodyId, options.day),
    isAdministratorAccount(db, options.accountId),
  ]);
  // 三员分立 (issue 17, engineer H): an administrator account holds no business role, whatever
  // grants or linked memberships the data might hold (defence in depth behind the services and
  // the triggers of migration 0016).
  if (administrator) return [];
  return [
    ...grants.map((grant): HeldBodyRole => ({ role: grant.role, unitId: null, membership: null })),
    ...memberships.map(
      (m): HeldBodyRole => ({ role: m.roleKind, unitId: m.roleKind === 'member' || m.roleKind === 'liaison' ? m.unitId : null, membership: m }),
    ),
  ];
}

/** Body roles that act under the charter (a viewer only reads). */
const ACTING: Record<BodyRole, GateRole | null> = {
  office_staff: 'office_staff',
  convener: 'convener',
  deputy_convener: 'deputy_convener',
  member: 'member',
  liaison: 'liaison',
  viewer: null,
};

/** The roles a charter gate is asked about, in the order held, without repeats. */
export function gateRolesOf(held: readonly BodyRoleGrant[]): GateRole[] {
  const roles: GateRole[] = [];
  for (const h of held) {
    const role = ACTING[h.role];
    if (role !== null && !roles.includes(role)) roles.push(role);
  }
  return roles;
}

/**
 * Issue 16 (engineer G): the roles of `heldRoleResolver` and the former members' `viewer` role
 * together, for many bodies in one statement (body-role-resolvers.ts registers it for its list).
 * Lists that ask the policy per row resolve the reader's roles with it first (`primeBodyRoles`).
 */
export const heldBodyRolesInBodies: BodyRolesBatch = async (db, accountId, bodyIds, at) => {
  const byBody = new Map<string, BodyRoleGrant[]>(bodyIds.map((id) => [id, []]));
  for (const row of await listAccountRolesInBodies(db, accountId, bodyIds, shanghaiDateOf(at))) {
    byBody.get(row.bodyId)?.push({ role: row.role, unitId: row.unitId });
  }
  return byBody;
};
