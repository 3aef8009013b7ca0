/**
 * The body's functions (主要职能 / 主要职责): the duties listed in that section of the body's own rules,
 * one per ；- or 。-separated item. Not its office's, groups' or member units' duties. Pure.
 */
import type { CharterFunction, SourceSpan } from '../charter-types.ts';
import type { Section } from '../pipeline-types.ts';
import type { DocumentSubject } from './actors.ts';
import type { RuleContext } from './rules-context.ts';
import { withoutLabel } from './rules-context.ts';

const FUNCTIONS_HEADING = /职能|职责|主要任务/;
/** Duties of someone other than the body itself. */
const OTHERS = /办公室|办事机构|工作机构|成员单位|各单位|专题组|保障组|工作组|联络员|各部门|牵头单位|协调类别/;
/** A lead-in before the list: 协调小组主要职责是： */
const LEAD_IN = /^[^，。；：]{0,30}?(?:主要)?(?:职能|职责|任务)(?:是|为|如下|包括)?[：:]/;

export function extractFunctions(rc: RuleContext): CharterFunction[] {
  const { structure, text } = rc.ctx;
  const sections = structure.sections;
  const isFunctions = (s: Section): boolean => {
    const heading = headingOf(s, text);
    return heading !== null && FUNCTIONS_HEADING.test(heading) && !OTHERS.test(heading.replace(/及工作制度|和工作制度/, ''));
  };
  const bodyDoc = (s: Section): boolean => (rc.subjects[s.document] ?? 'body') === ('body' satisfies DocumentSubject);
  const childrenOf = new Map<number, number[]>();
  sections.forEach((s, j) => {
    if (s.parent !== null) childrenOf.set(s.parent, [...(childrenOf.get(s.parent) ?? []), j]);
  });
  const children = (i: number): number[] => childrenOf.get(i) ?? [];
  const out: CharterFunction[] = [];
  const visit = (i: number): void => {
    const section = sections[i] as Section;
    const kids = children(i);
    const matchingKids = kids.filter((k) => isFunctions(sections[k] as Section));
    if (matchingKids.length > 0) {
      matchingKids.forEach(visit);
      return;
    }
    if (kids.length > 0 && section.numbering !== 'article' && kids.some((k) => (sections[k] as Section).numbering === 'article')) {
      // 二、主要职责 holding 第五条 (the body's), 第六条 (its office's), 第七条 (its groups') …
      for (const k of kids) {
        const kid = sections[k] as Section;
        const lead = withoutLabel(text.slice(kid.body.start, Math.min(kid.body.end, kid.body.start + 40)));
        const who = /^([^，。；：]{0,20}?)(?:的)?(?:主要)?(?:职能|职责)/.exec(lead);
        if (who !== null && OTHERS.test(who[1] as string)) continue;
        if (who === null && rc.vocabulary.find(lead.slice(0, 8)).some((m) => m.start === 0 && m.actor !== 'body')) continue;
        out.push(...items(text, kid.body));
      }
      return;
    }
    out.push(...items(text, kids.length > 0 ? { start: section.body.start, end: (sections[kids[0] as number] as Section).source.start } : section.body));
    // 一、主要职能 ⏎ （一）… ⏎ （二）…: numbered duties, not someone else's
    for (const k of kids) {
      const kid = sections[k] as Section;
      if (children(k).length > 0) continue;
      const heading = headingOf(kid, text);
      if (heading !== null && OTHERS.test(heading)) continue;
      out.push(...items(text, { start: kid.source.start, end: kid.source.end }));
    }
  };
  const tops = sections.flatMap((s, i) => (isFunctions(s) && bodyDoc(s) && (s.parent === null || !isFunctions(sections[s.parent] as Section)) ? [i] : []));
  tops.forEach(visit);
  return out;
}

function headingOf(s: Section, text: string): string | null {
  if (s.heading !== null && s.heading.trim().length > 0) return s.heading;
  // An article's lead-in: 协调小组主要职责是：
  const lead = /^([^，。；：]{0,30}?)[：:]/.exec(text.slice(s.body.start, Math.min(s.body.end, s.body.start + 40)));
  return lead !== null ? (lead[1] as string) : null;
}

/** The items of a duty list: split on ；。 and line breaks, lead-in and numbering dropped. */
function items(text: string, span: SourceSpan): CharterFunction[] {
  const out: CharterFunction[] = [];
  let start = span.start;
  const slice = text.slice(span.start, span.end);
  const lead = LEAD_IN.exec(slice);
  if (lead !== null) start += lead[0].length;
  const re = /[；;。\n]/g;
  re.lastIndex = start - span.start;
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && /[\s\u3000]/.test(text[s] as string)) s++;
    while (e > s && /[\s\u3000，、]/.test(text[e - 1] as string)) e--;
    const label = /^(?:[（(]\d+[）)]|\d+[.、．]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)/.exec(text.slice(s, e));
    if (label !== null) s += label[0].length;
    if (e - s < 4) return;
    out.push({ text: text.slice(s, e), source: { start: s, end: e } });
  };
  let from = start;
  for (const m of slice.matchAll(re)) {
    const at = span.start + m.index;
    if (at < start) continue;
    push(from, at);
    from = at + 1;
  }
  push(from, span.end);
  return out;
}
