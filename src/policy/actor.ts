import type { DbOrTx } from '../db/database.ts';
import type { BodyRoleGrant, SystemRole } from './roles.ts';

/** The signed-in account acting on a request (or a CLI operator acting as an account). */
export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  systemRoles: readonly SystemRole[];
  /** The person (bodies part) this account belongs to, when linked. */
  personId: string | null;
  mustChangePassword: boolean;
  /** The session the request came with (null for the CLI). */
  sessionId: string | null;
  /** The actor's roles in a body now (resolved once per request and body). */
  bodyRoles(bodyId: string): Promise<readonly BodyRoleGrant[]>;
}

/**
 * Resolves the roles an account holds in a body at a time. The platform supplies one for direct
 * grants (office staff, viewer); the bodies part supplies one for memberships (convener, deputy
 * convener, member, liaison). Register resolvers in src/policy/body-role-resolvers.ts.
 */
export type BodyRoleResolver = (db: DbOrTx, accountId: string, bodyId: string, at: Date) => Promise<BodyRoleGrant[]>;

/**
 * The roles an account holds in many bodies at once (one query), giving for each body exactly what
 * the resolvers it is registered for would give together (issue 16: a list asks the policy per row).
 */
export type BodyRolesBatch = (db: DbOrTx, accountId: string, bodyIds: readonly string[], at: Date) => Promise<Map<string, BodyRoleGrant[]>>;

const batches = new WeakMap<readonly BodyRoleResolver[], BodyRolesBatch>();

/** Declares the batch that answers for this list of resolvers (src/policy/body-role-resolvers.ts). */
export function registerBodyRolesBatch(resolvers: readonly BodyRoleResolver[], batch: BodyRolesBatch): void {
  batches.set(resolvers, batch);
}

/** A body-role lookup that can also resolve many bodies at once before a list asks per row. */
export interface BodyRoleLookup {
  (bodyId: string): Promise<readonly BodyRoleGrant[]>;
  /** Resolves the bodies not asked yet in one batch (when the resolvers have one; else nothing) */
  prime(bodyIds: readonly string[]): Promise<void>;
}

/**
 * A memoised body-role lookup over all resolvers, for one actor during one request: by the batch
 * registered for these resolvers (one statement) when there is one, else resolver by resolver.
 */
export function bodyRoleLookup(db: DbOrTx, resolvers: readonly BodyRoleResolver[], accountId: string, at: Date): BodyRoleLookup {
  const cache = new Map<string, Promise<readonly BodyRoleGrant[]>>();
  const batch = batches.get(resolvers);
  const lookup = (bodyId: string): Promise<readonly BodyRoleGrant[]> => {
    let found = cache.get(bodyId);
    if (found === undefined) {
      found =
        batch !== undefined
          ? batch(db, accountId, [bodyId], at).then((byBody) => byBody.get(bodyId) ?? [])
          : Promise.all(resolvers.map((resolve) => resolve(db, accountId, bodyId, at))).then((lists) => lists.flat());
      cache.set(bodyId, found);
    }
    return found;
  };
  const prime = async (bodyIds: readonly string[]): Promise<void> => {
    const missing = [...new Set(bodyIds)].filter((id) => !cache.has(id));
    if (batch === undefined || missing.length === 0) return;
    const resolved = batch(db, accountId, missing, at);
    for (const id of missing) cache.set(id, resolved.then((byBody) => byBody.get(id) ?? []));
    await resolved;
  };
  return Object.assign(lookup, { prime });
}

/** Resolves the actor's roles in these bodies at once, when its lookup can (see `bodyRoleLookup`). */
export async function primeBodyRoles(actor: Actor | null, bodyIds: readonly string[]): Promise<void> {
  const lookup = actor?.bodyRoles;
  if (lookup !== undefined && 'prime' in lookup && typeof lookup.prime === 'function') await (lookup as BodyRoleLookup).prime(bodyIds);
}
