/**
 * 待审定纪要: drafted minutes (and drafted corrections) in the bodies where the charter's
 * `sign_off_minutes` gate lets the reader's roles sign them off (the convener by default).
 */
import { decideGate } from '../../domain/charter-gates/check-gate.ts';
import { calendarStanding } from './todo-days.ts';
import { bodyNameOf } from './todo-types.ts';
import type { TodoItem, TodoProvider } from './todo-types.ts';

export const minutesSignOffTodo: TodoProvider = async (_db, query) => {
  const drafts = (await query.pendingMinutes()).filter((row) => row.status === 'draft');
  if (drafts.length === 0) return [];
  const charters = await query.charters();
  const items: TodoItem[] = [];
  for (const row of drafts) {
    const charter = charters.get(row.bodyId);
    const roles = query.bodies.get(row.bodyId)?.gateRoles ?? [];
    if (charter === undefined || !decideGate(charter, { step: 'sign_off_minutes', meetingKind: row.meetingKind, roles }).allowed) continue;
    items.push({
      kind: 'minutes_sign_off',
      kindName: '待审定纪要',
      id: row.id,
      title: row.title,
      bodyId: row.bodyId,
      bodyName: bodyNameOf(query, row.bodyId),
      ...calendarStanding(query.today, null),
      statusName: '待审定',
      link: `/bodies/${row.bodyId}/meetings/${row.meetingId}`,
    });
  }
  return items;
};
