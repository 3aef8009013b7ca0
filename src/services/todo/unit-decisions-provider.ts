/**
 * 督办事项: decided items the reader's unit leads or co-handles, not yet closed — progress and
 * completion to report, overdue first (working days on the body's calendar).
 */
import { decisionObligations } from '../incoming-documents/unit-obligations.ts';
import { unitObligationTodo } from './unit-obligations-todo.ts';
import type { TodoProvider } from './todo-types.ts';

export const unitDecisionsTodo: TodoProvider = async (db, query) => {
  const items = await unitObligationTodo(db, query, { provider: decisionObligations, kind: 'decision_progress', kindName: () => '督办事项', workingDays: true });
  // An item whose completion is reported waits for the office, not for the unit
  return items.filter((item) => item.statusName !== null && !item.statusName.startsWith('已报办结'));
};
