/**
 * Locating an extracted item in the charter text: the item's `source` span, and the sentence
 * around it (up to the previous and through the next 。；！？ or line break). Pure helpers.
 */

export interface Span {
  start: number;
  end: number;
}

export type SegmentKind = 'plain' | 'sentence' | 'source';

export interface Segment extends Span {
  kind: SegmentKind;
}

const SENTENCE_END = new Set(['。', '；', '！', '？', '\n']);

/** Clamps a span into `[0, length]` with start ≤ end. */
export function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(span.start, length));
  const end = Math.max(start, Math.min(span.end, length));
  return { start, end };
}

/** The sentence(s) the span lies in: from after the previous sentence end to through the next one. */
export function sentenceAround(text: string, span: Span): Span {
  const { start, end } = clampSpan(span, text.length);
  let from = start;
  while (from > 0 && !SENTENCE_END.has(text[from - 1] ?? '')) from -= 1;
  // A span that itself ends a sentence needs no extension.
  let to = end;
  const last = end > start ? text[end - 1] ?? '' : '';
  if (!SENTENCE_END.has(last)) {
    while (to < text.length && !SENTENCE_END.has(text[to] ?? '')) to += 1;
    if (to < text.length && text[to] !== '\n') to += 1;
  }
  while (from < start && /\s/.test(text[from] ?? '')) from += 1;
  return { start: from, end: Math.max(to, end) };
}

/** The text cut into plain / sentence / source segments for highlighting `source`. */
export function highlightSegments(text: string, source: Span | null): Segment[] {
  if (source === null) return [{ start: 0, end: text.length, kind: 'plain' }];
  const marked = clampSpan(source, text.length);
  const sentence = sentenceAround(text, marked);
  const cuts: Segment[] = [
    { start: 0, end: sentence.start, kind: 'plain' },
    { start: sentence.start, end: marked.start, kind: 'sentence' },
    { start: marked.start, end: marked.end, kind: 'source' },
    { start: marked.end, end: sentence.end, kind: 'sentence' },
    { start: sentence.end, end: text.length, kind: 'plain' },
  ];
  return cuts.filter((segment) => segment.end > segment.start);
}
