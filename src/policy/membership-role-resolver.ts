import type { BodyRoleResolver } from './actor.ts';
import type { BodyRoleGrant } from './roles.ts';
import { isoDateOf } from '../domain/directory/membership-timeline.ts';
import { listAccountMembershipsInBody } from '../repositories/membership-repository.ts';

/**
 * Body roles that come from memberships: an account linked to a person (accounts.person_id) holds
 * the role of each of that person's memberships of the body on the day (Asia/Shanghai) of `at`.
 * Member and liaison roles hold for their member unit; convener and deputy convener body-wide.
 */
export const membershipRoleResolver: BodyRoleResolver = async (db, accountId, bodyId, at) => {
  const rows = await listAccountMembershipsInBody(db, accountId, bodyId, isoDateOf(at));
  return rows.map(
    (m): BodyRoleGrant => ({ role: m.roleKind, unitId: m.roleKind === 'member' || m.roleKind === 'liaison' ? m.unitId : null }),
  );
};
