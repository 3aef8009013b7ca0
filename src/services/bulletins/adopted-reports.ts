/**
 * What a bulletin reads of the information reports (信息报送) the office adopted: engineer A's
 * reports service owns them; the bulletin compiler asks for them through this one shape only.
 */
import type { DbOrTx } from '../../db/database.ts';
import { getAdoptedReportsByIds, listAdoptedReports } from '../reports/adopted-reports.ts';

/** An adopted information report, as a bulletin article starts from it. */
export interface AdoptedReport {
  id: string;
  title: string;
  text: string;
  /** The unit, group or district that reported it */
  reporterName: string | null;
}

/** Reads the reports of `reportIds` adopted for the body; a report not adopted for it is absent from the answer. */
export type AdoptedReportReader = (db: DbOrTx, options: { bodyId: string; reportIds: readonly string[] }) => Promise<AdoptedReport[]>;

/** A's read of adopted reports by id (the offer's id: the report as offered to this body). */
export const readAdoptedReports: AdoptedReportReader = async (db, options) =>
  (await getAdoptedReportsByIds(db, { bodyId: options.bodyId, ids: options.reportIds })).map((r) => ({ id: r.id, title: r.title, text: r.text, reporterName: r.reporterName }));

/** The body's adopted reports a bulletin may compile, newest first. */
export async function listBulletinCandidates(db: DbOrTx, options: { bodyId: string }): Promise<(AdoptedReport & { category: string; adoptedAt: string })[]> {
  return (await listAdoptedReports(db, options)).map((r) => ({ id: r.id, title: r.title, text: r.text, reporterName: r.reporterName, category: r.category, adoptedAt: r.adoptedAt.toISOString() }));
}
