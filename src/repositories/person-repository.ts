/** SQL for people: the persons who hold roles in bodies. */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, ilike, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { memberships, people, units } from '../db/schema/bodies.ts';
import { accounts } from '../db/schema/platform.ts';

export type PersonRow = typeof people.$inferSelect;

export async function insertPerson(db: DbOrTx, values: { name: string; normalizedName: string }): Promise<PersonRow> {
  const [row] = await db
    .insert(people)
    .values({ id: randomUUID(), name: values.name, normalizedName: values.normalizedName })
    .returning();
  if (!row) throw new Error('insert into people returned no row');
  return row;
}

export async function findPersonById(db: DbOrTx, id: string): Promise<PersonRow | null> {
  const [row] = await db.select().from(people).where(eq(people.id, id)).limit(1);
  return row ?? null;
}

export async function findPeopleByIds(db: DbOrTx, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(people).where(inArray(people.id, [...ids]));
}

/** People who hold or held any membership of the body, by name. */
export async function listPeopleOfBody(db: DbOrTx, bodyId: string): Promise<PersonRow[]> {
  return db
    .selectDistinct({ id: people.id, name: people.name, normalizedName: people.normalizedName, createdAt: people.createdAt })
    .from(people)
    .innerJoin(memberships, eq(memberships.personId, people.id))
    .where(eq(memberships.bodyId, bodyId))
    .orderBy(asc(people.normalizedName), asc(people.id));
}

/** A person of the body with this normalised name (the one met first), or null. */
export async function findPersonInBody(db: DbOrTx, bodyId: string, normalizedName: string): Promise<PersonRow | null> {
  const [row] = await db
    .select({ id: people.id, name: people.name, normalizedName: people.normalizedName, createdAt: people.createdAt })
    .from(people)
    .innerJoin(memberships, eq(memberships.personId, people.id))
    .where(and(eq(memberships.bodyId, bodyId), eq(people.normalizedName, normalizedName)))
    .orderBy(asc(memberships.seq))
    .limit(1);
  return row ?? null;
}

export async function updatePerson(db: DbOrTx, id: string, patch: { name?: string; normalizedName?: string }): Promise<PersonRow | null> {
  const [row] = await db.update(people).set(patch).where(eq(people.id, id)).returning();
  return row ?? null;
}

/** The person an account is linked to (accounts.person_id), or null. */
export async function findPersonOfAccount(db: DbOrTx, accountId: string): Promise<PersonRow | null> {
  const [row] = await db
    .select({ id: people.id, name: people.name, normalizedName: people.normalizedName, createdAt: people.createdAt })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .where(eq(accounts.id, accountId))
    .limit(1);
  return row ?? null;
}

/**
 * People whose name, or the name of a unit they hold or held a membership for, contains `search`
 * (all people without a search), by name; at most `limit`.
 */
export async function searchPeople(db: DbOrTx, options: { search?: string | undefined; limit: number }): Promise<PersonRow[]> {
  const columns = { id: people.id, name: people.name, normalizedName: people.normalizedName, createdAt: people.createdAt };
  if (options.search === undefined) return db.select(columns).from(people).orderBy(asc(people.normalizedName), asc(people.id)).limit(options.limit);
  const pattern = `%${options.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const byUnit = db
    .select({ personId: memberships.personId })
    .from(memberships)
    .innerJoin(units, eq(units.id, memberships.unitId))
    .where(ilike(units.name, pattern));
  return db
    .select(columns)
    .from(people)
    .where(or(ilike(people.name, pattern), inArray(people.id, byUnit)))
    .orderBy(asc(people.normalizedName), asc(people.id))
    .limit(options.limit);
}

/**
 * People whose name contains `search` (no unit search: the office's picker finds a person by
 * name only), by name; at most `limit`.
 */
export async function searchPeopleByName(db: DbOrTx, options: { search: string; limit: number }): Promise<PersonRow[]> {
  const pattern = `%${options.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: people.id, name: people.name, normalizedName: people.normalizedName, createdAt: people.createdAt })
    .from(people)
    .where(ilike(people.name, pattern))
    .orderBy(asc(people.normalizedName), asc(people.id))
    .limit(options.limit);
}

/** Which of these people have an account linked to them. */
export async function findPeopleWithAccounts(db: DbOrTx, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db.selectDistinct({ personId: accounts.personId }).from(accounts).where(inArray(accounts.personId, [...personIds]));
  return new Set(rows.flatMap((row) => (row.personId === null ? [] : [row.personId])));
}
