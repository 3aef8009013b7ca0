/**
 * The readable preview's marks: what the importer read, by kind, placed on the charter text by the
 * source spans it keeps for every fact. Overlapping spans keep the more specific kind (a unit or a
 * person inside an office or rule sentence). Pure helpers.
 */
import { clampSpan, type Span } from './source-text.ts';

export type MarkKind = 'unit' | 'person' | 'office' | 'function' | 'rule';

export interface Mark extends Span {
  kind: MarkKind;
  label: string;
}

/** Kinds in order of precedence where spans overlap. */
export const MARK_KINDS: readonly MarkKind[] = ['unit', 'person', 'office', 'function', 'rule'];

interface CharterLike {
  normalizedText: string;
  memberUnits: readonly { name: string; source: Span }[];
  roles: readonly { title: string; person: string | null; position: string | null; source: Span }[];
  office: { hostUnit: string | null; source: Span } | null;
  functions: readonly { text: string; source: Span }[];
  rules: readonly { type: string; source: Span }[];
}

/** Every fact's mark, non-overlapping, in text order. */
export function readableMarks(charter: CharterLike): Mark[] {
  const length = charter.normalizedText.length;
  const candidates: Mark[] = [
    ...charter.memberUnits.map((u) => ({ ...clampSpan(u.source, length), kind: 'unit' as const, label: u.name })),
    ...charter.roles.map((r) => ({ ...clampSpan(r.source, length), kind: 'person' as const, label: `${r.title}：${r.person ?? r.position ?? ''}` })),
    ...(charter.office === null ? [] : [{ ...clampSpan(charter.office.source, length), kind: 'office' as const, label: charter.office.hostUnit ?? '' }]),
    ...charter.functions.map((f) => ({ ...clampSpan(f.source, length), kind: 'function' as const, label: f.text })),
    ...charter.rules.map((r) => ({ ...clampSpan(r.source, length), kind: 'rule' as const, label: r.type })),
  ].filter((m) => m.end > m.start);
  const rank = (m: Mark): number => MARK_KINDS.indexOf(m.kind);
  const kept: Mark[] = [];
  for (const mark of [...candidates].sort((a, b) => rank(a) - rank(b) || a.start - b.start)) {
    if (!kept.some((k) => k.start < mark.end && mark.start < k.end)) kept.push(mark);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export interface TextPiece extends Span {
  mark: Mark | null;
}

/** The text cut into plain pieces and marked pieces. */
export function markPieces(length: number, marks: readonly Mark[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start > at) pieces.push({ start: at, end: mark.start, mark: null });
    pieces.push({ start: mark.start, end: mark.end, mark });
    at = mark.end;
  }
  if (at < length) pieces.push({ start: at, end: length, mark: null });
  return pieces;
}
