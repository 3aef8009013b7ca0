/**
 * Line ranges of a text. Pure.
 */

export interface LineRange {
  /** Offset of the line's first character */
  start: number;
  /** Offset just after the line's last character (before its '\n') */
  end: number;
}

/** The lines of a text ('\n'-separated; the last line may be empty). */
export function lineRanges(text: string): LineRange[] {
  const out: LineRange[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) {
      out.push({ start, end: text.length });
      return out;
    }
    out.push({ start, end: nl });
    start = nl + 1;
  }
}
