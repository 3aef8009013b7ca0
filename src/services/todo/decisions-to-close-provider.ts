/** 待销号事项: decided items of the office's bodies whose completion a unit has reported, waiting to be closed (销号). */
import { officeDecisionTodo } from './office-decision-todo.ts';
import type { TodoProvider } from './todo-types.ts';

export const decisionsToCloseTodo: TodoProvider = async (_db, query) =>
  (await query.officeDecisions()).filter((item) => item.status === 'completion_reported').map((item) => officeDecisionTodo(query, item, 'decision_to_close', '待销号事项'));
