/**
 * The to-do centre (待办 / 已办) of the signed-in person: across every body they sit in (roles held
 * today, resolved once for all bodies by the policy's resolver), what waits for them — one provider
 * per kind of item, each reading its source once for all the bodies — sorted overdue first, then by
 * deadline; and the last things they did, from the audit trail.
 */
import type { Clock } from '../../config/clock.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { Charter } from '../../domain/charter/charter-types.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { listDecisionViews } from '../../repositories/decision-repository.ts';
import { listCurrentCharters, listPendingMinutes } from '../../repositories/todo-repository.ts';
import type { PendingMinutesRow } from '../../repositories/todo-repository.ts';
import type { TodoResponse } from '../../contracts/todo.ts';
import { toItems } from '../decisions/decision-views.ts';
import type { DecisionItem } from '../decisions/decision-views.ts';
import { agendaApprovalTodo } from './agenda-approval-provider.ts';
import { listMyDone } from './done-list.ts';
import { incomingDocumentsTodo } from './incoming-documents-provider.ts';
import { informationReportsTodo } from './information-reports-provider.ts';
import { membershipChangesTodo } from './membership-changes-provider.ts';
import { minutesSignOffTodo } from './minutes-sign-off-provider.ts';
import { minutesToIssueTodo } from './minutes-to-issue-provider.ts';
import { decisionsToCloseTodo } from './decisions-to-close-provider.ts';
import { overdueDecisionsTodo } from './overdue-decisions-provider.ts';
import { outgoingDocumentsTodo } from './outgoing-documents-provider.ts';
import { compareTodoItems } from './todo-days.ts';
import { bodiesWithRole } from './todo-types.ts';
import type { TodoItem, TodoProvider, TodoQuery } from './todo-types.ts';
import { myBodies } from './my-bodies.ts';
import { unitDecisionsTodo } from './unit-decisions-provider.ts';

/** Every provider, in the order the to-do centre lists its kinds. */
export const TODO_PROVIDERS: readonly TodoProvider[] = [
  agendaApprovalTodo,
  minutesSignOffTodo,
  outgoingDocumentsTodo,
  membershipChangesTodo,
  unitDecisionsTodo,
  incomingDocumentsTodo,
  informationReportsTodo,
  decisionsToCloseTodo,
  overdueDecisionsTodo,
  minutesToIssueTodo,
];

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => (pending ??= load());
}

/**
 * What waits for the account (待办) and what it did last (已办). `providers` defaults to every
 * provider; the statements sent do not grow with the number of bodies.
 */
export async function listMyTodo(
  db: DbOrTx,
  options: { clock: Clock; accountId: string; personId: string | null; doneLimit: number; providers?: readonly TodoProvider[] },
): Promise<TodoResponse> {
  const now = options.clock.now();
  const today = shanghaiDateOf(now);
  const bodies = await myBodies(db, { accountId: options.accountId, at: now });
  const active = [...bodies.values()].filter((body) => body.active).map((body) => body.id);
  const query: TodoQuery = {
    clock: options.clock,
    accountId: options.accountId,
    personId: options.personId,
    today,
    bodies,
    charters: once((): Promise<ReadonlyMap<string, Charter>> => listCurrentCharters(db, active)),
    pendingMinutes: once((): Promise<readonly PendingMinutesRow[]> => listPendingMinutes(db, active)),
    officeDecisions: once(async (): Promise<readonly DecisionItem[]> => {
      const office = bodiesWithRole(query, ['office_staff']);
      if (office.length === 0) return [];
      return toItems(db, { views: await listDecisionViews(db, { bodyIds: office, openOnly: true }), today });
    }),
  };
  const items: TodoItem[] = [];
  for (const provider of options.providers ?? TODO_PROVIDERS) items.push(...(await provider(db, query)));
  items.sort(compareTodoItems);
  return {
    today,
    items,
    total: items.length,
    overdue: items.filter((item) => item.overdue).length,
    done: await listMyDone(db, { accountId: options.accountId, limit: options.doneLimit }),
  };
}
