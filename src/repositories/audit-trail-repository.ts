/**
 * Reading the audit trail for people (issue 15 point 5): filters by the actor's name, by action
 * codes, by free text over the details and the objects' names; a page with its actor's account and
 * person and a capped total in one statement; the objects' readable labels for a whole page in one
 * grouped statement. The chain itself (appending, verifying) is audit-repository.ts.
 */
import { and, desc, eq, gte, ilike, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { SQL, SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/database.ts';
import { bodies, groups, memberships, people, units } from '../db/schema/bodies.ts';
import { calendarNotices } from '../db/schema/calendar.ts';
import { circulars, decisions, extensionRequests, progressAttachments } from '../db/schema/decisions.ts';
import { calendarFeedTokens } from '../db/schema/documents.ts';
import { incomingDocuments } from '../db/schema/incoming-documents.ts';
import { agendaItems, meetingInvitees, meetingMaterials, meetings, minutes } from '../db/schema/meetings.ts';
import { membershipChangeProposals } from '../db/schema/membership-changes.ts';
import { outgoingDocuments } from '../db/schema/outgoing-documents.ts';
import { accounts, auditLog, sessions } from '../db/schema/platform.ts';
import type { AuditLogRow } from '../db/schema/platform.ts';
import { annualCollections, annualTasks, infoReportOffers, infoReports } from '../db/schema/reports.ts';

/** The audit trail's filters as people give them (no paging). */
export interface AuditTrailFilter {
  /** An exact account id (links from elsewhere) */
  actorId?: string | undefined;
  /** Part of the actor's display name, username or linked person's name */
  actorText?: string | undefined;
  /** Action codes (any of them) */
  actions?: readonly string[] | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  result?: 'success' | 'failure' | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Free text over the details, the object's id and label, the actor's names and the action's names */
  text?: string | undefined;
  /** The action codes whose names contain `text` (the names table is code, not data: the service fills this) */
  textActionCodes?: readonly string[] | undefined;
}

/** `%text%` for ILIKE, with the pattern characters of the text taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The audit log under a second name, for the count inside the page's statement. */
const countedLog = alias(auditLog, 'counted');

/** The audit log under a third name, for the rows a free-text search selects (a subquery of either). */
const searchedLog = alias(auditLog, 'searched');

type AuditTable = typeof auditLog | typeof countedLog | typeof searchedLog;

/**
 * An audit row's own searchable text: details after and before, the object's id and the client
 * address, joined by a unit separator none of them contains — the very expression of the trigram
 * index audit_log_text_trgm_idx (migrations/0021), so that ILIKE '%…%' on it reads that index.
 */
function auditSearchText(table: AuditTable): SQL {
  const separator = sql.raw(`E'\\x1f'`);
  return sql`(coalesce(${table.after}::text, '') || ${separator} || coalesce(${table.before}::text, '') || ${separator} || coalesce(${table.entityId}, '') || ${separator} || coalesce(${table.clientAddress}, ''))`;
}

/** Ids of the accounts whose display name, username or person's name contains the pattern. */
function accountsNamed(db: DbOrTx, pattern: string) {
  return db
    .select({ id: accounts.id })
    .from(accounts)
    .leftJoin(people, eq(people.id, accounts.personId))
    .where(or(ilike(accounts.displayName, pattern), ilike(accounts.username, pattern), ilike(people.name, pattern)));
}

/** Conditions matching an object's readable label, per object type (the main ones people search by). */
function labelMatches(db: DbOrTx, table: AuditTable, pattern: string): SQL[] {
  const of = (type: string, ids: SQLWrapper) => and(eq(table.entityType, type), inArray(table.entityId, ids)) as SQL;
  return [
    of('body', db.select({ id: bodies.id }).from(bodies).where(ilike(bodies.name, pattern))),
    of('meeting', db.select({ id: meetings.id }).from(meetings).where(ilike(meetings.title, pattern))),
    of('minutes', db.select({ id: minutes.id }).from(minutes).where(ilike(minutes.title, pattern))),
    of('decision', db.select({ id: decisions.id }).from(decisions).where(ilike(decisions.text, pattern))),
    of('account', accountsNamed(db, pattern)),
    of('person', db.select({ id: people.id }).from(people).where(ilike(people.name, pattern))),
    of('unit', db.select({ id: units.id }).from(units).where(ilike(units.name, pattern))),
    of('incoming_document', db.select({ id: incomingDocuments.id }).from(incomingDocuments).where(ilike(incomingDocuments.title, pattern))),
    of('outgoing_document', db.select({ id: outgoingDocuments.id }).from(outgoingDocuments).where(ilike(outgoingDocuments.title, pattern))),
    of('membership', db.select({ id: memberships.id }).from(memberships).innerJoin(people, eq(people.id, memberships.personId)).where(ilike(people.name, pattern))),
  ];
}

/** The filter's conditions on `table` (the audit log or an alias of it). */
function trailConditions(db: DbOrTx, table: AuditTable, filter: AuditTrailFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.actorId !== undefined) conditions.push(eq(table.actorId, filter.actorId));
  if (filter.actorText !== undefined && filter.actorText !== '') {
    conditions.push(inArray(table.actorId, accountsNamed(db, containsPattern(filter.actorText))));
  }
  if (filter.actions !== undefined && filter.actions.length > 0) {
    conditions.push(filter.actions.length === 1 ? eq(table.action, filter.actions[0] as string) : inArray(table.action, [...filter.actions]));
  }
  if (filter.entityType !== undefined) conditions.push(eq(table.entityType, filter.entityType));
  if (filter.entityId !== undefined) conditions.push(eq(table.entityId, filter.entityId));
  if (filter.result !== undefined) conditions.push(eq(table.result, filter.result));
  if (filter.from !== undefined) conditions.push(gte(table.occurredAt, filter.from));
  if (filter.to !== undefined) conditions.push(lte(table.occurredAt, filter.to));
  if (filter.text !== undefined && filter.text !== '') {
    // Each way a row can match, as its own indexed read of the row numbers (an OR of them would scan
    // the table: a subquery cannot take part in a bitmap OR): the row's own text by its trigram
    // index, the actor and the object by name, the action by code.
    const pattern = containsPattern(filter.text);
    const searched = searchedLog;
    const seqsWhere = (condition: SQL) => db.select({ seq: searched.seq }).from(searched).where(condition);
    const branches = [
      seqsWhere(sql`${auditSearchText(searched)} ilike ${pattern}`),
      seqsWhere(inArray(searched.actorId, accountsNamed(db, pattern))),
      ...labelMatches(db, searched, pattern).map(seqsWhere),
    ];
    if (filter.textActionCodes !== undefined && filter.textActionCodes.length > 0) branches.push(seqsWhere(inArray(searched.action, [...filter.textActionCodes])));
    conditions.push(sql`${table.seq} in (${sql.join(branches, sql` UNION `)})`);
  }
  return conditions;
}

/** A stored audit row with its actor's account and person (null without an actor or once gone). */
export interface AuditTrailRow {
  row: AuditLogRow;
  actorUsername: string | null;
  actorDisplayName: string | null;
  actorPersonName: string | null;
}

export interface AuditTrailRowsPage {
  rows: AuditTrailRow[];
  /** The rows the filter selects (ignoring `beforeSeq`), at most `countCap` + 1; null when not counted */
  count: number | null;
}

/**
 * Audit rows newest first below `beforeSeq`, filtered, at most `limit`, each with its actor's
 * names; with `countCap`, also how many rows the whole filter selects, counted up to `countCap` + 1
 * in the same statement (unfiltered: max − min + 1 of the gapless sequence numbers, from the key).
 */
export async function listAuditTrailRows(
  db: DbOrTx,
  options: { filter: AuditTrailFilter; beforeSeq?: number | undefined; limit: number; countCap?: number | undefined },
): Promise<AuditTrailRowsPage> {
  const conditions = trailConditions(db, auditLog, options.filter);
  const paged = options.beforeSeq === undefined ? conditions : [...conditions, lt(auditLog.seq, options.beforeSeq)];
  const counted = countedLog;
  const countConditions = trailConditions(db, counted, options.filter);
  const countSql =
    options.countCap === undefined
      ? sql<string | null>`null`
      : countConditions.length === 0
        ? sql<string | null>`${db.select({ span: sql`max(${counted.seq}) - min(${counted.seq}) + 1` }).from(counted)}`
        : sql<string | null>`(select count(*) from ${db
            .select({ one: sql`1` })
            .from(counted)
            .where(and(...countConditions))
            .limit(options.countCap + 1)} as capped)`;
  const found = await db
    .select({
      row: auditLog,
      actorUsername: accounts.username,
      actorDisplayName: accounts.displayName,
      actorPersonName: people.name,
      count: countSql,
    })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorId))
    .leftJoin(people, eq(people.id, accounts.personId))
    .where(paged.length === 0 ? undefined : and(...paged))
    .orderBy(desc(auditLog.seq))
    .limit(options.limit);
  const first = found[0];
  let count: number | null = null;
  if (options.countCap !== undefined) {
    if (first !== undefined) count = Number(first.count ?? 0);
    else if (options.beforeSeq === undefined) count = 0;
    else {
      // Past the last page: the page carried no count, so count alone.
      const [alone] = await db.select({ count: countSql }).from(sql`(select 1) as one`);
      count = Number(alone?.count ?? 0);
    }
  }
  return {
    rows: found.map((f) => ({ row: f.row, actorUsername: f.actorUsername, actorDisplayName: f.actorDisplayName, actorPersonName: f.actorPersonName })),
    count,
  };
}

/** An object of an audit row: its type and id. */
export interface AuditObjectKey {
  entityType: string;
  entityId: string;
}

const accountLabel = (account: typeof accounts) => sql<string>`${account.displayName} || '（' || ${account.username} || '）'`;
const decisionLabel = (decision: typeof decisions) => sql<string>`'第' || ${decision.itemNo} || '项 ' || left(${decision.text}, 60)`;

/** How each object type's readable label is read, for a set of ids of that type. */
function labelSource(db: DbOrTx, entityType: string, ids: string[]): SQLWrapper | null {
  const typed = sql<string>`${entityType}::text`.as('entity_type');
  switch (entityType) {
    case 'body':
      return db.select({ entityType: typed, id: sql<string>`${bodies.id}`.as('id'), label: sql<string>`${bodies.name}`.as('label') }).from(bodies).where(inArray(bodies.id, ids));
    case 'meeting':
      return db.select({ entityType: typed, id: sql<string>`${meetings.id}`.as('id'), label: sql<string>`${meetings.title}`.as('label') }).from(meetings).where(inArray(meetings.id, ids));
    case 'minutes':
      return db.select({ entityType: typed, id: sql<string>`${minutes.id}`.as('id'), label: sql<string>`${minutes.title}`.as('label') }).from(minutes).where(inArray(minutes.id, ids));
    case 'decision':
      return db.select({ entityType: typed, id: sql<string>`${decisions.id}`.as('id'), label: decisionLabel(decisions).as('label') }).from(decisions).where(inArray(decisions.id, ids));
    case 'extension_request':
      return db
        .select({ entityType: typed, id: sql<string>`${extensionRequests.id}`.as('id'), label: decisionLabel(decisions).as('label') })
        .from(extensionRequests)
        .innerJoin(decisions, eq(decisions.id, extensionRequests.decisionId))
        .where(inArray(extensionRequests.id, ids));
    case 'agenda_item':
      return db.select({ entityType: typed, id: sql<string>`${agendaItems.id}`.as('id'), label: sql<string>`${agendaItems.title}`.as('label') }).from(agendaItems).where(inArray(agendaItems.id, ids));
    case 'meeting_material':
      return db
        .select({ entityType: typed, id: sql<string>`${meetingMaterials.id}`.as('id'), label: sql<string>`${meetingMaterials.name}`.as('label') })
        .from(meetingMaterials)
        .where(inArray(meetingMaterials.id, ids));
    case 'meeting_invitee':
      return db
        .select({
          entityType: typed,
          id: sql<string>`${meetingInvitees.id}`.as('id'),
          label: sql<string>`coalesce(${meetingInvitees.name}, ${people.name}, ${meetingInvitees.title}, '')`.as('label'),
        })
        .from(meetingInvitees)
        .leftJoin(people, eq(people.id, meetingInvitees.personId))
        .where(inArray(meetingInvitees.id, ids));
    case 'membership':
      return db
        .select({
          entityType: typed,
          id: sql<string>`${memberships.id}`.as('id'),
          label: sql<string>`coalesce(${people.name}, '（空缺）') || '（' || ${memberships.title} || '）'`.as('label'),
        })
        .from(memberships)
        .leftJoin(people, eq(people.id, memberships.personId))
        .where(inArray(memberships.id, ids));
    case 'membership_change':
      return db
        .select({
          entityType: typed,
          id: sql<string>`${membershipChangeProposals.id}`.as('id'),
          label: sql<string>`coalesce(${membershipChangeProposals.personName}, '（空缺）') || '（' || ${membershipChangeProposals.title} || '）'`.as('label'),
        })
        .from(membershipChangeProposals)
        .where(inArray(membershipChangeProposals.id, ids));
    case 'account':
      return db.select({ entityType: typed, id: sql<string>`${accounts.id}`.as('id'), label: accountLabel(accounts).as('label') }).from(accounts).where(inArray(accounts.id, ids));
    case 'session':
      return db
        .select({ entityType: typed, id: sql<string>`${sessions.id}`.as('id'), label: accountLabel(accounts).as('label') })
        .from(sessions)
        .innerJoin(accounts, eq(accounts.id, sessions.accountId))
        .where(inArray(sessions.id, ids));
    case 'calendar_feed_token':
      return db
        .select({ entityType: typed, id: sql<string>`${calendarFeedTokens.id}`.as('id'), label: accountLabel(accounts).as('label') })
        .from(calendarFeedTokens)
        .innerJoin(accounts, eq(accounts.id, calendarFeedTokens.accountId))
        .where(inArray(calendarFeedTokens.id, ids));
    case 'person':
      return db.select({ entityType: typed, id: sql<string>`${people.id}`.as('id'), label: sql<string>`${people.name}`.as('label') }).from(people).where(inArray(people.id, ids));
    case 'unit':
      return db.select({ entityType: typed, id: sql<string>`${units.id}`.as('id'), label: sql<string>`${units.name}`.as('label') }).from(units).where(inArray(units.id, ids));
    case 'group':
      return db.select({ entityType: typed, id: sql<string>`${groups.id}`.as('id'), label: sql<string>`${groups.name}`.as('label') }).from(groups).where(inArray(groups.id, ids));
    case 'incoming_document':
      return db
        .select({ entityType: typed, id: sql<string>`${incomingDocuments.id}`.as('id'), label: sql<string>`${incomingDocuments.title}`.as('label') })
        .from(incomingDocuments)
        .where(inArray(incomingDocuments.id, ids));
    case 'outgoing_document':
      return db
        .select({
          entityType: typed,
          id: sql<string>`${outgoingDocuments.id}`.as('id'),
          label: sql<string>`concat_ws(' ', ${outgoingDocuments.docNumber}, ${outgoingDocuments.title})`.as('label'),
        })
        .from(outgoingDocuments)
        .where(inArray(outgoingDocuments.id, ids));
    case 'info_report':
      return db.select({ entityType: typed, id: sql<string>`${infoReports.id}`.as('id'), label: sql<string>`${infoReports.title}`.as('label') }).from(infoReports).where(inArray(infoReports.id, ids));
    case 'info_report_offer':
      return db
        .select({ entityType: typed, id: sql<string>`${infoReportOffers.id}`.as('id'), label: sql<string>`${infoReports.title}`.as('label') })
        .from(infoReportOffers)
        .innerJoin(infoReports, eq(infoReports.id, infoReportOffers.reportId))
        .where(inArray(infoReportOffers.id, ids));
    case 'annual_collection':
      return db
        .select({
          entityType: typed,
          id: sql<string>`${annualCollections.id}`.as('id'),
          label: sql<string>`${annualCollections.year} || '年' || (case ${annualCollections.kind} when 'work_plan' then '工作要点' else '工作报告' end)`.as('label'),
        })
        .from(annualCollections)
        .where(inArray(annualCollections.id, ids));
    case 'annual_task':
      return db
        .select({ entityType: typed, id: sql<string>`${annualTasks.id}`.as('id'), label: sql<string>`${annualTasks.reporterName}`.as('label') })
        .from(annualTasks)
        .where(inArray(annualTasks.id, ids));
    case 'progress_attachment':
      return db
        .select({ entityType: typed, id: sql<string>`${progressAttachments.id}`.as('id'), label: sql<string>`${progressAttachments.fileName}`.as('label') })
        .from(progressAttachments)
        .where(inArray(progressAttachments.id, ids));
    case 'circular':
      return db
        .select({ entityType: typed, id: sql<string>`${circulars.id}`.as('id'), label: sql<string>`${circulars.year} || '年第' || ${circulars.number} || '期'`.as('label') })
        .from(circulars)
        .where(inArray(circulars.id, ids));
    case 'calendar_notice':
      return db
        .select({ entityType: typed, id: sql<string>`${calendarNotices.id}`.as('id'), label: sql<string>`${calendarNotices.title}`.as('label') })
        .from(calendarNotices)
        .where(inArray(calendarNotices.id, ids));
    default:
      return null;
  }
}

/**
 * The readable labels of the objects of a page of audit rows, in one statement (a UNION ALL of one
 * lookup by id per object type present), keyed `${entityType}:${entityId}`. Objects of a type
 * without a label source, or no longer stored, are absent.
 */
export async function auditObjectLabels(db: DbOrTx, objects: readonly AuditObjectKey[]): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const object of objects) {
    const ids = byType.get(object.entityType) ?? new Set<string>();
    ids.add(object.entityId);
    byType.set(object.entityType, ids);
  }
  const sources = [...byType].flatMap(([type, ids]) => {
    const source = labelSource(db, type, [...ids]);
    return source === null ? [] : [source.getSQL()];
  });
  const labels = new Map<string, string>();
  if (sources.length === 0) return labels;
  const rows = await db
    .select({ entityType: sql<string>`found.entity_type`, id: sql<string>`found.id`, label: sql<string | null>`found.label` })
    .from(sql`(${sql.join(sources, sql` union all `)}) as found`);
  for (const row of rows) if (row.label !== null && row.label !== '') labels.set(`${row.entityType}:${row.id}`, row.label);
  return labels;
}
