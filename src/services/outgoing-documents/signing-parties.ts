/**
 * Who the signing chain's steps are, on a day: the roles an account holds for a document (the one
 * resolver of src/policy/held-roles.ts, plus `group_leader` for the group a paper comes from), and
 * the people a step waits for, as notification recipients (their inbox item links to the document).
 */
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../domain/charter/charter-types.ts';
import type { GateRole } from '../../domain/charter-gates/gate-types.ts';
import { gateRolesOf, heldBodyRoles } from '../../policy/held-roles.ts';
import { findGroupById } from '../../repositories/group-repository.ts';
import { listAccountIdsOfPeople } from '../../repositories/meeting-repository.ts';
import type { NotificationRecipient } from '../notification-types.ts';

/**
 * The account's roles for a document on `day`: its body roles, and `group_leader` when the document
 * comes from a group and the account's person is the group's 组长 or the member of one of its lead units.
 */
export async function documentGateRoles(db: DbOrTx, options: { accountId: string; bodyId: string; day: string; groupId: string | null }): Promise<GateRole[]> {
  const held = await heldBodyRoles(db, options);
  const roles = gateRolesOf(held);
  if (options.groupId === null) return roles;
  const group = await findGroupById(db, options.groupId);
  if (group === null) return roles;
  const leads = held.some((h) => {
    const m = h.membership;
    if (m === null) return false;
    const leadUnitMember = m.roleKind === 'member' && m.unitId !== null && group.units.some((u) => u.lead && u.unitId === m.unitId);
    const ownLeader = m.personId !== null && group.leaders.some((l) => l.personId === m.personId && l.title === '组长');
    return leadUnitMember || ownLeader;
  });
  if (leads) roles.push('group_leader');
  return roles;
}

/** The recipients of a step's actors: the body roles, the office, the group's 组长 and lead units' members. */
export async function recipientsOfActors(db: DbOrTx, options: { actors: readonly Actor[]; groupId: string | null }): Promise<NotificationRecipient[]> {
  const recipients: NotificationRecipient[] = [];
  const roles: ('convener' | 'deputy_convener' | 'member' | 'liaison')[] = [];
  for (const actor of options.actors) {
    if (actor === 'convener' || actor === 'deputy_convener' || actor === 'member' || actor === 'liaison') roles.push(actor);
    if (actor === 'office' || actor === 'office_director' || actor === 'office_deputy_director') recipients.push({ kind: 'office' });
  }
  if (roles.length > 0) recipients.push({ kind: 'body_roles', roles: [...new Set(roles)] });
  if (options.actors.includes('group_leader') && options.groupId !== null) {
    const group = await findGroupById(db, options.groupId);
    if (group !== null) {
      const leaders = group.leaders.filter((l) => l.title === '组长').map((l) => l.personId);
      for (const accountId of await listAccountIdsOfPeople(db, leaders)) recipients.push({ kind: 'account', accountId });
      for (const unit of group.units.filter((u) => u.lead)) recipients.push({ kind: 'unit', unitId: unit.unitId, roles: ['member'] });
    }
  }
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
