/**
 * What every rule extractor sees: the sentences of the text, the actor vocabulary of the body, whose
 * rules each document holds, and helpers to resolve a sentence's clause, subject and meeting kind. Pure.
 */
import type { Actor, MeetingKind, SourceSpan } from '../charter-types.ts';
import type { CompositionResult, ExtractionContext } from '../pipeline-types.ts';
import { ActorVocabulary, type DocumentSubject } from './actors.ts';
import {
  bodyNames,
  clauseLabel,
  defaultMeetingKind,
  documentSubjects,
  kindInDocument,
  meetingMentions,
  splitSentences,
  type Sentence,
} from './rules-text.ts';

export interface RuleBaseFields {
  document: number;
  clause: string | null;
  source: SourceSpan;
}

export interface RuleContext {
  ctx: ExtractionContext;
  vocabulary: ActorVocabulary;
  /** The body's names, longest first */
  names: string[];
  /** Whose rules each document holds */
  subjects: DocumentSubject[];
  sentences: Sentence[];
  /** The first sentence of each section, by section index */
  firstInSection: Map<number, Sentence>;
}

export function buildRuleContext(ctx: ExtractionContext, composition: CompositionResult): RuleContext {
  const names = bodyNames(ctx);
  const sentences = splitSentences(ctx.text, ctx.structure);
  const firstInSection = new Map<number, Sentence>();
  for (const s of sentences) if (s.section !== null && !firstInSection.has(s.section)) firstInSection.set(s.section, s);
  return {
    ctx,
    vocabulary: new ActorVocabulary({ bodyNames: names, roles: composition.roles }),
    names,
    subjects: documentSubjects(ctx),
    sentences,
    firstInSection,
  };
}

/** Whose rules the sentence's document holds. */
export function subjectOf(rc: RuleContext, s: Sentence): DocumentSubject {
  return rc.subjects[s.document] ?? 'body';
}

/** document, clause and source of a rule stated in sentences `first`…`last`. */
export function ruleBase(rc: RuleContext, first: Sentence, last: Sentence = first): RuleBaseFields {
  return {
    document: first.document,
    clause: clauseLabel(rc.ctx.structure, first.section),
    source: { start: first.start, end: Math.max(first.end, last.end) },
  };
}

const LEADING_LABEL =
  /^(?:第[一二三四五六七八九十百零〇两]+条|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[.、．]|[（(]\d+[）)])\s*/;

/** The sentence without its leading section label (第五条, 2., （一）). */
export function withoutLabel(text: string): string {
  return text.replace(LEADING_LABEL, '');
}

/**
 * Who acts in the sentence: the actor it starts with (联席会议办公室要…, 各专题组明确…); else the actor
 * the section's first sentence starts with (协调小组办公室主要职责是：…); else the office for an office's
 * rules, the groups for groups' rules, `fallback` otherwise.
 */
export function subjectActor(rc: RuleContext, s: Sentence, fallback: Actor | null): Actor | null {
  const own = leadingActor(rc, s);
  if (own !== null) return own;
  if (s.section !== null && s.indexInSection > 0) {
    const first = rc.firstInSection.get(s.section);
    if (first !== undefined) {
      const lead = leadingActor(rc, first);
      if (lead !== null && /职责|职能|负责/.test(first.text)) return lead;
    }
  }
  const subject = subjectOf(rc, s);
  if (subject === 'office') return 'office';
  if (subject === 'group') return 'group';
  return fallback;
}

function leadingActor(rc: RuleContext, s: Sentence): Actor | null {
  const text = withoutLabel(s.text);
  const mentions = rc.vocabulary.find(text, subjectOf(rc, s));
  const first = mentions[0];
  if (first === undefined) return null;
  const prefix = text.slice(0, first.start);
  return /^[各市县区省]?$/.test(prefix) ? first.actor : null;
}

/**
 * The meeting a sentence is about: the first meeting it names before `before` (an offset into the
 * sentence); else the last one named earlier in its section (会议由组长主持 after 全体会议每年…);
 * else the document's default (any; the office's meetings in its rules; the groups' in theirs).
 */
export function meetingKindOf(rc: RuleContext, s: Sentence, before: number = s.text.length): MeetingKind {
  const subject = subjectOf(rc, s);
  const own = meetingMentions(s.text, rc.names).filter((m) => m.start < before);
  const specificOwn = own.find((m) => m.kind !== 'any');
  if (specificOwn !== undefined) return kindInDocument(specificOwn.kind, subject);
  if (own.length === 0) {
    for (let i = s.index - 1; i >= 0; i--) {
      const prev = rc.sentences[i] as Sentence;
      if (prev.section !== s.section || s.section === null) break;
      const mentions = meetingMentions(prev.text, rc.names);
      const last = mentions[mentions.length - 1];
      if (last !== undefined) return kindInDocument(last.kind, subject);
    }
  }
  return own.length > 0 ? 'any' : defaultMeetingKind(subject);
}

/** Every meeting kind the sentence names, in order, without repeats. */
export function meetingKindsNamed(rc: RuleContext, s: Sentence): MeetingKind[] {
  const subject = subjectOf(rc, s);
  const kinds = meetingMentions(s.text, rc.names).map((m) => kindInDocument(m.kind, subject));
  return [...new Set(kinds)];
}

/** Splits a list of recipients (甲、乙，以及丙及丁) into its items. (和 is left alone: 文化和旅游部.) */
export function splitList(text: string): string[] {
  return text
    .split(/[、，,；;]|以及|及/)
    .map((x) => x.trim().replace(/^(并|等|给)/, '').replace(/(等|落实|执行|贯彻落实|贯彻执行)$/, ''))
    .filter((x) => x.length > 0);
}
