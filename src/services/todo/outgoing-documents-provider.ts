/**
 * 待审核 / 待签发: outgoing documents and bulletins waiting at the step of the signing chain the
 * charter gives the reader's roles (`review_document`, `sign_document`; e.g. 办公室主任审核，组长签发).
 */
import { decideGate } from '../../domain/charter-gates/check-gate.ts';
import type { OutgoingDocument } from '../../domain/charter-gates/gate-types.ts';
import { OUTGOING_KIND_LABELS, OUTGOING_STATUS_LABELS } from '../../domain/outgoing-documents/outgoing-types.ts';
import { listAwaitingOutgoingDocuments } from '../../repositories/todo-repository.ts';
import { calendarStanding } from './todo-days.ts';
import { bodyNameOf } from './todo-types.ts';
import type { TodoItem, TodoProvider } from './todo-types.ts';

export const outgoingDocumentsTodo: TodoProvider = async (db, query) => {
  const bodyIds = [...query.bodies.values()].filter((b) => b.active && b.gateRoles.length > 0).map((b) => b.id);
  if (bodyIds.length === 0) return [];
  const rows = await listAwaitingOutgoingDocuments(db, bodyIds);
  if (rows.length === 0) return [];
  const charters = await query.charters();
  const items: TodoItem[] = [];
  for (const row of rows) {
    const charter = charters.get(row.bodyId);
    const roles = query.bodies.get(row.bodyId)?.gateRoles ?? [];
    if (charter === undefined) continue;
    const document: OutgoingDocument = { issuedInNameOf: row.issuedInNameOf, initiatedBy: row.groupId === null ? null : 'group' };
    const review = row.status === 'awaiting_review';
    if (!decideGate(charter, { step: review ? 'review_document' : 'sign_document', document, roles }).allowed) continue;
    items.push({
      kind: review ? 'outgoing_review' : 'outgoing_sign',
      kindName: review ? '待审核发文' : '待签发发文',
      id: row.id,
      title: `${OUTGOING_KIND_LABELS[row.kind]}：${row.title}`,
      bodyId: row.bodyId,
      bodyName: bodyNameOf(query, row.bodyId),
      ...calendarStanding(query.today, null),
      statusName: OUTGOING_STATUS_LABELS[row.status],
      link: `/bodies/${row.bodyId}/outgoing-documents/${row.id}`,
    });
  }
  return items;
};
