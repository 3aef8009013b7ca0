/**
 * The shapes of the to-do centre (待办): what every provider is given (the reader, today, the bodies
 * they sit in with the roles held today, resolved once) and what it gives back. A provider reads its
 * source once for all of those bodies; a kind of waiting thing is added by adding a provider.
 */
import type { Clock } from '../../config/clock.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { BodyRoleGrant } from '../../domain/access/roles.ts';
import type { Charter } from '../../domain/charter/charter-types.ts';
import type { GateRole } from '../../domain/charter-gates/gate-types.ts';
import type { TodoItemDto, TodoKind } from '../../contracts/todo.ts';
import type { PendingMinutesRow } from '../../repositories/todo-repository.ts';
import type { DecisionItem } from '../decisions/decision-views.ts';

export type TodoItem = TodoItemDto;
export type { TodoKind };

/** A body the reader sits in today, with the roles held there. */
export interface TodoBody {
  id: string;
  name: string;
  active: boolean;
  regionCode: string | null;
  roles: readonly BodyRoleGrant[];
  /** The same roles as the charter gates read them */
  gateRoles: readonly GateRole[];
}

/** What every provider is given. Shared reads are memoised: asked by two providers, read once. */
export interface TodoQuery {
  clock: Clock;
  accountId: string;
  personId: string | null;
  /** Today in Asia/Shanghai (YYYY-MM-DD) */
  today: string;
  /** The bodies the reader sits in today, by id */
  bodies: ReadonlyMap<string, TodoBody>;
  /** The charters in force of the reader's active bodies (one read) */
  charters(): Promise<ReadonlyMap<string, Charter>>;
  /** Minutes not yet issued in the bodies (one read) */
  pendingMinutes(): Promise<readonly PendingMinutesRow[]>;
  /** Open decided items of the bodies where the reader is office staff, with today's standing (one read) */
  officeDecisions(): Promise<readonly DecisionItem[]>;
}

/** A source of to-do items. */
export type TodoProvider = (db: DbOrTx, query: TodoQuery) => Promise<TodoItem[]>;

/** The ids of the active bodies where the reader holds one of `roles`. */
export function bodiesWithRole(query: TodoQuery, roles: readonly BodyRoleGrant['role'][]): string[] {
  return [...query.bodies.values()].filter((body) => body.active && body.roles.some((r) => roles.includes(r.role))).map((body) => body.id);
}

/** The body's name (the reader sits in it). */
export function bodyNameOf(query: TodoQuery, bodyId: string): string {
  return query.bodies.get(bodyId)?.name ?? '';
}
