/**
 * A member unit submits an information report once and offers it to one or more bodies it sits in
 * ("report once"): each offer is checked against that body's quota (the charter's, or the office's
 * default; refused while the feature is off), reporter (the unit, or a group of the body it belongs
 * to), category list and open period (a closed period refuses, citing the clause). The report, its
 * attachments, every offer and the audit rows commit in one transaction.
 */
import { createHash } from 'node:crypto';
import type { Database, DbOrTx } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { CharterClause } from '../../errors/app-error.ts';
import { parsePeriodKey } from '../../domain/reports/report-periods.ts';
import { periodOpenFor } from '../../domain/reports/report-tally.ts';
import type { ReportQuota } from '../../domain/reports/report-quota.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { findOffer, insertOffer, insertReport, insertReportAttachment } from '../../repositories/report-repository.ts';
import type { OfferView } from '../../repositories/report-repository.ts';
import { findUnitById } from '../../repositories/unit-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { loadReportContext } from './report-context.ts';
import { toOfferResponses } from './report-views.ts';
import type { ReportOfferResponse } from '../../contracts/reports.ts';

export interface ReportAttachmentInput {
  fileName: string;
  mediaType: string;
  /** Base64 of the file's bytes */
  contentBase64: string;
}

/** Largest attachment accepted (bytes). */
export const MAX_REPORT_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The clause a refusal cites: the charter's rule, or none for the office's default. */
export function quotaClause(quota: ReportQuota): CharterClause | undefined {
  return quota.source === 'charter' ? quota.clause : undefined;
}

function clauseSuffix(quota: ReportQuota): string {
  if (quota.source !== 'charter') return '';
  return `（${quota.clause.clause ?? '制度'}：${quota.clause.text}）`;
}

async function storeAttachments(tx: DbOrTx, reportId: string, attachments: readonly ReportAttachmentInput[]): Promise<void> {
  for (const [i, a] of attachments.entries()) {
    const content = Buffer.from(a.contentBase64, 'base64');
    if (content.length === 0 || content.toString('base64').replace(/=+$/, '') !== a.contentBase64.replace(/\s/g, '').replace(/=+$/, '')) {
      throw new AppError('invalid_attachment', '附件内容不是有效的 Base64 编码或为空', { field: `attachments.${i}.contentBase64` });
    }
    if (content.length > MAX_REPORT_ATTACHMENT_BYTES) throw new AppError('attachment_too_large', '附件不能超过 10 MB', { field: `attachments.${i}.contentBase64` });
    await insertReportAttachment(tx, { reportId, fileName: a.fileName, mediaType: a.mediaType, content, sha256: createHash('sha256').update(content).digest('hex') });
  }
}

/** Submits a report for `unitId` and offers it to each body in `offers`. */
export async function submitReport(
  db: Database,
  options: {
    unitId: string;
    title: string;
    text: string;
    category: string;
    /** The period key; null for each body's current period */
    period: string | null;
    offers: readonly { bodyId: string; groupId: string | null }[];
    attachments: readonly ReportAttachmentInput[];
    origin: AuditOrigin;
  },
): Promise<{ reportId: string; offers: ReportOfferResponse[] }> {
  const title = options.title.trim();
  const text = options.text.trim();
  if (title === '') throw new AppError('info_report_empty', '请填写信息标题', { field: 'title' });
  if (text === '') throw new AppError('info_report_empty', '信息正文不能为空', { field: 'text' });
  const today = shanghaiDateOf(options.origin.at);
  return db.transaction(async (tx) => {
    const unit = await findUnitById(tx, options.unitId);
    if (unit === null) throw new AppError('unit_not_found', '单位不存在', { field: 'unitId' });
    const seen = new Set<string>();
    const planned: { bodyId: string; reporterKind: 'member_unit' | 'group'; reporterId: string; reporterName: string; period: string }[] = [];
    for (const [i, offer] of options.offers.entries()) {
      const field = `offers.${i}`;
      if (seen.has(offer.bodyId)) throw new AppError('info_report_offer_duplicate', '同一机构只能报送一次', { field: `${field}.bodyId` });
      seen.add(offer.bodyId);
      const ctx = await loadReportContext(tx, { bodyId: offer.bodyId, today });
      if (ctx.body.status !== 'active') throw new AppError('body_dissolved', `${ctx.body.name}已撤销，不能再报送信息`, { field: `${field}.bodyId` });
      const quota = ctx.quota;
      if (quota.source === 'off') {
        throw new AppError('info_reports_off', `${ctx.body.name}的制度未规定信息报送，办公室也尚未启用，暂不能报送`, { field: `${field}.bodyId` });
      }
      if (!quota.categories.includes(options.category)) {
        throw new AppError('info_report_category_unknown', `信息类别“${options.category}”不在${ctx.body.name}的类别中（${quota.categories.join('、')}）`, { field: 'category' });
      }
      let reporter;
      if (quota.reporter === 'group') {
        if (offer.groupId === null) {
          throw new AppError('info_report_group_required', `${ctx.body.name}按工作组统计信息报送，请选择报送的工作组${clauseSuffix(quota)}`, { field: `${field}.groupId`, ...(quota.source === 'charter' ? { clause: quota.clause } : {}) });
        }
        reporter = ctx.reporters.find((r) => r.id === offer.groupId);
        if (reporter === undefined) throw new AppError('group_not_found', '该工作组不存在或不按本机构的报送要求统计', { field: `${field}.groupId` });
        if (!reporter.unitIds.includes(options.unitId)) throw new AppError('unit_not_in_group', `本单位不是${reporter.name}的牵头或成员单位，不能代其报送`, { field: `${field}.groupId` });
      } else {
        reporter = ctx.reporters.find((r) => r.id === options.unitId);
        if (reporter === undefined) throw new AppError('unit_not_member', `本单位今天不是${ctx.body.name}的成员单位`, { field: 'unitId' });
      }
      const current = ctx.period;
      if (current === null) throw new Error('an enabled quota has a period');
      const period = options.period === null ? current : parsePeriodKey(options.period, quota.periodMonths);
      if (period === null) {
        throw new AppError('info_report_period_invalid', `报送期“${options.period ?? ''}”不是${ctx.body.name}的报送期（本期为 ${current.key}）`, { field: 'period' });
      }
      const open = periodOpenFor(period, today);
      if (open === 'closed') {
        throw new AppError('info_report_period_closed', `${period.label}的报送期已于${period.end}结束，不能再报送${clauseSuffix(quota)}`, {
          field: 'period',
          ...(quota.source === 'charter' ? { clause: quota.clause } : {}),
          details: { period: period.key, end: period.end },
        });
      }
      if (open === 'not_yet') throw new AppError('info_report_period_not_open', `${period.label}的报送期尚未开始（本期为${current.label}）`, { field: 'period' });
      planned.push({ bodyId: offer.bodyId, reporterKind: reporter.kind, reporterId: reporter.id, reporterName: reporter.name, period: period.key });
    }
    const report = await insertReport(tx, {
      unitId: options.unitId,
      title,
      text,
      category: options.category,
      createdAt: options.origin.at,
      createdBy: options.origin.actorId,
    });
    await storeAttachments(tx, report.id, options.attachments);
    await recordAudit(tx, { ...options.origin, action: 'info_report.create', entityType: 'info_report', entityId: report.id, before: null, after: { ...report, attachments: options.attachments.length } });
    const views: OfferView[] = [];
    for (const p of planned) {
      const offer = await insertOffer(tx, { reportId: report.id, ...p, status: 'submitted', submittedAt: options.origin.at });
      await recordAudit(tx, { ...options.origin, action: 'info_report.submit', entityType: 'info_report_offer', entityId: offer.id, before: null, after: offer });
      const view = await findOffer(tx, p.bodyId, offer.id);
      if (view === null) throw new Error('offer just inserted is missing');
      views.push(view);
    }
    return { reportId: report.id, offers: await toOfferResponses(tx, views) };
  });
}
