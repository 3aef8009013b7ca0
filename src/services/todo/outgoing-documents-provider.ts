/**
 * 待审核 / 待签发: outgoing documents and bulletins waiting at the step of the signing chain the
 * charter gives the reader's roles (`review_document`, `sign_document`; e.g. 办公室主任审核，组长签发).
 */
import { OUTGOING_KIND_LABELS, OUTGOING_STATUS_LABELS } from '../../domain/outgoing-documents/outgoing-types.ts';
import { listAwaitingOutgoingDocuments } from '../../repositories/todo-repository.ts';
import { rowsAllowedByGate } from './gated-todo.ts';
import { calendarStanding } from './todo-days.ts';
import { bodyNameOf } from './todo-types.ts';
import type { TodoProvider } from './todo-types.ts';

export const outgoingDocumentsTodo: TodoProvider = async (db, query) => {
  const rows = await rowsAllowedByGate(query, {
    read: (bodyIds) => listAwaitingOutgoingDocuments(db, bodyIds),
    request: (row, roles) => ({
      step: row.status === 'awaiting_review' ? 'review_document' : 'sign_document',
      document: { issuedInNameOf: row.issuedInNameOf, initiatedBy: row.groupId === null ? null : 'group' },
      roles,
    }),
  });
  return rows.map((row) => {
    const review = row.status === 'awaiting_review';
    return {
      kind: review ? 'outgoing_review' : 'outgoing_sign',
      kindName: review ? '待审核发文' : '待签发发文',
      id: row.id,
      title: `${OUTGOING_KIND_LABELS[row.kind]}：${row.title}`,
      bodyId: row.bodyId,
      bodyName: bodyNameOf(query, row.bodyId),
      ...calendarStanding(query.today, null),
      statusName: OUTGOING_STATUS_LABELS[row.status],
      link: `/bodies/${row.bodyId}/outgoing-documents/${row.id}`,
    };
  });
};
