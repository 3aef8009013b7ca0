/**
 * 待审批议题: agenda items proposed for a meeting still being prepared, in the bodies where the
 * charter's `approve_agenda` gate lets the reader's roles approve them (the convener by default).
 */
import { decideGate } from '../../domain/charter-gates/check-gate.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { listProposedAgendaItems } from '../../repositories/todo-repository.ts';
import { calendarStanding } from './todo-days.ts';
import { bodyNameOf } from './todo-types.ts';
import type { TodoItem, TodoProvider } from './todo-types.ts';

export const agendaApprovalTodo: TodoProvider = async (db, query) => {
  const bodyIds = [...query.bodies.values()].filter((b) => b.active && b.gateRoles.length > 0).map((b) => b.id);
  if (bodyIds.length === 0) return [];
  const rows = await listProposedAgendaItems(db, bodyIds);
  if (rows.length === 0) return [];
  const charters = await query.charters();
  const items: TodoItem[] = [];
  for (const row of rows) {
    const charter = charters.get(row.bodyId);
    const roles = query.bodies.get(row.bodyId)?.gateRoles ?? [];
    if (charter === undefined || !decideGate(charter, { step: 'approve_agenda', meetingKind: row.meetingKind, roles }).allowed) continue;
    items.push({
      kind: 'agenda_approval',
      kindName: '待审批议题',
      id: row.id,
      title: `${row.title}（${row.meetingTitle}）`,
      bodyId: row.bodyId,
      bodyName: bodyNameOf(query, row.bodyId),
      ...calendarStanding(query.today, shanghaiDateOf(row.startsAt)),
      statusName: '待审批',
      link: `/bodies/${row.bodyId}/meetings/${row.meetingId}`,
    });
  }
  return items;
};
