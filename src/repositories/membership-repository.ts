/** SQL for memberships over time: who holds which role of a body, for which unit, from when to when. */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { memberships, people, units } from '../db/schema/bodies.ts';
import { accounts } from '../db/schema/platform.ts';
import type { RoleKind } from '../domain/charter/charter-types.ts';

export type MembershipRow = typeof memberships.$inferSelect;
export type NewMembership = Omit<typeof memberships.$inferInsert, 'id' | 'createdAt' | 'seq'>;

/** A membership with its person and unit. */
export interface MembershipView extends MembershipRow {
  personName: string | null;
  unitName: string | null;
}

export async function insertMembership(db: DbOrTx, values: NewMembership): Promise<MembershipRow> {
  const [row] = await db.insert(memberships).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into memberships returned no row');
  return row;
}

export async function findMembershipById(db: DbOrTx, id: string): Promise<MembershipRow | null> {
  const [row] = await db.select().from(memberships).where(eq(memberships.id, id)).limit(1);
  return row ?? null;
}

export async function setMembershipEnd(db: DbOrTx, id: string, validTo: string): Promise<void> {
  await db.update(memberships).set({ validTo }).where(eq(memberships.id, id));
}

function holdingOn(at: string): SQL[] {
  const open = or(isNull(memberships.validTo), gt(memberships.validTo, at));
  return open ? [lte(memberships.validFrom, at), open] : [lte(memberships.validFrom, at)];
}

/** The memberships `where` selects, with their person's and unit's names, by start date (then as entered). */
async function selectMembershipViews(db: DbOrTx, where: SQL | undefined): Promise<MembershipView[]> {
  const rows = await db
    .select({ membership: memberships, personName: people.name, unitName: units.name })
    .from(memberships)
    .leftJoin(people, eq(people.id, memberships.personId))
    .leftJoin(units, eq(units.id, memberships.unitId))
    .where(where)
    .orderBy(asc(memberships.validFrom), asc(memberships.seq));
  return rows.map((r) => ({ ...r.membership, personName: r.personName, unitName: r.unitName }));
}

export interface ListMembershipsFilter {
  /** Only memberships holding on this ISO date */
  at?: string;
  roleKind?: RoleKind;
  unitId?: string;
  personId?: string;
}

const ROLE_ORDER: Record<RoleKind, number> = { convener: 0, deputy_convener: 1, member: 2, liaison: 3 };

/** A body's memberships in role order (convener first), then by start date. */
export async function listMembershipsOfBody(db: DbOrTx, bodyId: string, filter: ListMembershipsFilter = {}): Promise<MembershipView[]> {
  const conditions: SQL[] = [eq(memberships.bodyId, bodyId)];
  if (filter.at !== undefined) conditions.push(...holdingOn(filter.at));
  if (filter.roleKind !== undefined) conditions.push(eq(memberships.roleKind, filter.roleKind));
  if (filter.unitId !== undefined) conditions.push(eq(memberships.unitId, filter.unitId));
  if (filter.personId !== undefined) conditions.push(eq(memberships.personId, filter.personId));
  const views = await selectMembershipViews(db, and(...conditions));
  return views.sort((a, b) => ROLE_ORDER[a.roleKind] - ROLE_ORDER[b.roleKind]);
}

/** Memberships of a unit in any body (for the unit's page). */
export async function listMembershipsOfUnit(db: DbOrTx, unitId: string): Promise<MembershipView[]> {
  return selectMembershipViews(db, eq(memberships.unitId, unitId));
}

/** Memberships of a person in the given bodies. */
export async function listMembershipsOfPerson(db: DbOrTx, personId: string, bodyIds?: readonly string[]): Promise<MembershipView[]> {
  const conditions: SQL[] = [eq(memberships.personId, personId)];
  if (bodyIds !== undefined) {
    if (bodyIds.length === 0) return [];
    conditions.push(inArray(memberships.bodyId, [...bodyIds]));
  }
  return selectMembershipViews(db, and(...conditions));
}

/** Memberships holding on `at` of people linked to `accountId` in `bodyId` (for authorization). */
export async function listAccountMembershipsInBody(db: DbOrTx, accountId: string, bodyId: string, at: string): Promise<MembershipRow[]> {
  const rows = await db
    .select({ membership: memberships })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.personId, memberships.personId))
    .where(and(eq(accounts.id, accountId), eq(memberships.bodyId, bodyId), ...holdingOn(at)));
  return rows.map((r) => r.membership);
}

/** Ids of bodies in which people linked to `accountId` hold a membership on `at`. */
export async function listBodyIdsOfAccountMemberships(db: DbOrTx, accountId: string, at: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ bodyId: memberships.bodyId })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.personId, memberships.personId))
    .where(and(eq(accounts.id, accountId), ...holdingOn(at)));
  return rows.map((r) => r.bodyId);
}

/** Removes a membership that never held (ended on or before the day it started). */
export async function deleteMembership(db: DbOrTx, id: string): Promise<void> {
  await db.delete(memberships).where(eq(memberships.id, id));
}
