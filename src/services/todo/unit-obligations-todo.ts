/**
 * What the reader's unit owes, for a member or liaison: the unit's cross-body view
 * (src/services/incoming-documents/unit-obligations.ts) narrowed to the bodies where the reader
 * speaks for that unit today. One read per unit the reader represents, never one per body.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { ObligationProvider, ObligationRow } from '../incoming-documents/unit-obligations.ts';
import { workingStanding, calendarStanding } from './todo-days.ts';
import { bodyNameOf } from './todo-types.ts';
import type { TodoItem, TodoKind, TodoQuery } from './todo-types.ts';

/** The units the reader represents (member or liaison) and, for each, the active bodies it does so in. */
export function representedUnits(query: TodoQuery): Map<string, Set<string>> {
  const units = new Map<string, Set<string>>();
  for (const body of query.bodies.values()) {
    if (!body.active) continue;
    for (const role of body.roles) {
      if ((role.role !== 'member' && role.role !== 'liaison') || role.unitId === null) continue;
      const set = units.get(role.unitId) ?? new Set<string>();
      set.add(body.id);
      units.set(role.unitId, set);
    }
  }
  return units;
}

/** The obligations of `provider` for every unit the reader represents, as to-do items of `kind`. */
export async function unitObligationTodo(
  db: DbOrTx,
  query: TodoQuery,
  options: { provider: ObligationProvider; kind: TodoKind; kindName: (row: ObligationRow) => string; workingDays: boolean },
): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  for (const [unitId, bodyIds] of representedUnits(query)) {
    const rows = await options.provider(db, { clock: query.clock, unitId, mayRead: (bodyId) => Promise.resolve(bodyIds.has(bodyId)) });
    for (const row of rows) {
      if (!bodyIds.has(row.bodyId)) continue;
      items.push({
        kind: options.kind,
        kindName: options.kindName(row),
        id: row.id,
        title: row.title,
        bodyId: row.bodyId,
        bodyName: bodyNameOf(query, row.bodyId),
        ...(options.workingDays ? workingStanding(row) : calendarStanding(query.today, row.deadline)),
        statusName: row.role === 'co' ? `${row.statusName}（配合）` : row.statusName,
        link: row.link,
      });
    }
  }
  return items;
}
