/** Test helper: the seed documents and the unseen fixtures, read once. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SEEDS = join(import.meta.dirname, '../../fixtures/seeds');
const UNSEEN = join(import.meta.dirname, '../../fixtures/unseen');

function load(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) out[f] = readFileSync(join(dir, f), 'utf8');
  return out;
}

export const seeds = load(SEEDS);
export const seedNames = Object.keys(seeds);

/** Seed text by its three-digit prefix: seed('003'). */
export function seed(prefix: string): string {
  const name = seedNames.find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return seeds[name] as string;
}

export function unseenTexts(): Record<string, string> {
  return load(UNSEEN);
}
