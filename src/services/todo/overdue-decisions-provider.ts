/** 逾期事项: the other open decided items of the office's bodies that are overdue (working days on each body's calendar). */
import { officeDecisionTodo } from './office-decision-todo.ts';
import type { TodoProvider } from './todo-types.ts';

export const overdueDecisionsTodo: TodoProvider = async (_db, query) =>
  (await query.officeDecisions()).filter((item) => item.status !== 'completion_reported' && item.overdue).map((item) => officeDecisionTodo(query, item, 'decision_overdue', '逾期事项'));
