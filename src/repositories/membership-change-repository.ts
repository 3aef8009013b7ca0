/** SQL for membership change proposals (成员、联络员调整建议) and their confirmation. */
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { memberships, people, units } from '../db/schema/bodies.ts';
import { membershipChangeProposals } from '../db/schema/membership-changes.ts';
import type { MembershipChangeStatus } from '../db/schema/membership-changes.ts';
import { accounts } from '../db/schema/platform.ts';
import { alias } from 'drizzle-orm/pg-core';

export type MembershipChangeRow = typeof membershipChangeProposals.$inferSelect;
export type NewMembershipChange = Omit<typeof membershipChangeProposals.$inferInsert, 'id'>;

/** A proposal with the names a reader needs. */
export interface MembershipChangeView extends MembershipChangeRow {
  unitName: string | null;
  currentPersonName: string | null;
  /** The person holding the post an end or handover concerns */
  holderName: string | null;
  proposedByName: string | null;
  decidedByName: string | null;
}

export async function insertMembershipChange(db: DbOrTx, values: NewMembershipChange): Promise<MembershipChangeRow> {
  const [row] = await db.insert(membershipChangeProposals).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into membership_change_proposals returned no row');
  return row;
}

/** One proposal; `forUpdate` locks it for the decision. */
export async function findMembershipChange(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<MembershipChangeRow | null> {
  const query = db.select().from(membershipChangeProposals).where(eq(membershipChangeProposals.id, id)).limit(1);
  const [row] = options.forUpdate === true ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateMembershipChange(
  db: DbOrTx,
  id: string,
  patch: Partial<Pick<MembershipChangeRow, 'status' | 'decidedBy' | 'decidedAs' | 'decidedAt' | 'decisionNote' | 'meetingId' | 'startedMembershipId' | 'tookEffectOn'>>,
): Promise<MembershipChangeRow> {
  const [row] = await db.update(membershipChangeProposals).set(patch).where(eq(membershipChangeProposals.id, id)).returning();
  if (!row) throw new Error(`membership change ${id} vanished`);
  return row;
}

/** A body's proposals, newest first; optionally only those of a status. */
export async function listMembershipChanges(db: DbOrTx, bodyId: string, filter: { status?: MembershipChangeStatus } = {}): Promise<MembershipChangeView[]> {
  const proposer = alias(accounts, 'proposer');
  const decider = alias(accounts, 'decider');
  const holding = alias(memberships, 'holding');
  const holder = alias(people, 'holder');
  const conditions: SQL[] = [eq(membershipChangeProposals.bodyId, bodyId)];
  if (filter.status !== undefined) conditions.push(eq(membershipChangeProposals.status, filter.status));
  const rows = await db
    .select({
      change: membershipChangeProposals,
      unitName: units.name,
      currentPersonName: people.name,
      proposedByName: proposer.displayName,
      decidedByName: decider.displayName,
      holderName: holder.name,
    })
    .from(membershipChangeProposals)
    .leftJoin(units, eq(units.id, membershipChangeProposals.unitId))
    .leftJoin(people, eq(people.id, membershipChangeProposals.personId))
    .leftJoin(proposer, eq(proposer.id, membershipChangeProposals.proposedBy))
    .leftJoin(decider, eq(decider.id, membershipChangeProposals.decidedBy))
    .leftJoin(holding, eq(holding.id, membershipChangeProposals.membershipId))
    .leftJoin(holder, eq(holder.id, holding.personId))
    .where(and(...conditions))
    .orderBy(desc(membershipChangeProposals.proposedAt), desc(membershipChangeProposals.id));
  return rows.map((r) => ({
    ...r.change,
    unitName: r.unitName,
    currentPersonName: r.currentPersonName,
    proposedByName: r.proposedByName,
    decidedByName: r.decidedByName,
    holderName: r.holderName,
  }));
}
