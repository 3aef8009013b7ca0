/**
 * A unit's cross-body view (the department's "what does my unit owe, to which body, by when"):
 * everything the unit must still act on in every body it sits in and the reader may see, from one
 * small provider per source — decided items under supervision, incoming documents assigned or
 * forwarded to it — sorted overdue first, then by deadline. A source is added by adding a provider.
 */
import type { DbOrTx } from '../../db/database.ts';
import { findBodiesByIds } from '../../repositories/body-repository.ts';
import { listUnitOpenDecisions } from '../decisions/decision-views.ts';
import { listUnitOpenIncomingDocuments } from './incoming-views.ts';
import { informationReportObligations } from './report-obligations.ts';
import type { ObligationProvider, ObligationQuery, ObligationRow, UnitObligation } from './obligation-types.ts';

export type { ObligationKind, ObligationProvider, ObligationQuery, ObligationRow, UnitObligation } from './obligation-types.ts';

/** Decided items (督办事项) the unit leads or co-handles, not yet closed. */
export const decisionObligations: ObligationProvider = async (db, query) => {
  const items = await listUnitOpenDecisions(db, { clock: query.clock, unitId: query.unitId, mayRead: (bodyId) => query.mayRead(bodyId, 'decision'), primeReader: query.primeReader });
  return items.map((item) => ({
    kind: 'decision',
    kindName: '督办事项',
    id: item.id,
    bodyId: item.bodyId,
    title: item.text,
    role: item.leadUnit.unitId === query.unitId ? 'lead' : 'co',
    deadline: item.deadline,
    overdue: item.overdue,
    workingDaysLeft: item.workingDaysLeft,
    workingDaysOverdue: item.workingDaysOverdue,
    statusName: item.statusName,
    link: `/bodies/${item.bodyId}/decisions/${item.id}`,
  }));
};

/** Incoming documents (收文) assigned or forwarded to the unit whose reply is still owed. */
export const incomingDocumentObligations: ObligationProvider = async (db, query) => {
  const items = await listUnitOpenIncomingDocuments(db, { clock: query.clock, unitId: query.unitId, mayRead: (bodyId) => query.mayRead(bodyId, 'incoming_document'), primeReader: query.primeReader });
  return items.map((item) => ({
    kind: 'incoming_document',
    kindName: item.routingName === null ? '收文' : `收文${item.routingName}`,
    id: item.id,
    bodyId: item.bodyId,
    title: item.title,
    role: item.leadUnit?.unitId === query.unitId ? 'lead' : 'co',
    deadline: item.deadline,
    overdue: item.overdue,
    workingDaysLeft: item.workingDaysLeft,
    workingDaysOverdue: item.workingDaysOverdue,
    statusName: item.statusName,
    link: `/bodies/${item.bodyId}/incoming?document=${item.id}`,
  }));
};

/**
 * Every provider, in the order their sources are listed. Outgoing documents (发文) are signed by
 * persons, not owed by units: they have no provider here.
 */
export const OBLIGATION_PROVIDERS: readonly ObligationProvider[] = [decisionObligations, incomingDocumentObligations, informationReportObligations];

/** Orders obligations: overdue first (most overdue first), then by deadline (none last). */
export function compareObligations(a: ObligationRow, b: ObligationRow): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.overdue && b.overdue) return (b.workingDaysOverdue ?? 0) - (a.workingDaysOverdue ?? 0);
  if (a.deadline === b.deadline) return a.title.localeCompare(b.title, 'zh-CN');
  if (a.deadline === null) return 1;
  if (b.deadline === null) return -1;
  return a.deadline < b.deadline ? -1 : 1;
}

/** What the unit owes across its bodies (those the reader may see), with each body's name. */
export async function listUnitObligations(
  db: DbOrTx,
  options: ObligationQuery & { providers?: readonly ObligationProvider[] },
): Promise<UnitObligation[]> {
  const rows: ObligationRow[] = [];
  for (const provider of options.providers ?? OBLIGATION_PROVIDERS) rows.push(...(await provider(db, options)));
  rows.sort(compareObligations);
  const names = new Map((await findBodiesByIds(db, [...new Set(rows.map((r) => r.bodyId))])).map((body) => [body.id, body.name]));
  return rows.map((row) => ({ ...row, bodyName: names.get(row.bodyId) ?? '' }));
}
