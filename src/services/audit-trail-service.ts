/**
 * The audit trail as people read it (issue 15 point 5): Chinese action and object type names, the
 * actor's and the object's names, a readable summary of the details, filters by name and free
 * text, and the export of what the filter shows. Reads only; the chain is audit-service.ts.
 */
import type { DbOrTx } from '../db/database.ts';
import { readChainHead, toChainedRow } from '../repositories/audit-repository.ts';
import type { AuditFilter } from '../repositories/audit-repository.ts';
import { auditObjectLabels, listAuditTrailRows } from '../repositories/audit-trail-repository.ts';
import type { AuditTrailFilter, AuditTrailRow } from '../repositories/audit-trail-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin, AuditRecord } from './audit-service.ts';
import { AUDIT_ACTION_NAMES, AUDIT_ENTITY_TYPE_NAMES, actionCodesMatching, auditActionName, auditEntityTypeName } from './audit-trail-names.ts';
import type { AuditName } from './audit-trail-names.ts';
import { summarizeAuditDetails } from './audit-trail-summary.ts';

/** Filtered counts stop here: beyond it the total is shown as "more than". */
export const AUDIT_TOTAL_CAP = 10_000;

/** The filters of the audit trail as the screen and the export take them. */
export interface AuditTrailQuery extends Omit<AuditFilter, 'beforeSeq'> {
  /** Part of the actor's name, username or person's name */
  actor?: string | undefined;
  /** Free text over the details, the object's name, the actor's names and the action's names */
  q?: string | undefined;
}

/** An audit row as the audit administrator reads it, with the names a person understands. */
export interface AuditTrailRecord extends AuditRecord {
  actorPersonName: string | null;
  actionName: AuditName;
  entityTypeName: AuditName;
  /** The object's readable name (a body's name, a meeting's title, an account …); null when unknown */
  entityLabel: string | null;
  /** The named fields that changed, in both languages ('' when none) */
  summary: AuditName;
}

export interface AuditTrailPage {
  items: AuditTrailRecord[];
  /** How many rows the filter selects; at most AUDIT_TOTAL_CAP when `totalIsLowerBound` */
  total: number;
  /** True when there are more than `total` rows (the count stopped at the cap) */
  totalIsLowerBound: boolean;
  nextBeforeSeq: number | null;
}

function repositoryFilter(query: AuditTrailQuery): AuditTrailFilter {
  const text = query.q?.trim();
  const actor = query.actor?.trim();
  return {
    actorId: query.actorId,
    actorText: actor === '' ? undefined : actor,
    actions: query.action === undefined ? undefined : [query.action],
    entityType: query.entityType,
    entityId: query.entityId,
    result: query.result,
    from: query.from,
    to: query.to,
    text: text === '' ? undefined : text,
    textActionCodes: text === undefined || text === '' ? undefined : actionCodesMatching(text),
  };
}

/** Page rows with their objects' labels (one grouped statement for the page) and names. */
async function withNames(db: DbOrTx, rows: AuditTrailRow[]): Promise<AuditTrailRecord[]> {
  const objects = rows.flatMap((found) => (found.row.entityId === null ? [] : [{ entityType: found.row.entityType, entityId: found.row.entityId }]));
  const labels = await auditObjectLabels(db, objects);
  return rows.map((found): AuditTrailRecord => {
    const row = toChainedRow(found.row);
    const stored = row.entityId === null ? undefined : labels.get(`${row.entityType}:${row.entityId}`);
    // A request and a setting are named by their id (the path, the key) itself.
    const entityLabel = stored ?? (row.entityType === 'request' || row.entityType === 'settings' ? row.entityId : null);
    return {
      ...row,
      actorUsername: found.actorUsername,
      actorDisplayName: found.actorDisplayName,
      actorPersonName: found.actorPersonName,
      actionName: auditActionName(row.action),
      entityTypeName: auditEntityTypeName(row.entityType),
      entityLabel,
      summary: summarizeAuditDetails(row.before, row.after),
    };
  });
}

/**
 * Reads one page of the trail, newest first, with the filters (the actor and free text matched in
 * part, case-insensitive); the total is exact up to AUDIT_TOTAL_CAP rows. Two statements: the page
 * with its actors and the count, then the objects' labels.
 */
export async function listAuditTrail(
  db: DbOrTx,
  options: { query: AuditTrailQuery; beforeSeq?: number | undefined; limit: number },
): Promise<AuditTrailPage> {
  const page = await listAuditTrailRows(db, {
    filter: repositoryFilter(options.query),
    beforeSeq: options.beforeSeq,
    limit: options.limit + 1,
    countCap: AUDIT_TOTAL_CAP,
  });
  const shown = page.rows.slice(0, options.limit);
  const items = await withNames(db, shown);
  const last = items[items.length - 1];
  const count = page.count ?? 0;
  const filtered = Object.values(repositoryFilter(options.query)).some((value) => value !== undefined);
  const capped = filtered && count > AUDIT_TOTAL_CAP;
  return {
    items,
    total: capped ? AUDIT_TOTAL_CAP : count,
    totalIsLowerBound: capped,
    nextBeforeSeq: page.rows.length > options.limit && last !== undefined ? last.seq : null,
  };
}

/**
 * The whole filtered trail newest first, page by page (`pageSize` rows and one label statement per
 * page), so an export of any length holds one page in memory. Starts below the chain head read at
 * the first call: rows appended while the export runs (its own audit row) are not part of it.
 */
export async function* exportAuditTrail(db: DbOrTx, options: { query: AuditTrailQuery; pageSize?: number }): AsyncGenerator<AuditTrailRecord> {
  const pageSize = options.pageSize ?? 500;
  const filter = repositoryFilter(options.query);
  const head = await readChainHead(db);
  let beforeSeq = (head?.lastSeq ?? 0) + 1;
  for (;;) {
    const page = await listAuditTrailRows(db, { filter, beforeSeq, limit: pageSize });
    yield* await withNames(db, page.rows);
    const last = page.rows[page.rows.length - 1];
    if (last === undefined || page.rows.length < pageSize) return;
    beforeSeq = Number(last.row.seq);
  }
}

/**
 * Records that the audit administrator exported the trail (the filters and the format), in its own
 * transaction before the file is written: an export that fails midway is still on record.
 */
export async function recordAuditTrailExport(
  db: DbOrTx,
  options: { origin: AuditOrigin; query: AuditTrailQuery; format: 'csv' | 'xlsx' },
): Promise<void> {
  const { origin, query, format } = options;
  await db.transaction(async (tx) => {
    await recordAudit(tx, {
      ...origin,
      action: 'audit.export',
      entityType: 'audit_log',
      entityId: null,
      before: null,
      after: { format, filter: { ...query, from: query.from?.toISOString(), to: query.to?.toISOString() } },
    });
  });
}

/** The names of every action and object type, for the trail's filters (sorted by code). */
export function auditTrailCatalogue(): { actions: Array<{ code: string } & AuditName>; entityTypes: Array<{ code: string } & AuditName> } {
  const entries = (names: Record<string, AuditName>) =>
    Object.entries(names)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, name]) => ({ code, zh: name.zh, en: name.en }));
  return { actions: entries(AUDIT_ACTION_NAMES), entityTypes: entries(AUDIT_ENTITY_TYPE_NAMES) };
}
