/**
 * Bringing a body's stored composition in line with a new charter version: which member units and
 * roles hold on, which end, which start. Items are matched by the same keys the charter diff uses.
 * Pure: no I/O.
 */
import type { RoleKind } from '../charter/charter-types.ts';
import { personNameKey, unitNameKey } from './unit-name.ts';

/** A role as a roster holds it, whether from a charter or from a stored membership. */
export interface RosterEntry {
  kind: RoleKind;
  title: string;
  person: string | null;
  position: string | null;
  unit: string | null;
}

/** The identity of a roster entry: kind + title + person (or position/unit when vacant). */
export function rosterKey(entry: RosterEntry): string {
  const who = entry.person !== null ? `p:${personNameKey(entry.person)}` : `v:${unitNameKey(entry.position ?? entry.unit ?? '')}`;
  return `${entry.kind}|${entry.title}|${who}`;
}

export interface SyncPlan<C, N> {
  /** Current items that the new list still holds, with their new counterpart */
  keep: { current: C; next: N }[];
  /** Current items the new list no longer holds */
  end: C[];
  /** New items with no current counterpart */
  start: N[];
}

/** Matches current items to next ones by key; duplicates pair up in order. */
export function planSync<C, N>(current: readonly C[], next: readonly N[], keyOfCurrent: (c: C) => string, keyOfNext: (n: N) => string): SyncPlan<C, N> {
  const pool = new Map<string, C[]>();
  for (const c of current) {
    const key = keyOfCurrent(c);
    const list = pool.get(key) ?? [];
    list.push(c);
    pool.set(key, list);
  }
  const plan: SyncPlan<C, N> = { keep: [], end: [], start: [] };
  for (const n of next) {
    const match = pool.get(keyOfNext(n))?.shift();
    if (match === undefined) plan.start.push(n);
    else plan.keep.push({ current: match, next: n });
  }
  for (const rest of pool.values()) plan.end.push(...rest);
  return plan;
}
