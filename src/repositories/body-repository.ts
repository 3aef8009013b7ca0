/** SQL for bodies (the unit of tenancy). */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, ilike, inArray, isNull, like, lt, lte, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { bodies, bodyUnits, memberships } from '../db/schema/bodies.ts';
import { bodyNotificationSettings, decisions } from '../db/schema/decisions.ts';
import { bodySupervisionSettings } from '../db/schema/supervision.ts';
import { meetings } from '../db/schema/meetings.ts';
import type { BodyStatus } from '../db/schema/bodies.ts';
import type { BodyKind, BodyLevel } from '../domain/charter/charter-types.ts';
import { keysetAfter, keysetOrderBy, keysetValues, rankOf } from './keyset-order.ts';
import type { KeysetColumn } from './keyset-order.ts';

export type BodyRow = typeof bodies.$inferSelect;
export type NewBody = Omit<typeof bodies.$inferInsert, 'id'>;

export async function insertBody(db: DbOrTx, values: NewBody): Promise<BodyRow> {
  const [row] = await db.insert(bodies).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into bodies returned no row');
  return row;
}

/** Updates a body; the caller passes `updatedAt` from its clock. */
export async function updateBody(db: DbOrTx, id: string, patch: Partial<NewBody> & { updatedAt: Date }): Promise<BodyRow | null> {
  const [row] = await db
    .update(bodies)
    .set(patch)
    .where(eq(bodies.id, id))
    .returning();
  return row ?? null;
}

export async function findBodyById(db: DbOrTx, id: string): Promise<BodyRow | null> {
  const [row] = await db.select().from(bodies).where(eq(bodies.id, id)).limit(1);
  return row ?? null;
}

export async function findBodiesByIds(db: DbOrTx, ids: readonly string[]): Promise<BodyRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(bodies).where(inArray(bodies.id, [...ids]));
}

/** Position in the newest-first listing: `(createdAt, id)` of the last row of the previous page. */
export interface BodyCursor {
  createdAt: Date;
  id: string;
}

export interface ListBodiesFilter {
  kind?: BodyKind;
  level?: BodyLevel;
  /** A region code: bodies of that region and of every region inside it */
  regionCode?: string;
  status?: BodyStatus;
  /** Part of the name */
  nameContains?: string;
  after?: BodyCursor;
  limit: number;
}

/** The code prefix every region inside `code` shares: 440000 → 44, 440100 → 4401, 440103 → 440103. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Newest first, `limit` rows after the cursor. */
export async function listBodies(db: DbOrTx, filter: ListBodiesFilter): Promise<BodyRow[]> {
  const conditions: SQL[] = [];
  if (filter.kind) conditions.push(eq(bodies.kind, filter.kind));
  if (filter.level) conditions.push(eq(bodies.level, filter.level));
  if (filter.status) conditions.push(eq(bodies.status, filter.status));
  if (filter.regionCode) conditions.push(like(bodies.regionCode, `${escapeLike(regionPrefix(filter.regionCode))}%`));
  if (filter.nameContains) conditions.push(ilike(bodies.name, `%${escapeLike(filter.nameContains)}%`));
  if (filter.after) {
    const { createdAt, id } = filter.after;
    const older = or(lt(bodies.createdAt, createdAt), and(eq(bodies.createdAt, createdAt), lt(bodies.id, id)));
    if (older) conditions.push(older);
  }
  return db
    .select()
    .from(bodies)
    .where(conditions.length > 0 ? and(...conditions) : sql`true`)
    .orderBy(desc(bodies.createdAt), desc(bodies.id))
    .limit(filter.limit);
}

/** Sort keys of the registry (the contract's `BODY_SORT_KEYS`). */
export type BodySortKey = 'created' | 'name' | 'kind' | 'level' | 'region' | 'status' | 'sunset';

/** The registry's filters, without position (shared by the page, its total and the export). */
export type BodyFilter = Omit<ListBodiesFilter, 'after' | 'limit'>;

const KIND_ORDER: readonly BodyKind[] = ['joint_meeting', 'task_force', 'coordination_group', 'leading_group', 'command', 'other'];
const LEVEL_ORDER: readonly BodyLevel[] = ['national', 'provincial', 'municipal', 'county'];
const STATUS_ORDER: readonly BodyStatus[] = ['active', 'dissolved'];

function bodyFilterConditions(filter: BodyFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.kind) conditions.push(eq(bodies.kind, filter.kind));
  if (filter.level) conditions.push(eq(bodies.level, filter.level));
  if (filter.status) conditions.push(eq(bodies.status, filter.status));
  if (filter.regionCode) conditions.push(like(bodies.regionCode, `${escapeLike(regionPrefix(filter.regionCode))}%`));
  if (filter.nameContains) conditions.push(ilike(bodies.name, `%${escapeLike(filter.nameContains)}%`));
  return conditions;
}

/**
 * The keyset of a registry order: the sort key (bodies without a value last, whatever the
 * direction), then the name and the id ascending; 收录时间 is (created_at, id) in the one direction.
 */
export function bodyKeyset(sort: BodySortKey, order: 'asc' | 'desc'): KeysetColumn[] {
  const byName: KeysetColumn[] = [
    { expr: sql`${bodies.name}`, dir: 'asc', cast: 'text' },
    { expr: sql`${bodies.id}`, dir: 'asc', cast: 'text' },
  ];
  const nullsLast = (column: SQL): KeysetColumn => ({ expr: sql`(CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END)`, dir: 'asc', cast: 'int' });
  switch (sort) {
    case 'created':
      return [
        { expr: sql`${bodies.createdAt}`, dir: order, cast: 'timestamptz' },
        { expr: sql`${bodies.id}`, dir: order, cast: 'text' },
      ];
    case 'name':
      return [
        { expr: sql`${bodies.name}`, dir: order, cast: 'text' },
        { expr: sql`${bodies.id}`, dir: order, cast: 'text' },
      ];
    case 'kind':
      return [{ expr: rankOf(sql`${bodies.kind}`, KIND_ORDER), dir: order, cast: 'int' }, ...byName];
    case 'status':
      return [{ expr: rankOf(sql`${bodies.status}`, STATUS_ORDER), dir: order, cast: 'int' }, ...byName];
    case 'level':
      return [nullsLast(sql`${bodies.level}`), { expr: rankOf(sql`${bodies.level}`, LEVEL_ORDER), dir: order, cast: 'int' }, ...byName];
    case 'region':
      return [nullsLast(sql`${bodies.regionCode}`), { expr: sql`coalesce(${bodies.regionCode}, '')`, dir: order, cast: 'text' }, ...byName];
    case 'sunset':
      return [nullsLast(sql`${bodies.sunsetDate}`), { expr: sql`coalesce(${bodies.sunsetDate}::text, '')`, dir: order, cast: 'text' }, ...byName];
  }
}

/**
 * A page of the registry in the order of `keyset`, starting strictly after the key `after` (the
 * text values a previous page returned). Each row comes with its own key for the next cursor.
 */
export async function listBodiesByKeyset(
  db: DbOrTx,
  options: { filter: BodyFilter; keyset: readonly KeysetColumn[]; after?: readonly string[]; limit: number },
): Promise<{ row: BodyRow; key: string[] }[]> {
  const conditions = bodyFilterConditions(options.filter);
  if (options.after !== undefined) conditions.push(keysetAfter(options.keyset, options.after));
  const rows = await db
    .select({ row: bodies, key: keysetValues(options.keyset) })
    .from(bodies)
    .where(conditions.length > 0 ? and(...conditions) : sql`true`)
    .orderBy(...keysetOrderBy(options.keyset))
    .limit(options.limit);
  return rows.map((r) => ({ row: r.row, key: typeof r.key === 'string' ? (JSON.parse(r.key) as string[]) : r.key }));
}

/** The number of bodies the registry's filters match (exact: bodies number in the thousands). */
export async function countBodies(db: DbOrTx, filter: BodyFilter): Promise<number> {
  const conditions = bodyFilterConditions(filter);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bodies)
    .where(conditions.length > 0 ? and(...conditions) : sql`true`);
  return Number(row?.n ?? 0);
}

/** Number of member units each body has on `at` (bodies without any are absent from the map). */
export async function countMemberUnits(db: DbOrTx, bodyIds: readonly string[], at: string): Promise<Map<string, number>> {
  if (bodyIds.length === 0) return new Map();
  const rows = await db
    .select({ bodyId: bodyUnits.bodyId, count: sql<number>`count(*)::int` })
    .from(bodyUnits)
    .where(
      and(
        inArray(bodyUnits.bodyId, [...bodyIds]),
        lte(bodyUnits.validFrom, at),
        or(isNull(bodyUnits.validTo), gt(bodyUnits.validTo, at)),
      ),
    )
    .groupBy(bodyUnits.bodyId);
  return new Map(rows.map((row) => [row.bodyId, Number(row.count)]));
}

/** Active bodies whose sunset date lies before `today`. */
export async function listBodiesPastSunset(db: DbOrTx, today: string): Promise<BodyRow[]> {
  return db
    .select()
    .from(bodies)
    .where(and(eq(bodies.status, 'active'), lt(bodies.sunsetDate, today)))
    .orderBy(bodies.sunsetDate, bodies.id);
}

/**
 * Marks a body dissolved on `on` when it is still active (a second call changes nothing) and ends
 * every membership and member unit still open on that day. Returns the body as it was, or null when
 * it was not active.
 */
export async function markBodyDissolved(db: DbOrTx, id: string, on: string, at: Date): Promise<BodyRow | null> {
  const [before] = await db.select().from(bodies).where(and(eq(bodies.id, id), eq(bodies.status, 'active'))).for('update');
  if (!before) return null;
  await db.update(bodies).set({ status: 'dissolved', dissolvedOn: on, updatedAt: at }).where(eq(bodies.id, id));
  await db
    .update(memberships)
    .set({ validTo: on })
    .where(and(eq(memberships.bodyId, id), lt(memberships.validFrom, on), or(isNull(memberships.validTo), gt(memberships.validTo, on))));
  await db
    .update(bodyUnits)
    .set({ validTo: on })
    .where(and(eq(bodyUnits.bodyId, id), lt(bodyUnits.validFrom, on), or(isNull(bodyUnits.validTo), gt(bodyUnits.validTo, on))));
  return before;
}

/** A body's activity for the registry: its last held meeting and its open and overdue decided items. */
export interface BodyActivity {
  /** Start of the latest meeting that was held (any status from held on) */
  lastMeetingAt: Date | null;
  openDecisions: number;
  /** Open items whose deadline lies before `today` */
  overdueDecisions: number;
}

const HELD_STATUSES = ['held', 'minutes_drafted', 'minutes_signed_off', 'minutes_issued'] as const;

/** Activity of each body in `bodyIds` as of `today` (ISO date, Asia/Shanghai), in one statement. */
export async function bodyActivity(db: DbOrTx, bodyIds: readonly string[], today: string): Promise<Map<string, BodyActivity>> {
  const result = new Map<string, BodyActivity>(bodyIds.map((id) => [id, { lastMeetingAt: null, openDecisions: 0, overdueDecisions: 0 }]));
  if (bodyIds.length === 0) return result;
  const held = sql.join(HELD_STATUSES.map((status) => sql`${status}`), sql`, `);
  const rows = await db
    .select({
      bodyId: bodies.id,
      // "bodies"."id" spelled out: Drizzle renders a column of a one-table select unqualified
      last: sql<Date | string | null>`(SELECT max(m.starts_at) FROM ${meetings} m WHERE m.body_id = "bodies"."id" AND m.status IN (${held}))`,
      open: sql<number>`(SELECT count(*)::int FROM ${decisions} d WHERE d.body_id = "bodies"."id" AND d.status <> 'closed')`,
      overdue: sql<number>`(SELECT count(*)::int FROM ${decisions} d WHERE d.body_id = "bodies"."id" AND d.status <> 'closed' AND d.deadline < ${today})`,
    })
    .from(bodies)
    .where(inArray(bodies.id, [...bodyIds]));
  for (const row of rows) {
    const entry = result.get(row.bodyId);
    if (!entry) continue;
    if (row.last !== null) entry.lastMeetingAt = new Date(row.last);
    entry.openDecisions = Number(row.open);
    entry.overdueDecisions = Number(row.overdue);
  }
  return result;
}

/** A body role of an account, as the role resolvers give it (src/policy/held-roles.ts). */
export interface AccountBodyRoleRow {
  bodyId: string;
  role: 'office_staff' | 'viewer' | 'convener' | 'deputy_convener' | 'member' | 'liaison';
  unitId: string | null;
}

/**
 * The roles an account holds in each of `bodyIds` on `day`, in one statement: its direct grants,
 * the memberships of its person holding on the day (unit for member and liaison), and the `viewer`
 * role of a dissolved body for a membership that ran until the dissolution. An administrator
 * account (三员) holds none.
 */
export async function listAccountRolesInBodies(db: DbOrTx, accountId: string, bodyIds: readonly string[], day: string): Promise<AccountBodyRoleRow[]> {
  if (bodyIds.length === 0) return [];
  const ids = sql`ARRAY[${sql.join(bodyIds.map((id) => sql`${id}`), sql`, `)}]::text[]`;
  const result = await db.execute<{ body_id: string; role: AccountBodyRoleRow['role']; unit_id: string | null }>(sql`
    WITH reader AS (
      SELECT id, person_id FROM accounts
      WHERE id = ${accountId} AND NOT (is_system_admin OR is_security_admin OR is_audit_admin)
    )
    SELECT g.body_id, g.role, NULL::text AS unit_id
      FROM account_body_grants g JOIN reader r ON r.id = g.account_id
     WHERE g.body_id = ANY(${ids})
    UNION ALL
    SELECT m.body_id, m.role_kind, CASE WHEN m.role_kind IN ('member', 'liaison') THEN m.unit_id END
      FROM memberships m JOIN reader r ON r.person_id = m.person_id
     WHERE m.body_id = ANY(${ids}) AND m.valid_from <= ${day} AND (m.valid_to IS NULL OR m.valid_to > ${day})
    UNION ALL
    SELECT m.body_id, 'viewer', CASE WHEN m.role_kind IN ('member', 'liaison') THEN m.unit_id END
      FROM memberships m JOIN reader r ON r.person_id = m.person_id JOIN bodies b ON b.id = m.body_id
     WHERE m.body_id = ANY(${ids}) AND b.status = 'dissolved' AND m.valid_to = b.dissolved_on AND m.valid_from < b.dissolved_on`);
  const rows = Array.isArray(result) ? result : (result as { rows: { body_id: string; role: AccountBodyRoleRow['role']; unit_id: string | null }[] }).rows;
  return rows.map((row) => ({ bodyId: row.body_id, role: row.role, unitId: row.unit_id }));
}

/** What the standing of a body's decided items needs: its region (calendar) and its settings (ladder). */
export interface BodyStandingSettingsRow {
  bodyId: string;
  regionCode: string | null;
  notification: typeof bodyNotificationSettings.$inferSelect | null;
  supervision: typeof bodySupervisionSettings.$inferSelect | null;
}

/** Region and ladder settings of many bodies in one statement (issue 16: lists of decided items). */
export async function listBodyStandingSettings(db: DbOrTx, bodyIds: readonly string[]): Promise<BodyStandingSettingsRow[]> {
  if (bodyIds.length === 0) return [];
  const rows = await db
    .select({ bodyId: bodies.id, regionCode: bodies.regionCode, notification: bodyNotificationSettings, supervision: bodySupervisionSettings })
    .from(bodies)
    .leftJoin(bodyNotificationSettings, eq(bodyNotificationSettings.bodyId, bodies.id))
    .leftJoin(bodySupervisionSettings, eq(bodySupervisionSettings.bodyId, bodies.id))
    .where(inArray(bodies.id, [...bodyIds]));
  return rows;
}
