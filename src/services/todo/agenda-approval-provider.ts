/**
 * 待审批议题: agenda items proposed for a meeting still being prepared, in the bodies where the
 * charter's `approve_agenda` gate lets the reader's roles approve them (the convener by default).
 */
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { listProposedAgendaItems } from '../../repositories/todo-repository.ts';
import { rowsAllowedByGate } from './gated-todo.ts';
import { calendarStanding } from './todo-days.ts';
import { bodyNameOf } from './todo-types.ts';
import type { TodoProvider } from './todo-types.ts';

export const agendaApprovalTodo: TodoProvider = async (db, query) => {
  const rows = await rowsAllowedByGate(query, {
    read: (bodyIds) => listProposedAgendaItems(db, bodyIds),
    request: (row, roles) => ({ step: 'approve_agenda', meetingKind: row.meetingKind, roles }),
  });
  return rows.map((row) => ({
    kind: 'agenda_approval',
    kindName: '待审批议题',
    id: row.id,
    title: `${row.title}（${row.meetingTitle}）`,
    bodyId: row.bodyId,
    bodyName: bodyNameOf(query, row.bodyId),
    ...calendarStanding(query.today, shanghaiDateOf(row.startsAt)),
    statusName: '待审批',
    link: `/bodies/${row.bodyId}/meetings/${row.meetingId}`,
  }));
};
