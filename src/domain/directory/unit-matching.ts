/**
 * Matching a member unit named by a charter to the shared unit directory.
 *
 * One directory serves all bodies: a unit is identified by its normalised name within a region
 * (GB/T 2260 code of the body that names it; null for national bodies), and any of its known
 * aliases (`某某银行某某分行(某某局某某分局)`) matches it too. Pure: no I/O.
 */
import { unitNameKey } from './unit-name.ts';

/** A unit as the directory holds it. */
export interface DirectoryUnit {
  id: string;
  name: string;
  /** `unitNameKey(name)` */
  normalizedKey: string;
  regionCode: string | null;
  aliases: string[];
}

/** A unit as a charter names it. */
export interface UnitCandidate {
  name: string;
  aliases: string[];
  regionCode: string | null;
}

/** Every key a candidate may be known by: its name's key first, then its aliases' keys. */
export function candidateKeys(candidate: Pick<UnitCandidate, 'name' | 'aliases'>): string[] {
  const keys = [unitNameKey(candidate.name), ...candidate.aliases.map(unitNameKey)].filter((k) => k !== '');
  return [...new Set(keys)];
}

/**
 * Finds the directory unit a candidate denotes, or null. Only units of the same region qualify.
 * A match on the unit's own name wins over a match through an alias (on either side); among
 * equals the first unit in directory order wins, so the result is deterministic.
 */
export function matchUnit(candidate: UnitCandidate, directory: readonly DirectoryUnit[]): DirectoryUnit | null {
  const sameRegion = directory.filter((u) => u.regionCode === candidate.regionCode);
  const nameKey = unitNameKey(candidate.name);
  if (nameKey === '') return null;
  const byName = sameRegion.find((u) => u.normalizedKey === nameKey);
  if (byName) return byName;
  const keys = new Set(candidateKeys(candidate));
  for (const unit of sameRegion) {
    if (keys.has(unit.normalizedKey)) return unit;
    if (unit.aliases.some((alias) => keys.has(unitNameKey(alias)))) return unit;
  }
  return null;
}

/** Aliases of `candidate` the directory unit does not know yet (to be added to it). */
export function newAliases(unit: DirectoryUnit, candidate: Pick<UnitCandidate, 'name' | 'aliases'>): string[] {
  const known = new Set([unit.normalizedKey, ...unit.aliases.map(unitNameKey)]);
  const added: string[] = [];
  for (const name of [candidate.name, ...candidate.aliases]) {
    const key = unitNameKey(name);
    if (key !== '' && !known.has(key)) {
      known.add(key);
      added.push(name);
    }
  }
  return added;
}
