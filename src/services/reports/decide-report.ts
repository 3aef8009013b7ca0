/**
 * The office decides a submitted information report for its body: accepts it (采用入库), returns it
 * with a reason (退回; it no longer counts in the tally) or adopts it for a bulletin (采编). An
 * accepted report may still be adopted; a returned or adopted one is final. Audited in the
 * transaction; the writing unit's liaison is told of a return through the outbox.
 */
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { OfferDecision, OfferStatus } from '../../domain/reports/report-types.ts';
import { findOffer, lockOffer, updateOffer } from '../../repositories/report-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { enqueueNotification } from '../notification-service.ts';
import type { ReportOfferResponse } from '../../contracts/reports.ts';
import { toOfferResponses } from './report-views.ts';

const NEXT: Record<OfferDecision, OfferStatus> = { accept: 'accepted', return: 'returned', adopt: 'adopted' };

/** From which statuses each decision may be taken. */
const ALLOWED_FROM: Record<OfferDecision, readonly OfferStatus[]> = {
  accept: ['submitted'],
  return: ['submitted', 'accepted'],
  adopt: ['submitted', 'accepted'],
};

export async function decideReportOffer(
  db: Database,
  options: { bodyId: string; offerId: string; decision: OfferDecision; reason: string | null; origin: AuditOrigin },
): Promise<ReportOfferResponse> {
  const reason = options.reason?.trim() ?? '';
  if (options.decision === 'return' && reason === '') throw new AppError('reason_required', '退回须说明理由', { field: 'reason' });
  return db.transaction(async (tx) => {
    const row = await lockOffer(tx, options.bodyId, options.offerId);
    if (row === null) throw new AppError('info_report_not_found', '该报送信息不存在', { field: 'offerId' });
    if (!ALLOWED_FROM[options.decision].includes(row.status)) {
      throw new AppError('info_report_wrong_status', `该信息当前状态不能${options.decision === 'accept' ? '采用' : options.decision === 'return' ? '退回' : '采编'}`, {
        details: { status: row.status, decision: options.decision },
      });
    }
    const patch = { status: NEXT[options.decision], reason: reason === '' ? null : reason, decidedAt: options.origin.at, decidedBy: options.origin.actorId };
    await updateOffer(tx, row.id, patch);
    await recordAudit(tx, { ...options.origin, action: `info_report.${options.decision}`, entityType: 'info_report_offer', entityId: row.id, before: row, after: { ...row, ...patch } });
    const view = await findOffer(tx, options.bodyId, row.id);
    if (view === null) throw new Error('offer vanished');
    if (options.decision === 'return') {
      await enqueueNotification(tx, {
        at: options.origin.at,
        bodyId: options.bodyId,
        event: 'info_report.returned',
        title: `信息被退回：${view.report.title}`,
        message: `办公室退回了报送的信息《${view.report.title}》，理由：${reason}`,
        link: `/bodies/${options.bodyId}/reports`,
        recipients: [{ kind: 'unit', unitId: view.report.unitId, roles: ['liaison'] }],
        data: { offerId: row.id },
      });
    }
    const [out] = await toOfferResponses(tx, [view]);
    if (out === undefined) throw new Error('offer view missing');
    return out;
  });
}
