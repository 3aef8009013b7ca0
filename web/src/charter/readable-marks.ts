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

/** Keeps marks that overlap none kept before them (in the given order), sorted by start. */
function layer(marks: readonly Mark[]): Mark[] {
  const kept: Mark[] = [];
  for (const mark of marks) {
    if (!kept.some((k) => k.start < mark.end && mark.start < k.end)) kept.push(mark);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Every fact's mark in two layers, each non-overlapping and in text order: member units, and the
 * rest (a person's roster line, the office, a function, a rule) by precedence. A unit may stand
 * inside a person's line: both are shown.
 */
export function readableMarks(charter: CharterLike): { units: Mark[]; others: Mark[] } {
  const length = charter.normalizedText.length;
  const units = charter.memberUnits
    .map((u) => ({ ...clampSpan(u.source, length), kind: 'unit' as const, label: u.name }))
    .filter((m) => m.end > m.start);
  const others: Mark[] = [
    ...charter.roles.map((r) => ({ ...clampSpan(r.source, length), kind: 'person' as const, label: `${r.title}：${r.person ?? r.position ?? ''}` })),
    ...(charter.office === null ? [] : [{ ...clampSpan(charter.office.source, length), kind: 'office' as const, label: charter.office.hostUnit ?? '' }]),
    ...charter.functions.map((f) => ({ ...clampSpan(f.source, length), kind: 'function' as const, label: f.text })),
    ...charter.rules.map((r) => ({ ...clampSpan(r.source, length), kind: 'rule' as const, label: r.type })),
  ].filter((m) => m.end > m.start);
  const rank = (m: Mark): number => MARK_KINDS.indexOf(m.kind);
  return { units: layer(units), others: layer([...others].sort((a, b) => rank(a) - rank(b) || a.start - b.start)) };
}

export interface TextPiece extends Span {
  /** The member unit this piece is part of, or null */
  unit: Mark | null;
  /** The other fact this piece is part of, or null */
  other: Mark | null;
}

/** The text cut at every mark's ends: each piece with the unit and the other fact it lies in. */
export function markPieces(length: number, marks: { units: readonly Mark[]; others: readonly Mark[] }): TextPiece[] {
  const cuts = new Set<number>([0, length]);
  for (const m of [...marks.units, ...marks.others]) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= length).sort((a, b) => a - b);
  const pieces: TextPiece[] = [];
  let u = 0;
  let o = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? length;
    while (u < marks.units.length && (marks.units[u]?.end ?? 0) <= start) u++;
    while (o < marks.others.length && (marks.others[o]?.end ?? 0) <= start) o++;
    const unit = marks.units[u];
    const other = marks.others[o];
    pieces.push({
      start,
      end,
      unit: unit !== undefined && unit.start <= start && end <= unit.end ? unit : null,
      other: other !== undefined && other.start <= start && end <= other.end ? other : null,
    });
  }
  return pieces;
}
