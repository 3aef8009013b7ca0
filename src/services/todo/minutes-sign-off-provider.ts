/**
 * 待审定纪要: drafted minutes (and drafted corrections) in the bodies where the charter's
 * `sign_off_minutes` gate lets the reader's roles sign them off (the convener by default).
 */
import { rowsAllowedByGate } from './gated-todo.ts';
import { calendarStanding } from './todo-days.ts';
import { bodyNameOf } from './todo-types.ts';
import type { TodoProvider } from './todo-types.ts';

export const minutesSignOffTodo: TodoProvider = async (_db, query) => {
  const rows = await rowsAllowedByGate(query, {
    // The pending minutes of every active body (read once, shared with 待印发纪要), drafts of the gated bodies
    read: async (bodyIds) => {
      const gated = new Set(bodyIds);
      return (await query.pendingMinutes()).filter((row) => row.status === 'draft' && gated.has(row.bodyId));
    },
    request: (row, roles) => ({ step: 'sign_off_minutes', meetingKind: row.meetingKind, roles }),
  });
  return rows.map((row) => ({
    kind: 'minutes_sign_off',
    kindName: '待审定纪要',
    id: row.id,
    title: row.title,
    bodyId: row.bodyId,
    bodyName: bodyNameOf(query, row.bodyId),
    ...calendarStanding(query.today, null),
    statusName: '待审定',
    link: `/bodies/${row.bodyId}/meetings/${row.meetingId}`,
  }));
};
