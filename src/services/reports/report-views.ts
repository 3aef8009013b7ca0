/**
 * Reads of information reports: a body's offers as the office or a unit sees them, one offer with
 * its attachments, the office's compliance view (this period and a 12-month heat map) and a unit's
 * own tally.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { ReportComplianceResponse, ReportOfferResponse, UnitReportTallyResponse } from '../../contracts/reports.ts';
import { AppError } from '../../errors/app-error.ts';
import { periodOf, twelveMonthsTo } from '../../domain/reports/report-periods.ts';
import type { ReportPeriod } from '../../domain/reports/report-periods.ts';
import { tallyLine } from '../../domain/reports/report-tally.ts';
import type { TallyLine } from '../../domain/reports/report-tally.ts';
import type { OfferStatus } from '../../domain/reports/report-types.ts';
import {
  countOffers,
  countOffersOfBodies,
  findOffer,
  findReportAttachment,
  listOfferBodiesOfReports,
  listOffers,
  listReportAttachments,
  listReportReminders,
} from '../../repositories/report-repository.ts';
import type { ListOffersFilter, OfferView } from '../../repositories/report-repository.ts';
import { listBodiesOfUnit } from '../../repositories/unit-repository.ts';
import { listGroupLinksOfUnit } from '../../repositories/group-repository.ts';
import { loadReportContext, loadReportContexts, toQuotaResponse } from './report-context.ts';
import type { Reporter, ReportContext } from './report-context.ts';

export const OFFER_STATUS_NAMES: Record<OfferStatus, string> = { submitted: '已报送', accepted: '已采用', returned: '已退回', adopted: '已采编' };

/** Offers as the API shows them (attachments and the other bodies of each report loaded in two queries). */
export async function toOfferResponses(db: DbOrTx, offers: readonly OfferView[]): Promise<ReportOfferResponse[]> {
  const reportIds = [...new Set(offers.map((o) => o.reportId))];
  const attachments = await listReportAttachments(db, reportIds);
  const bodiesOf = await listOfferBodiesOfReports(db, reportIds);
  return offers.map((o) => ({
    id: o.id,
    reportId: o.reportId,
    bodyId: o.bodyId,
    title: o.report.title,
    text: o.report.text,
    category: o.report.category,
    unitId: o.report.unitId,
    unitName: o.unitName,
    reporterKind: o.reporterKind,
    reporterId: o.reporterId,
    reporterName: o.reporterName,
    period: o.period,
    status: o.status,
    statusName: OFFER_STATUS_NAMES[o.status],
    reason: o.reason,
    submittedAt: o.submittedAt.toISOString(),
    decidedAt: o.decidedAt?.toISOString() ?? null,
    attachments: attachments.filter((a) => a.reportId === o.reportId).map(({ id, fileName, mediaType, sizeBytes, sha256 }) => ({ id, fileName, mediaType, sizeBytes, sha256 })),
    alsoOfferedTo: bodiesOf.filter((b) => b.reportId === o.reportId && b.bodyId !== o.bodyId).map(({ bodyId, bodyName }) => ({ bodyId, bodyName })),
  }));
}

/** A body's offers (the office: all; a unit: `unitId` set to its own). */
export async function listReportOffers(db: DbOrTx, options: { bodyId: string; filter: ListOffersFilter }): Promise<ReportOfferResponse[]> {
  return toOfferResponses(db, await listOffers(db, options.bodyId, options.filter));
}

/** One offer of a body; 404 `info_report_not_found`. */
export async function getReportOffer(db: DbOrTx, options: { bodyId: string; offerId: string }): Promise<ReportOfferResponse> {
  const offer = await findOffer(db, options.bodyId, options.offerId);
  if (offer === null) throw new AppError('info_report_not_found', '该报送信息不存在', { field: 'offerId' });
  const [view] = await toOfferResponses(db, [offer]);
  if (view === undefined) throw new Error('offer view missing');
  return view;
}

/** An attachment of an offered report, with its bytes; 404 when either is unknown. */
export async function getReportAttachment(db: DbOrTx, options: { bodyId: string; offerId: string; attachmentId: string }) {
  const offer = await findOffer(db, options.bodyId, options.offerId);
  if (offer === null) throw new AppError('info_report_not_found', '该报送信息不存在', { field: 'offerId' });
  const attachment = await findReportAttachment(db, offer.reportId, options.attachmentId);
  if (attachment === null) throw new AppError('attachment_not_found', '附件不存在', { field: 'attachmentId' });
  return attachment;
}

function periodView(p: ReportPeriod) {
  return { key: p.key, label: p.label, start: p.start, end: p.end };
}

/** The distinct periods covering the last twelve months to `today`, oldest first. */
export function heatmapPeriods(today: string, months: ReportPeriod['months']): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  for (const month of twelveMonthsTo(today)) {
    const p = periodOf(`${month}-01`, months);
    if (out[out.length - 1]?.key !== p.key) out.push(p);
  }
  return out;
}

/** Lines of every reporter for each period given. */
async function tallies(db: DbOrTx, ctx: ReportContext, reporters: readonly Reporter[], periods: readonly ReportPeriod[]): Promise<Map<string, TallyLine[]>> {
  const out = new Map<string, TallyLine[]>();
  if (ctx.quota.source === 'off' || reporters.length === 0) return out;
  const quota = ctx.quota;
  const counts = await countOffers(db, ctx.body.id, quota.reporter, periods.map((p) => p.key));
  const countOf = (reporterId: string, period: string) => counts.find((c) => c.reporterId === reporterId && c.period === period)?.count ?? 0;
  for (const r of reporters) {
    out.set(
      r.id,
      periods.map((p) => tallyLine({ reporterId: r.id, reporterName: r.name, period: p, due: quota.count, counted: countOf(r.id, p.key), today: ctx.today })),
    );
  }
  return out;
}

/** The office's compliance view: who is behind this period, and each reporter's last twelve months. */
export async function getReportCompliance(db: DbOrTx, options: { bodyId: string; today: string }): Promise<ReportComplianceResponse> {
  const ctx = await loadReportContext(db, options);
  if (ctx.quota.source === 'off' || ctx.period === null) {
    return { bodyId: options.bodyId, quota: toQuotaResponse(ctx.quota), today: ctx.today, period: null, lines: [], heatmapPeriods: [], heatmap: [] };
  }
  const periods = heatmapPeriods(ctx.today, ctx.quota.periodMonths);
  const byReporter = await tallies(db, ctx, ctx.reporters, periods);
  const reminders = await listReportReminders(db, options.bodyId, ctx.period.key);
  const currentKey = ctx.period.key;
  const lines = ctx.reporters.map((r) => {
    const line = byReporter.get(r.id)?.find((l) => l.period === currentKey);
    if (line === undefined) throw new Error('current period missing from the heat map');
    return { ...line, remindedAt: reminders.find((m) => m.reporterId === r.id)?.sentAt.toISOString() ?? null };
  });
  // Behind first (missing, due), then met; by name within
  const rank = { missing: 0, due: 1, met: 2 } as const;
  lines.sort((a, b) => rank[a.status] - rank[b.status] || a.reporterName.localeCompare(b.reporterName, 'zh'));
  return {
    bodyId: options.bodyId,
    quota: toQuotaResponse(ctx.quota),
    today: ctx.today,
    period: periodView(ctx.period),
    lines,
    heatmapPeriods: periods.map((p) => ({ key: p.key, label: p.label })),
    heatmap: ctx.reporters.map((r) => ({ reporterId: r.id, reporterName: r.name, cells: byReporter.get(r.id) ?? [] })),
  };
}

/** A unit's own tally in a body: the reporters it speaks for, and the other bodies it could offer the same report to. */
export async function getUnitReportTally(db: DbOrTx, options: { bodyId: string; unitId: string; today: string }): Promise<UnitReportTallyResponse> {
  const ctx = await loadReportContext(db, options);
  const own = ctx.reporters.filter((r) => r.unitIds.includes(options.unitId));
  const periods = ctx.quota.source === 'off' ? [] : heatmapPeriods(ctx.today, ctx.quota.periodMonths);
  const byReporter = await tallies(db, ctx, own, periods);
  const reporters = own.map((r) => {
    const months = byReporter.get(r.id) ?? [];
    const current = months.find((l) => l.period === ctx.period?.key);
    if (current === undefined) throw new Error('current period missing');
    return { reporterKind: r.kind, reporterId: r.id, reporterName: r.name, current, months };
  });
  return {
    bodyId: options.bodyId,
    unitId: options.unitId,
    quota: toQuotaResponse(ctx.quota),
    period: ctx.period === null ? null : periodView(ctx.period),
    reporters,
    otherBodies: await otherReportingBodies(db, { unitId: options.unitId, exceptBodyId: options.bodyId, today: options.today }),
  };
}

/** The other active bodies the unit sits in today whose reports are on, with the groups it may report for. */
async function otherReportingBodies(db: DbOrTx, options: { unitId: string; exceptBodyId: string; today: string }): Promise<UnitReportTallyResponse['otherBodies']> {
  const links = await listBodiesOfUnit(db, options.unitId);
  const groupLinks = await listGroupLinksOfUnit(db, options.unitId);
  const bodyIds = new Set<string>();
  for (const l of links) {
    if (l.body.status !== 'active' || l.body.id === options.exceptBodyId) continue;
    if (l.bodyUnit.validFrom > options.today || (l.bodyUnit.validTo !== null && l.bodyUnit.validTo <= options.today)) continue;
    bodyIds.add(l.body.id);
  }
  for (const g of groupLinks) if (g.bodyId !== options.exceptBodyId) bodyIds.add(g.bodyId);
  // Every other body's context at once (a bounded number of statements, not one set per body)
  const contexts = await loadReportContexts(db, { bodyIds: [...bodyIds], today: options.today });
  const out: UnitReportTallyResponse['otherBodies'] = [];
  for (const bodyId of bodyIds) {
    const ctx = contexts.get(bodyId);
    if (ctx === undefined || ctx.quota.source === 'off' || ctx.body.status !== 'active') continue;
    const reporters = ctx.reporters.filter((r) => r.unitIds.includes(options.unitId));
    if (reporters.length === 0) continue;
    out.push({
      bodyId,
      bodyName: ctx.body.name,
      reporter: ctx.quota.reporter,
      groups: ctx.quota.reporter === 'group' ? reporters.map((r) => ({ groupId: r.id, name: r.name })) : [],
    });
  }
  return out.sort((a, b) => a.bodyName.localeCompare(b.bodyName, 'zh'));
}

/** A unit's standing this period in one body: the reporters it speaks for, each with this period's line. */
export interface UnitPeriodTally {
  bodyId: string;
  period: { key: string; label: string; start: string; end: string };
  reporters: { reporterKind: Reporter['kind']; reporterId: string; reporterName: string; current: TallyLine }[];
}

/**
 * A unit's own tally this period in many bodies at once (the cross-body view and the to-do centre):
 * for each body whose report quota is on and where the unit speaks for a reporter, this period's line
 * of each such reporter — the same lines getUnitReportTally gives body by body, in a bounded number
 * of statements (the contexts, then one grouped count) whatever the number of bodies.
 */
export async function listUnitReportTallies(db: DbOrTx, options: { unitId: string; bodyIds: readonly string[]; today: string }): Promise<UnitPeriodTally[]> {
  const contexts = await loadReportContexts(db, { bodyIds: options.bodyIds, today: options.today });
  const owed: { ctx: ReportContext; period: ReportPeriod; count: number; own: Reporter[] }[] = [];
  for (const bodyId of new Set(options.bodyIds)) {
    const ctx = contexts.get(bodyId);
    if (ctx === undefined || ctx.quota.source === 'off' || ctx.period === null) continue;
    const own = ctx.reporters.filter((r) => r.unitIds.includes(options.unitId));
    if (own.length > 0) owed.push({ ctx, period: ctx.period, count: ctx.quota.count, own });
  }
  const counts = await countOffersOfBodies(
    db,
    owed.map((o) => o.ctx.body.id),
    [...new Set(owed.map((o) => o.period.key))],
  );
  const countOf = (bodyId: string, kind: Reporter['kind'], reporterId: string, period: string) =>
    counts.find((c) => c.bodyId === bodyId && c.reporterKind === kind && c.reporterId === reporterId && c.period === period)?.count ?? 0;
  return owed.map(({ ctx, period, count, own }) => ({
    bodyId: ctx.body.id,
    period: periodView(period),
    reporters: own.map((r) => ({
      reporterKind: r.kind,
      reporterId: r.id,
      reporterName: r.name,
      current: tallyLine({ reporterId: r.id, reporterName: r.name, period, due: count, counted: countOf(ctx.body.id, r.kind, r.id, period.key), today: ctx.today }),
    })),
  }));
}
