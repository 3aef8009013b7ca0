/**
 * The office's decided items as to-do items (督办): shared by the providers of items to close and of
 * overdue items, which both read the office's open items once (`TodoQuery.officeDecisions`).
 */
import type { DecisionItem } from '../decisions/decision-views.ts';
import { workingStanding } from './todo-days.ts';
import { bodyNameOf } from './todo-types.ts';
import type { TodoItem, TodoKind, TodoQuery } from './todo-types.ts';

/** One open decided item of an office's body as a to-do item of `kind` (working days on the body's calendar). */
export function officeDecisionTodo(query: TodoQuery, item: DecisionItem, kind: TodoKind, kindName: string): TodoItem {
  return {
    kind,
    kindName,
    id: item.id,
    title: `${item.text}（${item.leadUnit.name}）`,
    bodyId: item.bodyId,
    bodyName: bodyNameOf(query, item.bodyId),
    ...workingStanding(item),
    statusName: item.statusName,
    link: `/bodies/${item.bodyId}/decisions/${item.id}`,
  };
}
