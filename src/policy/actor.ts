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

/** A memoised body-role lookup over all resolvers, for one actor during one request. */
export function bodyRoleLookup(
  db: DbOrTx,
  resolvers: readonly BodyRoleResolver[],
  accountId: string,
  at: Date,
): (bodyId: string) => Promise<readonly BodyRoleGrant[]> {
  const cache = new Map<string, Promise<readonly BodyRoleGrant[]>>();
  return (bodyId) => {
    let found = cache.get(bodyId);
    if (found === undefined) {
      found = Promise.all(resolvers.map((resolve) => resolve(db, accountId, bodyId, at))).then((lists) =>
        lists.flat(),
      );
      cache.set(bodyId, found);
    }
    return found;
  };
}
