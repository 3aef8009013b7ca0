/**
 * Bodies: the public list (name, kind, level, region, status — any signed-in user may see it) with
 * filters, name search and cursor pagination, and a body's detail for those holding a role in it.
 */
import type { DbOrTx } from '../db/database.ts';
import type { BodyKind, BodyLevel, Charter, CharterFlags, FoundingDocument } from '../domain/charter/charter-types.ts';
import type { BodyStatus, StoredOfficePost } from '../db/schema/bodies.ts';
import { AppError } from '../errors/app-error.ts';
import { bodyActivity, bodyKeyset, countBodies, countMemberUnits, findBodyById, listBodiesByKeyset } from '../repositories/body-repository.ts';
import type { BodyFilter, BodySortKey } from '../repositories/body-repository.ts';
import type { KeysetColumn } from '../repositories/keyset-order.ts';
import type { BodyActivity } from '../repositories/body-repository.ts';
import type { BodyRow } from '../repositories/body-repository.ts';
import { findCharterVersionById } from '../repositories/charter-version-repository.ts';
import type { CharterVersionRow } from '../repositories/charter-version-repository.ts';
import { findOffice } from '../repositories/office-repository.ts';
import { listBodyUnits } from '../repositories/unit-repository.ts';
import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor.ts';

export interface BodySummary {
  id: string;
  name: string;
  kind: BodyKind;
  level: BodyLevel | null;
  regionCode: string | null;
  regionName: string | null;
  status: BodyStatus;
  sunsetDate: string | null;
  dissolvedOn: string | null;
  memberUnitCount: number;
  /** Last held meeting and open/overdue decided items; null for a reader outside the body */
  activity: { lastMeetingAt: string | null; openDecisions: number; overdueDecisions: number } | null;
}

/** A body's summary; `memberUnitCount` is the number of member units holding today. */
export function toBodySummary(row: BodyRow, memberUnitCount: number, activity: BodyActivity | null = null): BodySummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    level: row.level,
    regionCode: row.regionCode,
    regionName: row.regionName,
    status: row.status,
    sunsetDate: row.sunsetDate,
    dissolvedOn: row.dissolvedOn,
    memberUnitCount,
    activity: activity
      ? { lastMeetingAt: activity.lastMeetingAt?.toISOString() ?? null, openDecisions: activity.openDecisions, overdueDecisions: activity.overdueDecisions }
      : null,
  };
}

/**
 * Summaries of stored bodies, with their member units counted as of `at` and, for the bodies the
 * reader may see inside (`mayReadInternals`), their activity.
 */
export async function summarizeBodies(
  db: DbOrTx,
  options: {
    rows: readonly BodyRow[];
    at: string;
    mayReadInternals?: (bodyId: string) => Promise<boolean>;
    /** Resolves the reader's roles in all these bodies at once before `mayReadInternals` is asked per body */
    primeReader?: (bodyIds: readonly string[]) => Promise<void>;
  },
): Promise<BodySummary[]> {
  const { rows, at } = options;
  const mayReadInternals = options.mayReadInternals ?? (async () => false);
  const ids = rows.map((row) => row.id);
  const [counts] = await Promise.all([countMemberUnits(db, ids, at), options.primeReader?.(ids)]);
  const inside: string[] = [];
  for (const row of rows) if (await mayReadInternals(row.id)) inside.push(row.id);
  const activity = await bodyActivity(db, inside, at);
  return rows.map((row) => toBodySummary(row, counts.get(row.id) ?? 0, activity.get(row.id) ?? null));
}

/** The registry's filters as the list and the export take them. */
export interface BodyListFilter {
  kind?: BodyKind;
  level?: BodyLevel;
  regionCode?: string;
  status?: BodyStatus;
  /** Part of the name */
  q?: string;
  /** Sort key (default 收录时间) and direction (default: newest first for 收录时间, ascending otherwise) */
  sort?: BodySortKey;
  order?: 'asc' | 'desc';
}

function repositoryFilter(options: BodyListFilter): BodyFilter {
  const q = options.q?.trim();
  return {
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.level ? { level: options.level } : {}),
    ...(options.regionCode ? { regionCode: options.regionCode } : {}),
    ...(options.status ? { status: options.status } : {}),
    ...(q ? { nameContains: q } : {}),
  };
}

/** The keyset of the requested order and the cursor's tag for it (a cursor of another order is refused). */
function registryOrder(options: BodyListFilter): { keyset: KeysetColumn[]; tag: string } {
  const sort = options.sort ?? 'created';
  const order = options.order ?? (sort === 'created' ? 'desc' : 'asc');
  return { keyset: bodyKeyset(sort, order), tag: `${sort}.${order}` };
}

/**
 * Lists bodies in the requested order (default newest first) by keyset pages, with the number of
 * bodies the filters match; `q` searches the name.
 */
export async function listBodySummaries(
  db: DbOrTx,
  options: BodyListFilter & {
    cursor?: string;
    limit: number;
    today: string;
    /** Whether the reader may see a body's internal records (its activity is shown then) */
    mayReadInternals?: (bodyId: string) => Promise<boolean>;
    /** Resolves the reader's roles in the page's bodies at once (see `summarizeBodies`) */
    primeReader?: (bodyIds: readonly string[]) => Promise<void>;
  },
): Promise<{ items: BodySummary[]; nextCursor: string | null; total: number }> {
  const { keyset, tag } = registryOrder(options);
  const after = options.cursor === undefined ? undefined : decodeKeysetCursor(options.cursor, tag, keyset);
  const filter = repositoryFilter(options);
  const [rows, total] = await Promise.all([
    listBodiesByKeyset(db, { filter, keyset, ...(after ? { after } : {}), limit: options.limit + 1 }),
    countBodies(db, filter),
  ]);
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return {
    items: await summarizeBodies(db, {
      rows: page.map((r) => r.row),
      at: options.today,
      mayReadInternals: options.mayReadInternals,
      primeReader: options.primeReader,
    }),
    nextCursor: rows.length > options.limit && last ? encodeKeysetCursor(tag, last.key) : null,
    total,
  };
}

/**
 * Every body the registry's filters match, in the list's order, as summaries: read by keyset pages
 * of `pageSize` so that an export of any length holds one page at a time.
 */
export async function* exportBodySummaries(
  db: DbOrTx,
  options: BodyListFilter & {
    today: string;
    mayReadInternals?: (bodyId: string) => Promise<boolean>;
    primeReader?: (bodyIds: readonly string[]) => Promise<void>;
    pageSize?: number;
  },
): AsyncGenerator<BodySummary> {
  const pageSize = options.pageSize ?? 200;
  const { keyset } = registryOrder(options);
  const filter = repositoryFilter(options);
  let after: string[] | undefined;
  for (;;) {
    const rows = await listBodiesByKeyset(db, { filter, keyset, ...(after ? { after } : {}), limit: pageSize });
    const summaries = await summarizeBodies(db, {
      rows: rows.map((r) => r.row),
      at: options.today,
      mayReadInternals: options.mayReadInternals,
      primeReader: options.primeReader,
    });
    yield* summaries;
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < pageSize) return;
    after = last.key;
  }
}

/** A body by id, or a 404 naming the field. */
export async function getBodyRow(db: DbOrTx, options: { bodyId: string }): Promise<BodyRow> {
  const body = await findBodyById(db, options.bodyId);
  if (!body) throw new AppError('body_not_found', '议事协调机构不存在', { field: 'bodyId' });
  return body;
}

/** A body with the charter of its current version. */
export interface BodyCharter {
  body: BodyRow;
  version: CharterVersionRow;
  charter: Charter;
}

/**
 * The one loader of "the body's current charter": the body (404 `body_not_found`) and the charter of
 * its current version. A published body always has one; its absence is a bug, not bad input.
 */
export async function loadBodyCharter(db: DbOrTx, options: { bodyId: string }): Promise<BodyCharter> {
  const body = await getBodyRow(db, options);
  if (!body.currentCharterVersionId) throw new Error(`body ${body.id} has no current charter version`);
  const version = await findCharterVersionById(db, body.currentCharterVersionId);
  if (!version) throw new Error(`body ${body.id}: current charter version is missing`);
  return { body, version, charter: version.charter };
}

export interface BodyDetail extends BodySummary {
  flags: Omit<CharterFlags, 'sources'>;
  createdAt: string;
  foundingDocument: Pick<FoundingDocument, 'title' | 'docNumber' | 'issuer' | 'issueDate'>;
  currentCharterVersion: { id: string; version: number; importedAt: string; importedBy: string | null };
  /** Member units holding on `at` */
  memberUnits: { unitId: string; name: string; nameInCharter: string; lead: boolean; validFrom: string }[];
  office: { hostUnitId: string | null; hostUnitName: string | null; director: StoredOfficePost | null; deputyDirectors: StoredOfficePost[]; duties: string[] } | null;
}

/** A body's detail with its member units as of `at` (default today). */
export async function getBodyDetail(db: DbOrTx, options: { bodyId: string; at: string }): Promise<BodyDetail> {
  const { body, version: current } = await loadBodyCharter(db, options);
  const units = await listBodyUnits(db, body.id, options.at);
  const office = await findOffice(db, body.id);
  return {
    ...toBodySummary(body, units.length, (await bodyActivity(db, [body.id], options.at)).get(body.id) ?? null),
    flags: { noSeal: body.flags.noSeal, noFormalDocuments: body.flags.noFormalDocuments, notRegisteredBody: body.flags.notRegisteredBody },
    createdAt: body.createdAt.toISOString(),
    foundingDocument: {
      title: current.charter.foundingDocument.title,
      docNumber: current.charter.foundingDocument.docNumber,
      issuer: current.charter.foundingDocument.issuer,
      issueDate: current.charter.foundingDocument.issueDate,
    },
    currentCharterVersion: { id: current.id, version: current.version, importedAt: current.importedAt.toISOString(), importedBy: current.importedBy },
    memberUnits: units
      .map((u) => ({ unitId: u.unitId, name: u.unit.name, nameInCharter: u.nameInCharter, lead: u.lead, validFrom: u.validFrom })),
    office: office
      ? {
          hostUnitId: office.hostUnitId,
          hostUnitName: office.hostUnitDirectoryName ?? office.hostUnitName,
          director: office.director,
          deputyDirectors: office.deputyDirectors,
          duties: office.duties,
        }
      : null,
  };
}
