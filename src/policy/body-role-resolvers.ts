import type { BodyRoleResolver } from './actor.ts';
import { formerMembershipRoleResolver } from './former-membership-role-resolver.ts';
import { heldBodyRoles, heldBodyRolesInBodies } from './held-roles.ts';
import { registerBodyRolesBatch } from './actor.ts';
import { isAdministratorAccount } from '../repositories/account-repository.ts';
import { shanghaiDateOf } from '../domain/time/shanghai-date.ts';

/**
 * The roles held now (the request's day, Asia/Shanghai), by the one resolver the charter gates use
 * too (held-roles.ts): direct grants of office staff and viewer, and memberships.
 */
export const heldRoleResolver: BodyRoleResolver = async (db, accountId, bodyId, at) =>
  (await heldBodyRoles(db, { accountId, bodyId, day: shanghaiDateOf(at) })).map(({ role, unitId }) => ({ role, unitId }));

/**
 * Every source of body roles; an account's roles in a body are the union of what these return:
 * the roles held (held-roles.ts) and, after a dissolution, former members' read access.
 */
export const bodyRoleResolvers: BodyRoleResolver[] = [heldRoleResolver, withoutAdministrators(formerMembershipRoleResolver)];
// Issue 16 (engineer G): the same roles for many bodies in one statement, for lists (held-roles.ts)
registerBodyRolesBatch(bodyRoleResolvers, heldBodyRolesInBodies);

/**
 * 三员分立 (issue 17, engineer H): a resolver that gives an administrator account no body role
 * (heldBodyRoles checks the same itself).
 */
function withoutAdministrators(resolver: BodyRoleResolver): BodyRoleResolver {
  return async (db, accountId, bodyId, at) => ((await isAdministratorAccount(db, accountId)) ? [] : resolver(db, accountId, bodyId, at));
}
