/**
 * Ledger (督办台账) rows for the XLSX export and the circulars: every decision of a body or of a
 * unit, with its source meeting and minutes and its latest progress.
 */
import type { Clock } from '../../config/clock.ts';
import type { DbOrTx } from '../../db/database.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { latestProgressOf, listDecisionSources, listDecisionViews } from '../../repositories/decision-repository.ts';
import { toItems } from './decision-views.ts';
import type { DecisionItem } from './decision-views.ts';

export interface LedgerRow extends DecisionItem {
  /** Source meeting title and minutes (title, 第N期 of year) */
  meetingTitle: string | null;
  minutesTitle: string | null;
  minutesYear: number | null;
  minutesNumber: number | null;
  latestProgress: { text: string; at: string; unitId: string | null } | null;
}

/**
 * Every decision of a body, or every decision of a unit across its bodies, with its source meeting
 * and minutes, units, deadline, working days left or overdue, status, latest progress and whether
 * the deadline is provisional: what the ledger (督办台账) XLSX shows.
 */
export async function listLedgerRows(db: DbOrTx, options: { bodyId: string; clock: Clock } | { unitId: string; clock: Clock }): Promise<LedgerRow[]> {
  const views = 'bodyId' in options ? await listDecisionViews(db, { bodyId: options.bodyId }) : await listDecisionViews(db, { unitId: options.unitId });
  const items = await toItems(db, { views, today: shanghaiDateOf(options.clock.now()) });
  const latest = await latestProgressOf(db, items.map((i) => i.id));
  const sources = await listDecisionSources(db, items.map((i) => i.minutesId));
  return items.map((item) => {
    const source = sources.get(item.minutesId);
    const progress = latest.get(item.id);
    return {
      ...item,
      meetingTitle: source?.meetingTitle ?? null,
      minutesTitle: source?.minutesTitle ?? null,
      minutesYear: source?.year ?? null,
      minutesNumber: source?.number ?? null,
      latestProgress: progress ? { text: progress.text, at: progress.createdAt.toISOString(), unitId: progress.unitId } : null,
    };
  });
}
