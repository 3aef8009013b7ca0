/**
 * Charters of bodies: preview an import (nothing stored), publish a founding document as a new body,
 * re-import a changed founding document as a new charter version with what changed, and read the
 * versions and the diff between two. Importing the same text (with the same corrections) twice
 * changes nothing.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Clock } from '../config/clock.ts';
import type { Database, DbOrTx } from '../db/database.ts';
import type { Charter } from '../domain/charter/charter-types.ts';
import { cpuPool } from './cpu-tasks.ts';
import { applyCorrections, hasCorrections, normalizeCorrections } from '../domain/directory/charter-corrections.ts';
import type { CharterCorrections, CorrectionProblem } from '../domain/directory/charter-corrections.ts';
import { diffCharters } from '../domain/directory/charter-diff.ts';
import type { CharterDiff } from '../domain/directory/charter-diff.ts';
import { planSync } from '../domain/directory/roster-sync.ts';
import { AppError } from '../errors/app-error.ts';
import { findBodyById, insertBody, updateBody } from '../repositories/body-repository.ts';
import type { BodyRow } from '../repositories/body-repository.ts';
import {
  findCharterVersion,
  findCharterVersionsByTextHash,
  findLatestCharterVersion,
  insertCharterVersion,
  listCharterVersions,
} from '../repositories/charter-version-repository.ts';
import type { CharterVersionRow } from '../repositories/charter-version-repository.ts';
import { deleteOffice, upsertOffice } from '../repositories/office-repository.ts';
import { deleteBodyUnit, insertBodyUnit, listBodyUnits, updateBodyUnit } from '../repositories/unit-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';
import { syncGroups } from './group-service.ts';
import { applyRosterChanges } from './membership-service.ts';
import { UnitResolver } from './unit-service.ts';
import { shanghaiDateOf } from '../domain/time/shanghai-date.ts';

/**
 * The input text as compared for "the same text twice": without a byte-order mark, with LF line
 * ends, without trailing spaces on lines and blank lines at either end. The importer's own
 * normalisation is not used, so that a better importer does not make an old text look new.
 */
export function normalizeInputText(raw: string): string {
  return raw
    .replace(/^\ufeff/u, '')
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u3000]+$/u, ''))
    .join('\n')
    .trim();
}

/** SHA-256 (hex) of the normalised input text. */
export function textHash(raw: string): string {
  return createHash('sha256').update(normalizeInputText(raw), 'utf8').digest('hex');
}

const CORRECTION_MESSAGES: Record<CorrectionProblem['code'], string> = {
  unknown_region: '地区代码不是有效的行政区划代码（GB/T 2260）',
  invalid_date: '日期格式应为 YYYY-MM-DD',
  unknown_unit: '要删除的成员单位不在导入结果中',
  empty_name: '名称不能为空',
  duplicate_unit: '要添加的成员单位已在名单中',
};

/** Time budget of one charter import in the CPU pool (queueing included). */
export const CHARTER_IMPORT_BUDGET_MS = 10_000;

/**
 * Imports a text (in a worker thread of the CPU pool, off the event loop, within
 * {@link CHARTER_IMPORT_BUDGET_MS}) and applies corrections; a text that cannot be imported is a 4xx
 * naming `body.text`.
 */
export async function importWithCorrections(text: string, corrections: CharterCorrections | null | undefined): Promise<Charter> {
  const result = await cpuPool().run({ kind: 'import_charter', text }, { budgetMs: CHARTER_IMPORT_BUDGET_MS });
  if (!result.ok) {
    throw new AppError(`charter_${result.error.code}`, result.error.message, { field: 'text' });
  }
  if (!hasCorrections(corrections)) return result.charter;
  const corrected = applyCorrections(result.charter, corrections);
  if (!corrected.ok) {
    throw new AppError(`correction_${corrected.problem.code}`, CORRECTION_MESSAGES[corrected.problem.code], {
      field: `${corrected.problem.field}`,
    });
  }
  return corrected.charter;
}

/** Imports a text for review: the charter and its findings; nothing is stored. */
export async function previewCharter(options: { text: string; corrections?: CharterCorrections | null }): Promise<{ charter: Charter; textHash: string }> {
  return { charter: await importWithCorrections(options.text, options.corrections), textHash: textHash(options.text) };
}

/** The body's stored facts as the charter states them. */
export function bodyFacts(charter: Charter): Pick<BodyRow, 'name' | 'kind' | 'level' | 'regionCode' | 'regionName' | 'sunsetDate' | 'flags'> {
  const name = charter.body.name.trim();
  if (name === '') {
    throw new AppError('body_name_missing', '未能从成立文件中识别机构名称，请在更正中填写机构名称', { field: 'corrections.body.name' });
  }
  const region = charter.body.level === 'national' ? null : charter.body.region;
  return {
    name,
    kind: charter.body.kind,
    level: charter.body.level,
    regionCode: region?.code ?? null,
    regionName: charter.body.region?.name ?? null,
    sunsetDate: charter.sunset?.date ?? null,
    flags: charter.flags,
  };
}

/** Corrections as stored: null when there are none. */
export function storedCorrections(corrections: CharterCorrections | null | undefined): Record<string, unknown> | null {
  const normalized = normalizeCorrections(corrections);
  return normalized === null ? null : (JSON.parse(JSON.stringify(normalized)) as Record<string, unknown>);
}

function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): string =>
    JSON.stringify(v, (_k, value: unknown) =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)))
        : value,
    );
  return canonical(a ?? null) === canonical(b ?? null);
}

/**
 * Makes the stored composition that of `next`: member units (in the shared directory), memberships
 * (changes between `previous` and `next`), groups and the office. Periods start on `effectiveDate`.
 * Also used when a change notice makes the next charter version (services/change-notices/).
 */
export async function syncComposition(
  tx: DbOrTx,
  options: { body: BodyRow; previous: Charter | null; next: Charter; versionId: string; effectiveDate: string },
): Promise<void> {
  const { body, next, effectiveDate } = options;
  const units = new UnitResolver(tx, body.regionCode);

  const wanted = new Map<string, { unitId: string; lead: boolean; nameInCharter: string; position: number }>();
  for (const memberUnit of next.memberUnits) {
    const unit = await units.resolve(memberUnit.name, memberUnit.aliases);
    if (!unit) continue;
    const seen = wanted.get(unit.id);
    wanted.set(unit.id, {
      unitId: unit.id,
      lead: memberUnit.lead || (seen?.lead ?? false),
      nameInCharter: seen?.nameInCharter ?? memberUnit.name,
      position: seen?.position ?? wanted.size,
    });
  }
  const holding = (await listBodyUnits(tx, body.id)).filter((u) => u.validTo === null);
  const plan = planSync(holding, [...wanted.values()], (c) => c.unitId, (n) => n.unitId);
  for (const current of plan.end) {
    if (effectiveDate > current.validFrom) await updateBodyUnit(tx, current.id, { validTo: effectiveDate });
    else await deleteBodyUnit(tx, current.id);
  }
  for (const { current, next: wantedUnit } of plan.keep) {
    if (current.lead !== wantedUnit.lead || current.nameInCharter !== wantedUnit.nameInCharter || current.position !== wantedUnit.position) {
      await updateBodyUnit(tx, current.id, { lead: wantedUnit.lead, nameInCharter: wantedUnit.nameInCharter, position: wantedUnit.position });
    }
  }
  for (const unit of plan.start) {
    await insertBodyUnit(tx, { bodyId: body.id, ...unit, validFrom: effectiveDate, sourceCharterVersionId: options.versionId });
  }

  await applyRosterChanges(tx, {
    bodyId: body.id,
    previousRoles: options.previous?.roles ?? [],
    nextRoles: next.roles,
    effectiveDate,
    charterVersionId: options.versionId,
    units,
  });
  await syncGroups(tx, { bodyId: body.id, groups: next.groups, units });

  if (next.office) {
    const host = next.office.hostUnit === null ? null : await units.resolve(next.office.hostUnit);
    const post = (p: { person: string | null; position: string | null; unit: string | null }) => ({ person: p.person, position: p.position, unit: p.unit });
    await upsertOffice(tx, body.id, {
      hostUnitId: host?.id ?? null,
      hostUnitName: next.office.hostUnit,
      director: next.office.director ? post(next.office.director) : null,
      deputyDirectors: next.office.deputyDirectors.map(post),
      duties: next.office.duties,
    });
  } else {
    await deleteOffice(tx, body.id);
  }
}

/** Serialises work on one text across concurrent requests (released at commit). */
export async function lockTextHash(tx: DbOrTx, hash: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`charter:${hash}`}))`);
}

export interface PublishResult {
  body: BodyRow;
  version: CharterVersionRow;
}

/**
 * Publishes a founding document as a new body: imports the text (with corrections), stores the
 * body, charter version 1 (charter JSON and original text), its member units, memberships
 * (starting on the issue date, or today when the document has none), groups and office, and
 * audits it, in one transaction. A text already imported is refused (409) naming its body.
 */
export async function publishBody(
  db: Database,
  options: { text: string; corrections?: CharterCorrections | null; origin: AuditOrigin; clock: Clock },
): Promise<PublishResult> {
  const { clock } = options;
  const charter = await importWithCorrections(options.text, options.corrections);
  const facts = bodyFacts(charter);
  const hash = textHash(options.text);
  return db.transaction(async (tx) => {
    await lockTextHash(tx, hash);
    const [existing] = await findCharterVersionsByTextHash(tx, hash);
    if (existing) {
      throw new AppError('body_already_published', '该成立文件已经导入过，不能重复建立机构', {
        field: 'text',
        details: { bodyId: existing.bodyId, version: existing.version },
      });
    }
    const now = clock.now();
    const body = await insertBody(tx, { ...facts, status: 'active', createdAt: now, updatedAt: now });
    const version = await insertCharterVersion(tx, {
      bodyId: body.id,
      version: 1,
      charter,
      originalText: options.text,
      textHash: hash,
      corrections: storedCorrections(options.corrections),
      importedBy: options.origin.actorId,
      importedAt: now,
      diffFromPrevious: null,
    });
    const effectiveDate = charter.foundingDocument.issueDate ?? shanghaiDateOf(now);
    await syncComposition(tx, { body, previous: null, next: charter, versionId: version.id, effectiveDate });
    const published = await updateBody(tx, body.id, { currentCharterVersionId: version.id, updatedAt: now });
    if (!published) throw new Error('body vanished while publishing');
    await recordAudit(tx, {
      ...options.origin,
      at: options.origin.at ?? now,
      action: 'body.publish',
      entityType: 'body',
      entityId: body.id,
      before: null,
      after: { body: published, charterVersion: { id: version.id, version: 1, textHash: hash, corrections: version.corrections } },
    });
    return { body: published, version };
  });
}

export type ReimportResult =
  | { changed: false; version: CharterVersionRow }
  | { changed: true; version: CharterVersionRow; diff: CharterDiff; effectiveDate: string };

/**
 * Re-imports a body's founding document. The same text with the same corrections as the current
 * version changes nothing; otherwise a new charter version is stored with the diff from the
 * previous one, the body's facts follow the new charter, and member units and roles the new charter
 * drops end (those it adds start) on `effectiveDate` (default: the new issue date when it is later
 * than the previous one, else today).
 */
export async function reimportCharter(
  db: Database,
  options: {
    bodyId: string;
    text: string;
    corrections?: CharterCorrections | null;
    effectiveDate?: string;
    origin: AuditOrigin;
    clock: Clock;
  },
): Promise<ReimportResult> {
  const { clock } = options;
  const charter = await importWithCorrections(options.text, options.corrections);
  const facts = bodyFacts(charter);
  const hash = textHash(options.text);
  const corrections = storedCorrections(options.corrections);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from bodies where id = ${options.bodyId} for update`);
    const body = await findBodyById(tx, options.bodyId);
    if (!body) throw new AppError('body_not_found', '议事协调机构不存在', { field: 'bodyId' });
    const current = await findLatestCharterVersion(tx, body.id);
    if (!current) throw new Error(`body ${body.id} has no charter version`);
    if (current.textHash === hash && sameJson(current.corrections, corrections)) return { changed: false, version: current };

    const now = clock.now();
    const previousIssue = current.charter.foundingDocument.issueDate;
    const nextIssue = charter.foundingDocument.issueDate;
    const effectiveDate =
      options.effectiveDate ?? (nextIssue !== null && (previousIssue === null || nextIssue > previousIssue) ? nextIssue : shanghaiDateOf(now));
    const diff = diffCharters(current.charter, charter);
    const version = await insertCharterVersion(tx, {
      bodyId: body.id,
      version: current.version + 1,
      charter,
      originalText: options.text,
      textHash: hash,
      corrections,
      importedBy: options.origin.actorId,
      importedAt: now,
      diffFromPrevious: diff,
    });
    await syncComposition(tx, { body: { ...body, ...facts }, previous: current.charter, next: charter, versionId: version.id, effectiveDate });
    const updated = await updateBody(tx, body.id, { ...facts, currentCharterVersionId: version.id, updatedAt: now });
    await recordAudit(tx, {
      ...options.origin,
      at: options.origin.at ?? now,
      action: 'charter.reimport',
      entityType: 'body',
      entityId: body.id,
      before: { body, charterVersion: { id: current.id, version: current.version, textHash: current.textHash } },
      after: { body: updated, charterVersion: { id: version.id, version: version.version, textHash: hash, corrections }, effectiveDate, diff },
    });
    return { changed: true, version, diff, effectiveDate };
  });
}

/** The charter versions of a body, oldest first. */
export async function listVersions(db: DbOrTx, options: { bodyId: string }): ReturnType<typeof listCharterVersions> {
  return listCharterVersions(db, options.bodyId);
}

/** One charter version of a body (charter JSON and original text), or a 404 naming the field. */
export async function getCharterVersion(db: DbOrTx, options: { bodyId: string; version: number; field?: string }): Promise<CharterVersionRow> {
  const row = await findCharterVersion(db, options.bodyId, options.version);
  if (!row) throw new AppError('charter_version_not_found', '制度版本不存在', { field: options.field ?? 'version' });
  return row;
}

/** What changed from version `from` to version `to` of a body's charter. */
export async function diffCharterVersions(db: DbOrTx, options: { bodyId: string; from: number; to: number }): Promise<CharterDiff> {
  const a = await getCharterVersion(db, { bodyId: options.bodyId, version: options.from, field: 'a' });
  const b = await getCharterVersion(db, { bodyId: options.bodyId, version: options.to, field: 'b' });
  return diffCharters(a.charter, b.charter);
}
