/**
 * The text model the rule extractors work on: sentences with their document, innermost section and
 * clause label; whose rules a document holds (the body's, its office's, its groups'); meeting kinds
 * named in a sentence. Pure.
 */
import type { MeetingKind, SourceSpan } from '../charter-types.ts';
import type { DocumentStructure, ExtractionContext, Section } from '../pipeline-types.ts';
import { BODY_KIND_WORDS, GROUP_WORDS, type DocumentSubject } from './actors.ts';
import { MAX_LINE } from '../normalize/long-lines.ts';

export interface Sentence {
  /** The sentence as written, final punctuation excluded */
  text: string;
  start: number;
  end: number;
  /** Index into structure.documents (0 when the structure has none) */
  document: number;
  /** Index of the innermost section holding the sentence, or null */
  section: number | null;
  /** Index of the sentence within its innermost section (0 = first) */
  indexInSection: number;
  /** Index of the sentence in the text's list of sentences */
  index: number;
}

/** Sentence-final punctuation; `；` ends a sentence too, since rules are stated clause by clause. */
const SENTENCE_END = /[。！？；;!?]/;

/**
 * Splits `text` into sentences. A line break ends a sentence when the line ends with punctuation, is a
 * short heading, is followed by a blank line or by a numbered section; otherwise it is a soft wrap.
 */
export function splitSentences(text: string, structure: DocumentStructure): Sentence[] {
  const sectionStarts = new Set<number>();
  for (const s of structure.sections) {
    sectionStarts.add(s.source.start);
    // A heading line (三、工作规则) is not part of the first sentence under it.
    if (s.heading !== null && s.body.start > s.source.start) sectionStarts.add(s.body.start);
  }
  const raw: Array<{ start: number; end: number }> = [];
  let start = 0;
  const push = (end: number): void => {
    raw.push({ start, end });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (SENTENCE_END.test(c)) {
      push(i);
      start = i + 1;
      continue;
    }
    if (sectionStarts.has(i) && i > start) {
      push(i);
      start = i;
      continue;
    }
    if (c === '\n') {
      // A soft wrap joins lines, but a sentence stays bounded (lines are at most MAX_LINE long)
      if (i - start >= MAX_LINE || lineBreakEndsSentence(text, i, sectionStarts)) {
        push(i);
        start = i + 1;
      }
    }
  }
  push(text.length);

  const out: Sentence[] = [];
  const perSection = new Map<number | null, number>();
  let lastSection: number | null | undefined;
  const sweep = sectionSweep(structure);
  for (const r of raw) {
    const trimmed = trimSpan(text, r.start, r.end);
    if (trimmed === null) continue;
    const sentenceText = text.slice(trimmed.start, trimmed.end).replace(/\s*\n\s*/g, '');
    if (sentenceText.length === 0) continue;
    const section = sweep(trimmed.start);
    const document = section !== null ? (structure.sections[section] as Section).document : documentAt(structure, trimmed.start);
    const n = section === lastSection ? (perSection.get(section) ?? 0) : 0;
    perSection.set(section, n + 1);
    lastSection = section;
    out.push({ text: sentenceText, start: trimmed.start, end: trimmed.end, document, section, indexInSection: n, index: out.length });
  }
  return out;
}

function lineBreakEndsSentence(text: string, i: number, sectionStarts: Set<number>): boolean {
  let p = i - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\t' || text[p] === '\r' || text[p] === '\u3000')) p--;
  const prev = p >= 0 ? (text[p] as string) : '\n';
  if (prev === '\n' || /[。！？；;:：!?]/.test(prev)) return true;
  let q = i + 1;
  while (q < text.length && /[ \t\r\u3000]/.test(text[q] as string)) q++;
  if (q >= text.length || text[q] === '\n') return true;
  if (sectionStarts.has(q)) return true;
  // A short line without commas is a heading or a title line.
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  const line = text.slice(lineStart, i).trim();
  return line.length <= 25 && !/[，,、]/.test(line);
}

function trimSpan(text: string, start: number, end: number): SourceSpan | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return e > s ? { start: s, end: e } : null;
}

/**
 * The innermost section at increasing offsets, in one pass over the sections (they are nested and in
 * text order): call it with offsets that never decrease.
 */
function sectionSweep(structure: DocumentStructure): (offset: number) => number | null {
  const order = structure.sections.map((_, i) => i).sort((a, b) => {
    const sa = structure.sections[a] as Section;
    const sb = structure.sections[b] as Section;
    return sa.source.start - sb.source.start || sa.depth - sb.depth;
  });
  const open: number[] = [];
  let next = 0;
  return (offset: number): number | null => {
    while (next < order.length && (structure.sections[order[next] as number] as Section).source.start <= offset) {
      open.push(order[next] as number);
      next++;
    }
    // Drop sections that ended; keep the deepest one still open.
    for (let i = open.length - 1; i >= 0; i--) {
      if ((structure.sections[open[i] as number] as Section).source.end <= offset) open.splice(i, 1);
    }
    let best: number | null = null;
    let bestDepth = -1;
    for (const i of open) {
      const s = structure.sections[i] as Section;
      if (s.depth >= bestDepth) {
        best = i;
        bestDepth = s.depth;
      }
    }
    return best;
  };
}

/** Index of the deepest section whose source contains `offset`, or null. */
export function innermostSection(structure: DocumentStructure, offset: number): number | null {
  let best: number | null = null;
  let bestDepth = -1;
  structure.sections.forEach((s, i) => {
    if (s.source.start <= offset && offset < s.source.end && s.depth >= bestDepth) {
      best = i;
      bestDepth = s.depth;
    }
  });
  return best;
}

export function documentAt(structure: DocumentStructure, offset: number): number {
  let found = 0;
  structure.documents.forEach((d, i) => {
    if (d.source.start <= offset && offset < d.source.end) found = i;
  });
  return found;
}

/** The chain of sections from the top level down to `index`. */
export function sectionChain(structure: DocumentStructure, index: number): Section[] {
  const chain: Section[] = [];
  let cur: number | null = index;
  while (cur !== null) {
    const s: Section | undefined = structure.sections[cur];
    if (s === undefined) break;
    chain.unshift(s);
    cur = s.parent;
  }
  return chain;
}

/**
 * The clause label a user is shown: `第十三条` for an article; otherwise the labels from the top level
 * down (`三、（二）2.`), followed by the innermost heading when it is a short title
 * (`三、工作规则`, `三、（一）工作专班会议制度`).
 */
export function clauseLabel(structure: DocumentStructure, section: number | null): string | null {
  if (section === null) return null;
  const chain = sectionChain(structure, section);
  const inner = chain[chain.length - 1];
  if (inner === undefined) return null;
  if (inner.numbering === 'article') return inner.label.trim();
  const fromArticle = chain.findIndex((s) => s.numbering === 'article');
  const used = fromArticle >= 0 ? chain.slice(fromArticle) : chain;
  const labels = used.map((s) => s.label.trim()).join('');
  const heading = shortHeading(inner.heading);
  return heading === null ? labels : `${labels}${heading}`;
}

function shortHeading(heading: string | null): string | null {
  if (heading === null) return null;
  const h = heading.replace(/\s+/g, '').replace(/[。：:；;，,]+$/, '');
  if (h.length === 0 || h.length > 16 || /[，,；;。]/.test(h)) return null;
  return h;
}

/** Whose rules each document holds, from its title: the office's (办公室…细则), the groups' (专题组…细则), or the body's. */
export function documentSubjects(ctx: ExtractionContext): DocumentSubject[] {
  const names = bodyNames(ctx);
  return ctx.structure.documents.map((d) => {
    // The issuer before 关于 (某县人民政府办公室关于…) is not the subject of the document
    let rest = d.title.replace(/\s+/g, '').replace(/^.*?关于/, '').replace(/^[^，。]*?(?:人民政府|政府)办公(?:室|厅)/, '');
    for (const n of names) rest = rest.split(n).join('');
    if (/办公室/.test(rest) && /(规则|细则|制度|办法|职责)/.test(rest)) return 'office';
    if (GROUP_WORDS.some((g) => rest.includes(g)) && /(规则|细则|制度|办法|职责)/.test(rest)) return 'group';
    return 'body';
  });
}

/** The names the body goes by: its full name, the short name it gives itself (以下简称…), and its kind word. */
export function bodyNames(ctx: ExtractionContext): string[] {
  const names = new Set<string>();
  const full = ctx.body.name.replace(/\s+/g, '');
  if (full.length > 0) names.add(full);
  for (const m of ctx.text.matchAll(/以下简称[“"「]?([^”"」）)，,。]{2,20})[”"」]?[）)]/g)) {
    const short = (m[1] as string).trim();
    if (full.length === 0 || full.includes(short) || BODY_KIND_WORDS.some((w) => short.endsWith(w))) names.add(short);
  }
  for (const w of BODY_KIND_WORDS) if (full.endsWith(w)) names.add(w);
  return [...names].sort((a, b) => b.length - a.length);
}

export interface MeetingMention {
  kind: MeetingKind;
  start: number;
  end: number;
}

const GROUP_ALT = GROUP_WORDS.join('|');
/** Meeting names, most specific first. `会议` alone is unspecific. */
const MEETING_PATTERNS: Array<{ re: RegExp; kind: MeetingKind | 'body' }> = [
  { re: new RegExp(`(?:${GROUP_ALT})(?:[^，,。；;]{0,12}?)(?:全体会议|专题会议|会议)`, 'g'), kind: 'group' },
  { re: /联络员(?:工作)?会议/g, kind: 'liaison' },
  { re: /(?:全体(?:成员)?会议|全体会|全会|全员会议)/g, kind: 'plenary' },
  { re: /专题(?:协调|研究|工作)?会议/g, kind: 'topical' },
  { re: /办公室(?:主任)?(?:工作)?会议/g, kind: 'office' },
  { re: /(?:工作例会|工作会议|例会|调度会(?:议)?|推进会(?:议)?)/g, kind: 'working' },
];

/**
 * Meetings named in `sentence`, in order. A meeting named by the body's own name (召开联席会议,
 * 协调小组会议) is the body's meeting, kind `any`.
 */
export function meetingMentions(sentence: string, names: string[]): MeetingMention[] {
  const found: MeetingMention[] = [];
  const taken = (s: number, e: number): boolean => found.some((f) => s < f.end && f.start < e);
  for (const { re, kind } of MEETING_PATTERNS) {
    for (const m of sentence.matchAll(re)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken(s, e)) continue;
      found.push({ kind: kind === 'body' ? 'any' : kind, start: s, end: e });
    }
  }
  for (const n of names) {
    const re = new RegExp(`${escapeRegExp(n)}(?:会议)?`, 'g');
    for (const m of sentence.matchAll(re)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken(s, e)) continue;
      const isMeeting = m[0].endsWith('会议') && (n.endsWith('会议') ? m[0].length > n.length || meetingContext(sentence, s, e) : true);
      if (isMeeting) found.push({ kind: 'any', start: s, end: e });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether a body name that itself ends in 会议 (联席会议) is used as a meeting here. */
function meetingContext(sentence: string, s: number, e: number): boolean {
  const before = sentence.slice(Math.max(0, s - 3), s);
  const after = sentence.slice(e, e + 4);
  return /(召开|举行|参加|出席|主持)$/.test(before) || /^(召开|前|之前|时|上|的会议|会前|议题|纪要)/.test(after);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The default meeting kind of a document: its office's meetings in the office's rules, its groups' in theirs. */
export function defaultMeetingKind(subject: DocumentSubject): MeetingKind {
  return subject === 'office' ? 'office' : subject === 'group' ? 'group' : 'any';
}

/**
 * Maps a meeting kind named in a document to what it is there: in a group's rules its plenary and topical
 * meetings are the group's. A meeting named by the body's name (协调小组会议) stays the body's (`any`).
 */
export function kindInDocument(kind: MeetingKind, subject: DocumentSubject): MeetingKind {
  if (subject === 'group' && (kind === 'plenary' || kind === 'topical' || kind === 'working')) return 'group';
  return kind;
}
