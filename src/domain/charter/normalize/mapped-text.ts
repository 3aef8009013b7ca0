/**
 * Text that remembers, for every character, the offset in the original it came from. Each
 * normalisation pass reads one `MappedText` and writes the next through an `Editor`, so that
 * dropping, replacing and inserting characters keeps the offset map right. Pure.
 */
import type { OffsetRun } from '../charter-types.ts';

export interface MappedText {
  text: string;
  /** `origin[i]` is the original offset of `text[i]` */
  origin: Int32Array;
}

/** Starts a mapped text from the original: every character maps to itself. */
export function fromOriginal(original: string): MappedText {
  const origin = new Int32Array(original.length);
  for (let i = 0; i < origin.length; i++) origin[i] = i;
  return { text: original, origin };
}

/** Builds the next pass's text from slices of the previous one. */
export class Editor {
  private readonly parts: string[] = [];
  /** Origins written so far, in a buffer that doubles when full */
  private origins: Int32Array;
  private length = 0;

  constructor(private readonly src: MappedText) {
    this.origins = new Int32Array(Math.max(16, src.text.length + 16));
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.origins.length) return;
    const grown = new Int32Array(Math.max(this.origins.length * 2, this.length + extra));
    grown.set(this.origins.subarray(0, this.length));
    this.origins = grown;
  }

  /** Copies `src.text[start, end)` unchanged. */
  keep(start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(this.src.text.slice(start, end));
    this.reserve(end - start);
    this.origins.set(this.src.origin.subarray(start, end), this.length);
    this.length += end - start;
  }

  /**
   * Replaces `src.text[start, end)` with `replacement`. When the lengths agree each character maps
   * to the character it replaces; otherwise every new character maps to the first replaced one.
   */
  replace(start: number, end: number, replacement: string): void {
    if (replacement.length === 0) return;
    const same = replacement.length === end - start;
    const first = this.src.origin[start] ?? this.originAfter(start);
    this.reserve(replacement.length);
    for (let k = 0; k < replacement.length; k++) {
      this.origins[this.length + k] = same ? (this.src.origin[start + k] ?? first) : first;
    }
    this.parts.push(replacement);
    this.length += replacement.length;
  }

  /** Inserts characters that stand for the source position `at` (e.g. a separator). */
  insert(at: number, s: string): void {
    const o = this.src.origin[at] ?? this.originAfter(at);
    this.reserve(s.length);
    for (let k = 0; k < s.length; k++) this.origins[this.length + k] = o;
    this.parts.push(s);
    this.length += s.length;
  }

  /** Number of characters written so far. */
  get size(): number {
    return this.length;
  }

  /** The last character written, or undefined. */
  lastChar(): string | undefined {
    const last = this.parts[this.parts.length - 1];
    return last === undefined ? undefined : last[last.length - 1];
  }

  private originAfter(at: number): number {
    const n = this.src.origin.length;
    if (n === 0) return 0;
    return (this.src.origin[Math.min(at, n - 1)] ?? 0) + (at >= n ? 1 : 0);
  }

  finish(): MappedText {
    return { text: this.parts.join(''), origin: this.origins.slice(0, this.length) };
  }
}

/** Compresses per-character origins into runs (see `OffsetRun`). */
export function toOffsetMap(mapped: MappedText): OffsetRun[] {
  const runs: OffsetRun[] = [];
  const { origin } = mapped;
  for (let i = 0; i < origin.length; i++) {
    const o = origin[i] ?? 0;
    if (i === 0 || o !== (origin[i - 1] ?? 0) + 1) runs.push([i, o]);
  }
  if (runs.length === 0) runs.push([0, 0]);
  return runs;
}
