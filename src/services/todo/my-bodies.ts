/**
 * The bodies a person sits in today and the roles held in each: found in one read (direct grants,
 * memberships valid today) and resolved in one more by the policy's batch resolver (held-roles.ts),
 * so the to-do centre and the month calendar mean by "my bodies" what the policy means.
 */
import type { DbOrTx } from '../../db/database.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { gateRolesOf, heldBodyRolesInBodies } from '../../policy/held-roles.ts';
import { listBodiesOfAccount } from '../../repositories/todo-repository.ts';
import type { TodoBody } from './todo-types.ts';

/** The bodies the account sits in today with the roles held there (two reads for all bodies). */
export async function myBodies(db: DbOrTx, options: { accountId: string; at: Date }): Promise<Map<string, TodoBody>> {
  const today = shanghaiDateOf(options.at);
  const rows = await listBodiesOfAccount(db, options.accountId, today);
  const roles = await heldBodyRolesInBodies(db, options.accountId, rows.map((row) => row.id), options.at);
  const bodies = new Map<string, TodoBody>();
  for (const row of rows) {
    const held = roles.get(row.id) ?? [];
    if (held.length === 0) continue;
    bodies.set(row.id, { id: row.id, name: row.name, active: row.status === 'active', regionCode: row.regionCode, roles: held, gateRoles: gateRolesOf(held) });
  }
  return bodies;
}
