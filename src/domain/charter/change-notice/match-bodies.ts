/**
 * Matching a body name a notice gives to existing bodies, by name and alias, with a confidence:
 * 1 for the same name, 0.95 for an alias, 0.85 when the names agree once the region or issuer
 * prefix and quotes are dropped (国务院…联席会议 / …联席会议), else the share of shared character
 * pairs (Dice) scaled below 0.8, kept from 0.5 up. Pure.
 */
import { unitNameKey } from '../../directory/unit-name.ts';
import type { BodyCandidate, BodyMatch } from './change-notice-types.ts';

/** Prefixes a notice may drop or add: 国务院, 省/市/县/区 names (广东省, 某某市人民政府), 中共. */
const PREFIX = /^(?:中共|国务院|[\u4e00-\u9fff]{1,7}?(?:省|自治区|市|自治州|州|盟|县|自治县|区|旗)(?:人民政府|政府|委|委员会)?)/u;

function key(name: string): string {
  return unitNameKey(name).replace(/[“”"‘’《》]/gu, '').replace(/制度$/u, '');
}

/** The name without its region or issuer prefix. */
export function coreName(name: string): string {
  const k = key(name);
  const m = PREFIX.exec(k);
  return m && k.length - m[0].length >= 4 ? k.slice(m[0].length) : k;
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of the character pairs of two strings (0…1). */
export function dice(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  const total = Math.max(1, a.length - 1) + Math.max(1, b.length - 1);
  let shared = 0;
  for (const [g, n] of x) shared += Math.min(n, y.get(g) ?? 0);
  return (2 * shared) / total;
}

const MIN_CONFIDENCE = 0.5;

/** The candidates `name` may mean, best first (ties by name), each once, confidence ≥ 0.5. */
export function matchBodies(name: string, candidates: readonly BodyCandidate[]): BodyMatch[] {
  const target = key(name);
  const targetCore = coreName(name);
  const out: BodyMatch[] = [];
  for (const c of candidates) {
    let best: BodyMatch | null = null;
    const consider = (confidence: number, via: BodyMatch['via']): void => {
      if (best === null || confidence > best.confidence) best = { id: c.id, name: c.name, confidence: Math.round(confidence * 1000) / 1000, via };
    };
    if (key(c.name) === target) consider(1, 'name');
    for (const alias of c.aliases) if (key(alias) === target) consider(0.95, 'alias');
    for (const n of [c.name, ...c.aliases]) {
      if (coreName(n) === targetCore) consider(0.85, 'core_name');
      const similar = dice(coreName(n), targetCore) * 0.8;
      if (similar >= MIN_CONFIDENCE) consider(similar, 'similar');
    }
    if (best !== null) out.push(best);
  }
  return out.sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name));
}
