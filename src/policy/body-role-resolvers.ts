import type { BodyRoleResolver } from './actor.ts';
import { listBodyGrants } from '../repositories/account-repository.ts';
import { membershipRoleResolver } from './membership-role-resolver.ts';

/** Direct grants of office staff and viewer (account_body_grants). */
export const accountGrantResolver: BodyRoleResolver = async (db, accountId, bodyId) =>
  (await listBodyGrants(db, accountId, bodyId)).map((grant) => ({ role: grant.role, unitId: null }));

/**
 * Every source of body roles; an account's roles in a body are the union of what these return.
 * The bodies part appends its membership resolver (convener, deputy convener, member, liaison).
 */
export const bodyRoleResolvers: BodyRoleResolver[] = [accountGrantResolver, membershipRoleResolver];
