/**
 * The preamble every gated to-do provider shares: the active bodies where the reader holds a role a
 * charter gate knows, the rows read once for all of them, and each row kept only where its body's
 * charter in force lets the reader's roles take the step (decideGate). A provider gives the read and
 * the gate request of a row; the charters are read once (query.charters) and only when rows exist.
 */
import { decideGate } from '../../domain/charter-gates/check-gate.ts';
import type { GateRequest, GateRole } from '../../domain/charter-gates/gate-types.ts';
import type { TodoQuery } from './todo-types.ts';

/** The ids of the active bodies where the reader holds a role the charter gates know. */
export function gatedBodyIds(query: TodoQuery): string[] {
  return [...query.bodies.values()].filter((body) => body.active && body.gateRoles.length > 0).map((body) => body.id);
}

/**
 * The rows of `read` (called once, with the gated bodies; not called when there are none) whose
 * body's charter gate allows `request(row, roles)` for the reader's roles in that body.
 */
export async function rowsAllowedByGate<Row extends { bodyId: string }>(
  query: TodoQuery,
  options: { read: (bodyIds: string[]) => Promise<readonly Row[]>; request: (row: Row, roles: readonly GateRole[]) => GateRequest },
): Promise<Row[]> {
  const bodyIds = gatedBodyIds(query);
  if (bodyIds.length === 0) return [];
  const rows = await options.read(bodyIds);
  if (rows.length === 0) return [];
  const charters = await query.charters();
  return rows.filter((row) => {
    const charter = charters.get(row.bodyId);
    const roles = query.bodies.get(row.bodyId)?.gateRoles ?? [];
    return charter !== undefined && decideGate(charter, options.request(row, roles)).allowed;
  });
}
