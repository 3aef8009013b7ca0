import type { BodyRoleResolver } from './actor.ts';
import type { BodyRoleGrant } from './roles.ts';
import { listFormerMemberships } from '../repositories/supervision-repository.ts';

/**
 * After a body is dissolved its memberships end, but the people who held them keep reading the
 * body's records — a lead unit its own open items above all, until the office has handed them over.
 * An account whose person held a membership up to the dissolution day holds the `viewer` role of
 * the dissolved body (for the member unit it represented): read only, nothing more.
 */
export const formerMembershipRoleResolver: BodyRoleResolver = async (db, accountId, bodyId) => {
  const rows = await listFormerMemberships(db, accountId, bodyId);
  return rows.map((m): BodyRoleGrant => ({ role: 'viewer', unitId: m.roleKind === 'member' || m.roleKind === 'liaison' ? m.unitId : null }));
};
