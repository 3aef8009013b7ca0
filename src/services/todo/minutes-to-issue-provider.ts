/** 待印发纪要: signed-off minutes the office of the reader's bodies has still to issue (印发). */
import { calendarStanding } from './todo-days.ts';
import { bodiesWithRole, bodyNameOf } from './todo-types.ts';
import type { TodoProvider } from './todo-types.ts';

export const minutesToIssueTodo: TodoProvider = async (_db, query) => {
  const office = new Set(bodiesWithRole(query, ['office_staff']));
  if (office.size === 0) return [];
  return (await query.pendingMinutes())
    .filter((row) => row.status === 'signed_off' && office.has(row.bodyId))
    .map((row) => ({
      kind: 'minutes_to_issue',
      kindName: '待印发纪要',
      id: row.id,
      title: row.title,
      bodyId: row.bodyId,
      bodyName: bodyNameOf(query, row.bodyId),
      ...calendarStanding(query.today, null),
      statusName: '已审定，待印发',
      link: `/bodies/${row.bodyId}/meetings/${row.meetingId}`,
    }));
};
