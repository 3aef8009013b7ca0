/**
 * Reading an offset map (`OffsetRun[]`): from a normalized offset back to the original. Pure.
 */
import type { OffsetRun, SourceSpan } from '../charter-types.ts';

/** Index of the run that holds normalized offset `n`. */
function runIndex(map: readonly OffsetRun[], n: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((map[mid]?.[0] ?? 0) <= n) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The original offset of the character at normalized offset `n`. */
export function toOriginalOffset(map: readonly OffsetRun[], n: number): number {
  if (map.length === 0) return n;
  const run = map[runIndex(map, n)] ?? [0, 0];
  return run[1] + (n - run[0]);
}

/**
 * The original span a normalized span came from: from the original offset of its first character
 * to just after the original offset of its last character.
 */
export function toOriginalSpan(map: readonly OffsetRun[], span: SourceSpan): SourceSpan {
  if (span.end <= span.start) {
    const at = toOriginalOffset(map, span.start);
    return { start: at, end: at };
  }
  return { start: toOriginalOffset(map, span.start), end: toOriginalOffset(map, span.end - 1) + 1 };
}
