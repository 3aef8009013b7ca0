/**
 * Change notices applied to the body they change: an adjustment notice (调整…组成人员) becomes the
 * body's next charter version, with the notice as its source; an abolition notice (撤销) also sets the
 * body's end and starts its dissolution (the handover of open decided items first, when there are
 * any). The office first previews the change beside the current charter (the diff), then confirms.
 * Memberships and member units the notice changes end and start on the notice's date.
 */
import { sql } from 'drizzle-orm';
import type { Clock } from '../../config/clock.ts';
import type { Database, DbOrTx } from '../../db/database.ts';
import type { Charter, Finding } from '../../domain/charter/charter-types.ts';
import { classifyDocument } from '../../domain/charter/import-charter.ts';
import { applyChangeNotice as applyToCharter } from '../../domain/charter/change-notice/apply-change-notice.ts';
import { TEXT_SEPARATOR } from '../../domain/charter/change-notice/apply-change-notice.ts';
import type { BodyCandidate, BodyMatch, ChangeNotice, ChangeTarget, DocumentKind } from '../../domain/charter/change-notice/change-notice-types.ts';
import { coreName, matchBodies } from '../../domain/charter/change-notice/match-bodies.ts';
import { applyCorrections, hasCorrections } from '../../domain/directory/charter-corrections.ts';
import type { CharterCorrections } from '../../domain/directory/charter-corrections.ts';
import { diffCharters } from '../../domain/directory/charter-diff.ts';
import type { CharterDiff } from '../../domain/directory/charter-diff.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { AppError, isAppError } from '../../errors/app-error.ts';
import { findBodyById, listBodies, updateBody } from '../../repositories/body-repository.ts';
import type { BodyRow } from '../../repositories/body-repository.ts';
import { findCharterVersionsByTextHash, findLatestCharterVersion, insertCharterVersion } from '../../repositories/charter-version-repository.ts';
import type { CharterVersionRow } from '../../repositories/charter-version-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { bodyFacts, importWithCorrections, lockTextHash, storedCorrections, syncComposition, textHash } from '../charter-service.ts';
import { dissolveBody } from '../dissolution-service.ts';
import { getHandoverOverview } from '../supervision/decision-handover.ts';

/** A target of the notice with the existing bodies its name may mean. */
export interface MatchedTarget extends ChangeTarget {
  matches: BodyMatch[];
}

/** Bodies whose name may be `name`: found by the name's core (region and issuer prefix dropped), then by parts of it. */
export async function findBodyCandidates(db: DbOrTx, name: string): Promise<BodyCandidate[]> {
  const core = coreName(name);
  const seen = new Map<string, BodyCandidate>();
  const probes = [core, core.slice(0, 4), core.slice(-Math.min(8, core.length))].filter((p, i, all) => p.length >= 4 && all.indexOf(p) === i);
  for (const probe of probes) {
    for (const row of await listBodies(db, { nameContains: probe, limit: 50 })) seen.set(row.id, { id: row.id, name: row.name, aliases: [] });
  }
  return [...seen.values()];
}

/** The notice's targets, each with the existing bodies it may mean (best first). */
export async function matchTargets(db: DbOrTx, notice: ChangeNotice): Promise<MatchedTarget[]> {
  const out: MatchedTarget[] = [];
  for (const target of notice.targets) out.push({ ...target, matches: matchBodies(target.name, await findBodyCandidates(db, target.name)) });
  return out;
}

/** Existing bodies a founding document's body name may be (confidence ≥ 0.85): offered as a re-import, not a second body. */
export async function findExistingBodies(db: DbOrTx, charter: Charter): Promise<BodyMatch[]> {
  const name = charter.body.name.trim();
  if (name === '') return [];
  return matchBodies(name, await findBodyCandidates(db, name)).filter((m) => m.confidence >= 0.85);
}

export interface DocumentPreview {
  documentKind: DocumentKind;
  changeNotice: (Omit<ChangeNotice, 'targets'> & { targets: MatchedTarget[] }) | null;
  existingBodies: BodyMatch[];
}

/** What a previewed text is: a founding document (and the bodies of that name that exist), or a change notice with its targets matched. */
export async function classifyPreview(db: DbOrTx, charter: Charter): Promise<DocumentPreview> {
  const classified = classifyDocument(charter);
  if (classified.changeNotice === null) return { documentKind: 'founding', changeNotice: null, existingBodies: await findExistingBodies(db, charter) };
  return {
    documentKind: classified.documentKind,
    changeNotice: { ...classified.changeNotice, targets: await matchTargets(db, classified.changeNotice) },
    existingBodies: [],
  };
}

interface PlannedChange {
  body: BodyRow;
  current: CharterVersionRow;
  notice: ChangeNotice;
  documentKind: Exclude<DocumentKind, 'founding'>;
  target: ChangeTarget;
  next: Charter;
  diff: CharterDiff;
  /** When memberships end and start: the notice's date (today when it has none) */
  effectiveDate: string;
  /** For an abolition: first day the body no longer exists */
  abolishedFrom: string | null;
  findings: Finding[];
  hash: string;
}

export interface ChangeNoticeOptions {
  bodyId: string;
  text: string;
  /** The name of the notice's target to apply (default: the one that matches the body best) */
  targetName?: string | null;
  corrections?: CharterCorrections | null;
  clock: Clock;
}

/** Reads the notice and works out the body's next charter; nothing is stored. */
async function planChange(tx: DbOrTx, options: ChangeNoticeOptions & { imported: Charter }): Promise<PlannedChange> {
  const classified = classifyDocument(options.imported);
  if (classified.changeNotice === null) {
    throw new AppError('change_notice_not_a_notice', '该文件是成立文件，不是调整或撤销通知；如需更新本机构的制度，请使用“重新导入成立文件”', { field: 'text' });
  }
  const notice = classified.changeNotice;
  const body = await findBodyById(tx, options.bodyId);
  if (!body) throw new AppError('body_not_found', '议事协调机构不存在', { field: 'bodyId' });
  const current = await findLatestCharterVersion(tx, body.id);
  if (!current) throw new Error(`body ${body.id} has no charter version`);

  const named = notice.targets.map((t) => t.name);
  let target: ChangeTarget | undefined;
  if (options.targetName) {
    target = notice.targets.find((t) => t.name === options.targetName);
    if (!target) {
      throw new AppError('change_notice_target_not_found', `通知中没有“${options.targetName}”（通知涉及：${named.join('、') || '无'}）`, { field: 'targetName' });
    }
  } else {
    const self: BodyCandidate[] = [{ id: body.id, name: body.name, aliases: current.charter.body.name === body.name ? [] : [current.charter.body.name] }];
    let best = 0;
    for (const t of notice.targets) {
      const confidence = matchBodies(t.name, self)[0]?.confidence ?? 0;
      if (confidence > best) {
        best = confidence;
        target = t;
      }
    }
  }
  if (!target) {
    throw new AppError(
      'change_notice_body_not_named',
      named.length === 0
        ? `通知中没有找到任何议事协调机构的名称，不能应用到“${body.name}”`
        : `通知中没有提到“${body.name}”（通知涉及：${named.join('、')}），不能应用到本机构`,
      { field: 'text', details: { named } },
    );
  }
  if (body.status !== 'active') {
    if (target.action === 'abolish') {
      throw new AppError('change_notice_body_already_dissolved', `“${body.name}”已于${body.dissolvedOn ?? ''}撤销，不能再次撤销`, { field: 'bodyId' });
    }
    throw new AppError('body_dissolved', `该议事协调机构已于${body.dissolvedOn ?? ''}撤销，不能再按通知调整`);
  }
  const hash = textHash(options.text);
  const applied = (await findCharterVersionsByTextHash(tx, hash)).find((v) => v.bodyId === body.id);
  if (applied) {
    throw new AppError('change_notice_already_applied', `该通知已于制度第 ${applied.version} 版应用到本机构，不能重复应用`, {
      field: 'text',
      details: { version: applied.version },
    });
  }

  const { normalizedText, offsetMap } = options.imported;
  const result = applyToCharter({
    current: current.charter,
    currentOriginalLength: current.originalText.length,
    notice,
    noticeText: { normalizedText, offsetMap },
    target,
  });
  let next = result.charter;
  if (hasCorrections(options.corrections)) {
    const corrected = applyCorrections(next, options.corrections);
    if (!corrected.ok) throw new AppError(`correction_${corrected.problem.code}`, '更正内容有误', { field: corrected.problem.field });
    next = corrected.charter;
  }
  const diff = diffCharters(current.charter, next);
  if (diff.unchanged && target.action !== 'abolish') {
    throw new AppError('change_notice_changes_nothing', `未能从通知中读出对“${body.name}”的任何调整，请核对通知全文或使用更正`, { field: 'text' });
  }
  const today = shanghaiDateOf(options.clock.now());
  const effectiveDate = notice.issueDate ?? today;
  const abolishedFrom = target.action === 'abolish' ? (target.delta.abolished?.effectiveDate ?? effectiveDate) : null;
  return {
    body,
    current,
    notice,
    documentKind: classified.documentKind,
    target,
    next,
    diff,
    effectiveDate,
    abolishedFrom,
    findings: result.findings,
    hash,
  };
}

export interface ChangeNoticePreview {
  documentKind: Exclude<DocumentKind, 'founding'>;
  notice: ChangeNotice;
  target: ChangeTarget;
  currentVersion: CharterVersionRow;
  next: Charter;
  diff: CharterDiff;
  effectiveDate: string;
  abolishedFrom: string | null;
  /** Open decided items the office must hand over before the body is dissolved (abolition only) */
  openDecisions: number;
  findings: Finding[];
}

/** Previews a change notice against a body: the next charter and the diff beside the current one; nothing is stored. */
export async function previewChangeNotice(db: Database, options: ChangeNoticeOptions): Promise<ChangeNoticePreview> {
  const imported = await importWithCorrections(options.text, null);
  const plan = await planChange(db, { ...options, imported });
  const openDecisions = plan.abolishedFrom === null ? 0 : (await getHandoverOverview(db, { bodyId: plan.body.id, clock: options.clock })).openItems.length;
  return {
    documentKind: plan.documentKind,
    notice: plan.notice,
    target: plan.target,
    currentVersion: plan.current,
    next: plan.next,
    diff: plan.diff,
    effectiveDate: plan.effectiveDate,
    abolishedFrom: plan.abolishedFrom,
    openDecisions,
    findings: plan.findings,
  };
}

export interface AppliedChangeNotice {
  version: CharterVersionRow;
  diff: CharterDiff;
  effectiveDate: string;
  target: ChangeTarget;
  /** For an abolition: dissolved now, dissolved on a later date (at the sunset sweep), or waiting for the handover of open items */
  dissolution: { state: 'dissolved' | 'scheduled' | 'handover_required'; on: string; openDecisionIds: string[] } | null;
}

/**
 * Applies a change notice to a body, in one transaction with its audit row (`charter.change_notice`):
 * charter version n+1 (the notice appended to its text as its source, the diff from version n), the
 * body's facts (name, sunset), member units and memberships ending and starting on the notice's date.
 * An abolition in force today then dissolves the body through the dissolution service; when open
 * decided items remain, the body stays active until the office hands them over (the handover page)
 * and the abolition is reported as `handover_required`.
 */
export async function applyChangeNotice(db: Database, options: ChangeNoticeOptions & { origin: AuditOrigin }): Promise<AppliedChangeNotice> {
  const imported = await importWithCorrections(options.text, null);
  const hash = textHash(options.text);
  const applied = await db.transaction(async (tx) => {
    await lockTextHash(tx, hash);
    await tx.execute(sql`select id from bodies where id = ${options.bodyId} for update`);
    const plan = await planChange(tx, { ...options, imported });
    const now = options.clock.now();
    const facts = bodyFacts(plan.next);
    const version = await insertCharterVersion(tx, {
      bodyId: plan.body.id,
      version: plan.current.version + 1,
      charter: plan.next,
      originalText: `${plan.current.originalText}${TEXT_SEPARATOR}${options.text}`,
      textHash: plan.hash,
      corrections: storedCorrections(options.corrections),
      importedBy: options.origin.actorId,
      importedAt: now,
      diffFromPrevious: plan.diff,
    });
    await syncComposition(tx, { body: { ...plan.body, ...facts }, previous: plan.current.charter, next: plan.next, versionId: version.id, effectiveDate: plan.effectiveDate });
    const updated = await updateBody(tx, plan.body.id, { ...facts, currentCharterVersionId: version.id, updatedAt: now });
    await recordAudit(tx, {
      ...options.origin,
      at: options.origin.at ?? now,
      action: 'charter.change_notice',
      entityType: 'body',
      entityId: plan.body.id,
      before: { body: plan.body, charterVersion: { id: plan.current.id, version: plan.current.version } },
      after: {
        body: updated,
        charterVersion: { id: version.id, version: version.version, textHash: plan.hash },
        notice: { title: plan.notice.title, docNumber: plan.notice.docNumber, issueDate: plan.notice.issueDate, documentKind: plan.documentKind },
        target: { name: plan.target.name, action: plan.target.action },
        effectiveDate: plan.effectiveDate,
        abolishedFrom: plan.abolishedFrom,
        diff: plan.diff,
      },
    });
    return { plan, version };
  });

  const { plan, version } = applied;
  let dissolution: AppliedChangeNotice['dissolution'] = null;
  if (plan.abolishedFrom !== null) {
    const on = plan.abolishedFrom;
    if (on > shanghaiDateOf(options.clock.now())) {
      dissolution = { state: 'scheduled', on, openDecisionIds: [] };
    } else {
      try {
        await dissolveBody(db, {
          bodyId: plan.body.id,
          on,
          reason: `依据《${plan.notice.title}》${plan.notice.docNumber ? `（${plan.notice.docNumber}）` : ''}撤销`,
          origin: options.origin,
          clock: options.clock,
        });
        dissolution = { state: 'dissolved', on, openDecisionIds: [] };
      } catch (error) {
        if (!isAppError(error) || error.code !== 'open_decisions_not_handed_over') throw error;
        const ids = error.details?.openDecisionIds;
        dissolution = { state: 'handover_required', on, openDecisionIds: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [] };
      }
    }
  }
  return { version, diff: plan.diff, effectiveDate: plan.effectiveDate, target: plan.target, dissolution };
}
