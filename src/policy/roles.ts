/**
 * The roles of Lianxi, declared in src/domain/access/roles.ts (pure, so that repositories and
 * contracts can name them without importing the policy layer). Add or rename a role there.
 */
export * from '../domain/access/roles.ts';
