/**
 * Bulletins (简报 / 专报 / 工作动态): the office compiles an issue of the charter's series from
 * adopted information reports and its own articles, with the 报/送 lines of its foot and the people
 * in Lianxi who receive it. The issue is an outgoing document of kind `bulletin`: it is reviewed and
 * signed by the charter's signing chain (outgoing-document-service.ts), and on signing takes its
 * 期数 (per series per year) and is delivered (bulletin-issue.ts).
 */
import type { Database, DbOrTx } from '../../db/database.ts';
import { bulletinSeriesOf } from '../../domain/outgoing-documents/bulletin-series.ts';
import { formatIssueNumber } from '../../domain/outgoing-documents/document-number.ts';
import type { BulletinArticle, IssuingName, RecipientRole } from '../../domain/outgoing-documents/outgoing-types.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { AppError } from '../../errors/app-error.ts';
import type { CharterClause } from '../../errors/app-error.ts';
import { gateClause } from '../../policy/charter-gate.ts';
import { findBulletinIssue, insertBulletinIssue, listBulletinIssues } from '../../repositories/bulletin-repository.ts';
import type { BulletinIssueRow } from '../../repositories/bulletin-repository.ts';
import { listBodyUnits } from '../../repositories/unit-repository.ts';
import { loadBodyCharter } from '../body-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { recordAudit } from '../audit-service.ts';
import { createOutgoingDraft, getOutgoingDocument } from '../outgoing-documents/outgoing-document-service.ts';
import type { OutgoingDocumentView } from '../outgoing-documents/outgoing-document-service.ts';
import { readAdoptedReports } from './adopted-reports.ts';

export interface BulletinSeriesView {
  /** The charter's series, or null when the charter states none (the office names one) */
  name: string | null;
  namedByCharter: boolean;
  reportTo: string[];
  copyTo: string[];
  clause: CharterClause | null;
  /** 编发单位 */
  compiledBy: string;
}

export interface BulletinView {
  document: OutgoingDocumentView;
  series: string;
  year: number;
  issueNumber: number | null;
  /** 2026年第3期, once issued */
  issueLabel: string | null;
  compiledBy: string;
  articles: BulletinArticle[];
  reportTo: string[];
  copyTo: string[];
  recipientUnits: { unitId: string; name: string }[];
  recipientRoles: RecipientRole[];
}

export interface CompileBulletinInput {
  /** The series; the charter's when omitted */
  series?: string | null;
  title?: string | null;
  issuedInNameOf: IssuingName;
  /** Adopted information reports, in the order they appear */
  reportIds: string[];
  /** The office's own articles, after the reports' */
  articles: { title: string; text: string }[];
  /** 报 and 送 lines; the charter's when omitted */
  reportTo?: string[] | null;
  copyTo?: string[] | null;
  recipientUnitIds: string[];
  recipientRoles: RecipientRole[];
}

function compilerName(bodyName: string): string {
  return `${bodyName}办公室`;
}

/** The body's bulletin series as its charter states it (name, 报/送 lines, clause). */
export async function getBulletinSeries(db: DbOrTx, options: { bodyId: string }): Promise<BulletinSeriesView> {
  const { body, charter } = await loadBodyCharter(db, options);
  const series = bulletinSeriesOf(charter);
  return {
    name: series?.name ?? null,
    namedByCharter: series?.namedByCharter ?? false,
    reportTo: series?.reportTo ?? [],
    copyTo: series?.copyTo ?? [],
    clause: series === null ? null : gateClause({ allowed: true, as: null, basis: series.basis }),
    compiledBy: compilerName(body.name),
  };
}

/**
 * The office compiles a bulletin issue (a draft outgoing document of kind `bulletin`): articles from
 * adopted reports (a report not adopted for the body is refused) and its own; recipients must be
 * member units of the body on the day; an issue without an article, or with no one to go to, is
 * refused. Audited.
 */
export async function compileBulletin(
  db: Database,
  options: { bodyId: string; input: CompileBulletinInput; origin: AuditOrigin },
): Promise<BulletinView> {
  const { input } = options;
  const at = options.origin.at;
  const day = shanghaiDateOf(at);
  const documentId = await db.transaction(async (tx) => {
    const { body, charter } = await loadBodyCharter(tx, options);
    const charterSeries = bulletinSeriesOf(charter);
    const series = (input.series ?? '').trim().replace(/^《|》$/gu, '') || charterSeries?.name;
    if (series === undefined || series === '') {
      throw new AppError('bulletin_series_missing', '本机构制度未规定简报名称，请填写简报名称', { field: 'series' });
    }
    const reportIds = [...new Set(input.reportIds)];
    const reports = reportIds.length === 0 ? [] : await readAdoptedReports(tx, { bodyId: options.bodyId, reportIds });
    const articles: BulletinArticle[] = [];
    for (const [index, id] of reportIds.entries()) {
      const report = reports.find((r) => r.id === id);
      if (report === undefined) throw new AppError('bulletin_report_not_adopted', '所选信息未被本机构采用，不能编入简报', { field: `reportIds.${index}`, details: { reportId: id } });
      articles.push({ title: report.title, text: report.text, reportId: report.id, reporterName: report.reporterName });
    }
    for (const [index, own] of input.articles.entries()) {
      if (own.title.trim() === '' || own.text.trim() === '') throw new AppError('bulletin_empty', '简报文章的标题和正文都不能为空', { field: `articles.${index}` });
      articles.push({ title: own.title.trim(), text: own.text.trim(), reportId: null, reporterName: null });
    }
    if (articles.length === 0) throw new AppError('bulletin_empty', '简报至少要有一篇文章（采用的信息或办公室撰写的文章）', { field: 'articles' });
    const units = await listBodyUnits(tx, options.bodyId, day);
    for (const [index, unitId] of input.recipientUnitIds.entries()) {
      if (!units.some((u) => u.unitId === unitId)) {
        throw new AppError('bulletin_recipient_unknown', '报送对象不是本机构当日在册的成员单位', { field: `recipientUnitIds.${index}`, details: { unitId } });
      }
    }
    const reportTo = (input.reportTo ?? charterSeries?.reportTo ?? []).map((s) => s.trim()).filter((s) => s !== '');
    const copyTo = (input.copyTo ?? charterSeries?.copyTo ?? []).map((s) => s.trim()).filter((s) => s !== '');
    if (input.recipientUnitIds.length === 0 && input.recipientRoles.length === 0 && reportTo.length === 0 && copyTo.length === 0) {
      throw new AppError('bulletin_recipient_unknown', '请至少选择一个报送对象（成员单位、召集人等或报、送单位）', { field: 'recipientUnitIds' });
    }
    const draft = await createOutgoingDraft(tx, {
      bodyId: options.bodyId,
      input: { kind: 'bulletin', issuedInNameOf: input.issuedInNameOf, groupId: null, title: (input.title ?? '').trim() || series, content: '' },
      origin: options.origin,
    });
    const issue = await insertBulletinIssue(tx, {
      documentId: draft.id,
      bodyId: options.bodyId,
      series,
      year: Number(day.slice(0, 4)),
      issueNumber: null,
      compiledBy: compilerName(body.name),
      articles,
      reportTo,
      copyTo,
      recipientUnitIds: [...new Set(input.recipientUnitIds)],
      recipientRoles: [...new Set(input.recipientRoles)],
    });
    await recordAudit(tx, { ...options.origin, action: 'bulletin.compile', entityType: 'outgoing_document', entityId: draft.id, before: null, after: issue });
    return draft.id;
  });
  return getBulletin(db, { bodyId: options.bodyId, documentId, viewerId: options.origin.actorId, at });
}

async function toBulletinView(db: DbOrTx, issue: BulletinIssueRow, document: OutgoingDocumentView): Promise<BulletinView> {
  const units = issue.recipientUnitIds.length === 0 ? [] : await listBodyUnits(db, issue.bodyId);
  return {
    document,
    series: issue.series,
    year: issue.year,
    issueNumber: issue.issueNumber,
    issueLabel: issue.issueNumber === null ? null : formatIssueNumber(issue.year, issue.issueNumber),
    compiledBy: issue.compiledBy,
    articles: issue.articles,
    reportTo: issue.reportTo,
    copyTo: issue.copyTo,
    recipientUnits: issue.recipientUnitIds.map((unitId) => ({ unitId, name: units.find((u) => u.unitId === unitId)?.unit.name ?? unitId })),
    recipientRoles: issue.recipientRoles,
  };
}

/** One bulletin issue with its document (status, chain, 发文字号) as the reading account sees it. */
export async function getBulletin(db: DbOrTx, options: { bodyId: string; documentId: string; viewerId: string | null; at: Date }): Promise<BulletinView> {
  const issue = await findBulletinIssue(db, options.documentId);
  if (issue === null || issue.bodyId !== options.bodyId) throw new AppError('outgoing_document_not_found', '简报不存在', { field: 'documentId' });
  return toBulletinView(db, issue, await getOutgoingDocument(db, options));
}

/** The body's bulletin issues, newest first. */
export async function listBulletins(db: DbOrTx, options: { bodyId: string; viewerId: string | null; at: Date }): Promise<BulletinView[]> {
  const rows = await listBulletinIssues(db, options.bodyId);
  const views: BulletinView[] = [];
  for (const row of rows) views.push(await toBulletinView(db, row.issue, await getOutgoingDocument(db, { ...options, documentId: row.document.id })));
  return views;
}
