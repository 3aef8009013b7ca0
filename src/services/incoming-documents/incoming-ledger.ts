/**
 * The incoming-documents sheet of a body's ledger (收文办理台账): every incoming document of the body
 * with its standing today, as src/documents/incoming-documents-sheet.ts renders it.
 */
import type { Clock } from '../../config/clock.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { IncomingLedgerSheet } from '../../documents/incoming-documents-sheet.ts';
import { listIncomingDocuments } from './incoming-views.ts';

/** The sheet of a body's incoming documents, titled after the body. */
export async function incomingLedgerSheet(db: DbOrTx, options: { bodyId: string; bodyName: string; clock: Clock }): Promise<IncomingLedgerSheet> {
  const items = await listIncomingDocuments(db, { clock: options.clock, bodyId: options.bodyId });
  return {
    title: `${options.bodyName}收文办理台账`,
    rows: items.map((item) => ({
      receivedOn: item.receivedOn,
      sendingUnit: item.sendingUnit,
      sendingNumber: item.sendingNumber,
      title: item.title,
      routingName: item.routingName,
      leadUnit: item.leadUnit?.name ?? null,
      coUnits: item.coUnits.map((u) => u.name),
      deadline: item.deadline,
      deadlineProvisional: item.deadlineProvisional,
      workingDaysLeft: item.workingDaysOverdue !== null ? -item.workingDaysOverdue : item.workingDaysLeft,
      statusLabel: item.statusName,
      replyText: item.replyText,
    })),
  };
}
