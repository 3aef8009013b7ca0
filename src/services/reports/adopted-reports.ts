/**
 * Adopted information reports (已采编), read by the bulletins (简报 / 专报) that compile them. The
 * signatures here are stable: bulletins call them by id or by body.
 */
import type { DbOrTx } from '../../db/database.ts';
import { listOffers } from '../../repositories/report-repository.ts';
import type { OfferView } from '../../repositories/report-repository.ts';

/** An adopted report as a bulletin article needs it. */
export interface AdoptedReport {
  /** The offer's id (the report as offered to this body) */
  id: string;
  bodyId: string;
  reportId: string;
  title: string;
  text: string;
  category: string;
  /** The unit that wrote it */
  unitId: string;
  unitName: string;
  /** Who it counts for: the unit, or the group it reported for */
  reporterName: string;
  period: string;
  submittedAt: Date;
  adoptedAt: Date;
}

function toAdopted(o: OfferView): AdoptedReport {
  return {
    id: o.id,
    bodyId: o.bodyId,
    reportId: o.reportId,
    title: o.report.title,
    text: o.report.text,
    category: o.report.category,
    unitId: o.report.unitId,
    unitName: o.unitName,
    reporterName: o.reporterName,
    period: o.period,
    submittedAt: o.submittedAt,
    adoptedAt: o.decidedAt ?? o.submittedAt,
  };
}

/** The adopted reports of a body, newest first (optionally only those of a period). */
export async function listAdoptedReports(db: DbOrTx, options: { bodyId: string; period?: string }): Promise<AdoptedReport[]> {
  const rows = await listOffers(db, options.bodyId, { status: 'adopted', ...(options.period === undefined ? {} : { period: options.period }) });
  return rows.map(toAdopted);
}

/**
 * The adopted reports of a body with these offer ids, in the order given. An id that is not an
 * adopted report of this body is absent from the result (the caller names what is missing).
 */
export async function getAdoptedReportsByIds(db: DbOrTx, options: { bodyId: string; ids: readonly string[] }): Promise<AdoptedReport[]> {
  const rows = await listOffers(db, options.bodyId, { status: 'adopted', ids: options.ids });
  const byId = new Map(rows.map((r) => [r.id, toAdopted(r)]));
  return options.ids.flatMap((id) => {
    const r = byId.get(id);
    return r === undefined ? [] : [r];
  });
}
