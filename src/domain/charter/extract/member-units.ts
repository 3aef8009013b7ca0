/**
 * Member units of the body: from the list sentence (`由…等N个部门和单位组成`, `…等为成员单位`,
 * `成员单位：…`), the lead unit (`某某部为牵头单位`, `牵头单位为…`, `由…牵头`), and, when the text has
 * no list, from a per-unit duties section (`市编办：…`). Pure.
 */
import type { MemberUnit, SourceSpan } from '../charter-types.ts';
import { SENTENCE_BOUNDARY, boundaryAfter, boundaryBefore, insideAny, splitLines, trimSpan } from './text-lines.ts';
import { parseUnitList, stripAlias } from './unit-list.ts';
import type { UnitList } from './unit-list.ts';
import { parseChineseNumber } from '../../text/chinese-numerals.ts';
import { looksLikeUnit, matchUnit, unitKey } from './unit-names.ts';

export interface MemberListCandidate {
  list: UnitList;
  /** The phrase that marked the list (组成, 为成员单位, 成员单位：) */
  marker: string;
}

/** A number; it starts where a run of digits starts (a match never begins inside one: linear time). */
const NUM = '(?<![0-9０-９零〇一二两三四五六七八九十百])[0-9０-９零〇一二两三四五六七八九十百]+';

/**
 * `成员包括` / `成员为` / `成员由` / `成员：` opening a list of units whose officials are the members (the
 * sentence closes with their role phrase: 分管负责同志).
 */
export const MEMBERS_INCLUDE = /(?<![办公室组])成员(?:包括|为|由|[:：])(?!单位)/gu;

/** A role phrase closing such a list: 等单位分管负责同志(组成). */
const MEMBERS_INCLUDE_TAIL = new RegExp(
  `(?:等)?(?:${NUM}个)?(?:部门和单位|单位和部门|部门|单位)?(?:的)?((?:主要|分管|有关|相关)?(?:负责同志|负责人|领导同志))(?:组成|担任)?$`,
  'u',
);

/**
 * Where the list after `成员包括` ends (before the role phrase, so that 等N个部门和单位 is still the
 * list's terminator), or null when the sentence does not close with a role phrase.
 */
export function membersIncludeEnd(text: string, start: number): number | null {
  const end = boundaryAfter(text, start, /[。；;\n]/u);
  const tail = MEMBERS_INCLUDE_TAIL.exec(text.slice(start, end));
  if (tail === null || tail[1] === undefined) return null;
  return start + tail.index + tail[0].indexOf(tail[1]);
}

/** The last `ch` in `text[floor, before)`, or -1. */
function lastIndexFrom(text: string, ch: string, before: number, floor: number): number {
  for (let i = before - 1; i >= floor; i--) if (text[i] === ch) return i;
  return -1;
}

/** Unit lists that name the body's members, outside the given ranges (groups, categories). */
export function findMemberListCandidates(text: string, exclude: readonly SourceSpan[] = []): MemberListCandidate[] {
  const out: MemberListCandidate[] = [];
  const seen = new Set<number>();
  const add = (start: number, end: number, marker: string, dropLeading: boolean): void => {
    const list = parseUnitList(text, start, end, { dropLeadingNonUnits: dropLeading });
    if (list.items.length === 0 || seen.has(list.source.start)) return;
    if (insideAny(list.source, exclude)) return;
    seen.add(list.source.start);
    out.push({ list, marker });
  };

  // 由 A、B…等N个部门和单位组成 / 由 A、B…组成. A list starts after the previous marker of its
  // kind at the latest, so that a run of markers is read once (linear time).
  const composed = new RegExp(`(?:(?:等|共|计)?(?:${NUM}个)?(?:成员单位|部门和单位|单位和部门|部门|单位)?(?:共同)?组成)`, 'gu');
  let floor = 0;
  for (const m of text.matchAll(composed)) {
    const sentenceStart = Math.max(floor, boundaryBefore(text, m.index, /[。\n]/u));
    floor = m.index + m[0].length;
    const by = lastIndexFrom(text, '由', m.index, sentenceStart);
    if (by < 0) continue;
    add(by + 1, m.index + m[0].length, '组成', true);
  }
  // …等为成员单位 / …为成员单位
  floor = 0;
  for (const m of text.matchAll(/(?:等)?(?:为|作为)(?:工作专班|联席会议|领导小组|协调小组|小组)?成员单位/gu)) {
    const start = Math.max(floor, boundaryBefore(text, m.index, /[。\n：:]/u));
    floor = m.index + m[0].length;
    add(start, m.index + m[0].length, '为成员单位', true);
  }
  // 区委某部、区某某委…分管负责人为成员: the units of people named by a shared role phrase
  floor = 0;
  for (const m of text.matchAll(/(?:为|任|担任)(?:联席会议|工作专班|专班|领导小组|协调小组|小组|指挥部)?成员(?!单位)/gu)) {
    const start = Math.max(floor, boundaryBefore(text, m.index, /[。\n：:；;]/u));
    floor = m.index + m[0].length;
    const list = parseUnitList(text, start, m.index, { dropLeadingNonUnits: true });
    if (list.rolePhrase === null || list.items.length < 2 || seen.has(list.source.start) || insideAny(list.source, exclude)) continue;
    seen.add(list.source.start);
    out.push({ list, marker: '为成员' });
  }
  // 成员包括甲、乙…等单位分管负责同志: the units whose officials are the members
  for (const m of text.matchAll(MEMBERS_INCLUDE)) {
    const start = m.index + m[0].length;
    const end = membersIncludeEnd(text, start);
    if (end !== null) add(start, end, '成员包括', false);
  }
  // 成员单位：… / 成员单位为… / 成员单位包括…
  const labelled = [...text.matchAll(/成员单位(?:为|包括|有)?[:：]|成员单位(?:为|包括)/gu)];
  for (let k = 0; k < labelled.length; k++) {
    const m = labelled[k] as RegExpExecArray;
    const start = m.index + m[0].length;
    // The list ends at its sentence's end, or where the next such label starts
    add(start, Math.min(boundaryAfter(text, start, /[。\n]/u), labelled[k + 1]?.index ?? text.length), '成员单位：', false);
  }
  out.push(...listsUnderHeading(text, exclude, seen));
  return out;
}

/** A heading line naming the member units (一、成员单位 / 成员单位（共4个）： / 成员单位名单), count optional. */
const UNIT_HEADING_RE = new RegExp(
  `^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百]+条)?[\\s\\u3000]*(?:成员单位|组成单位)(?:名单)?[\\s\\u3000]*(?:[（(](?:共|计)?(${NUM})个(?:成员单位|部门和单位|单位|部门)?[）)])?[\\s\\u3000]*[:：]?[\\s\\u3000]*$`,
  'u',
);

/** A stated count closing a list line: （共5个） / （计5个单位）. */
const TRAILING_COUNT_RE = new RegExp(`[（(](?:共|计)(${NUM})个(?:成员单位|部门和单位|单位|部门)?[）)][。；;]?$`, 'u');

/**
 * The member list written under its own heading, one unit per line or several per line
 * (`一、成员单位` ⏎ `县委宣传部、县文明办…（共5个）`): the lines after the heading up to a blank line,
 * a numbered section or a line that is not a list of units.
 */
function listsUnderHeading(text: string, exclude: readonly SourceSpan[], seen: Set<number>): MemberListCandidate[] {
  const out: MemberListCandidate[] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const heading = UNIT_HEADING_RE.exec((lines[i] as { text: string }).text.trim());
    if (heading === null) continue;
    let stated = heading[1] !== undefined ? parseChineseNumber(heading[1]) : null;
    let end = -1;
    let start = -1;
    for (let j = i + 1; j < lines.length && j <= i + 400; j++) {
      const line = lines[j] as { text: string; start: number; end: number };
      const t = line.text.trim();
      if (t === '' || /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百]+条)/u.test(t)) break;
      const count = TRAILING_COUNT_RE.exec(t);
      const bare = count ? t.slice(0, count.index) : t;
      const items = bare.split(/[、，,；;]/u).map((x) => stripAlias(x.replace(/[。]$/u, '').trim()).name).filter((x) => x !== '');
      if (items.length === 0 || !items.every((x) => looksLikeUnit(x) && !/设在|设于|承担|担任|为|由/u.test(x))) break;
      if (count?.[1] !== undefined) stated = parseChineseNumber(count[1]);
      if (start === -1) start = line.start;
      end = count ? line.start + line.text.indexOf(t) + count.index : line.end;
      if (count) break;
    }
    if (start === -1) continue;
    const list = parseUnitList(text, start, end);
    if (list.items.length === 0 || seen.has(list.source.start) || insideAny(list.source, exclude)) continue;
    seen.add(list.source.start);
    out.push({ list: { ...list, stated: list.stated ?? stated }, marker: '成员单位：' });
  }
  return out;
}

/** The general member list: the longest candidate. */
export function chooseMemberList(candidates: readonly MemberListCandidate[]): MemberListCandidate | null {
  let best: MemberListCandidate | null = null;
  for (const c of candidates) if (!best || c.list.items.length > best.list.items.length) best = c;
  return best;
}

/** Deduplicating builder of member units (by name key and aliases). */
export class MemberUnitSet {
  readonly units: MemberUnit[] = [];

  add(name: string, aliases: readonly string[], source: SourceSpan, lead = false): MemberUnit {
    const existing = this.units.find(
      (u) => unitKey(u.name) === unitKey(name) || u.aliases.some((a) => unitKey(a) === unitKey(name)) || aliases.some((a) => unitKey(a) === unitKey(u.name)),
    ) ?? matchUnit(name, this.units);
    if (existing) {
      for (const a of [...aliases, name]) {
        if (a !== existing.name && !existing.aliases.includes(a)) existing.aliases.push(a);
      }
      if (lead) existing.lead = true;
      return existing;
    }
    const unit: MemberUnit = { name, aliases: [...aliases], lead, source };
    this.units.push(unit);
    return unit;
  }
}

export interface LeadMention {
  name: string;
  aliases: string[];
  source: SourceSpan;
}

/** The body's lead units: `X为牵头单位`, `牵头单位为X`, `由X牵头` (outside group ranges). */
export function findLeadUnits(text: string, exclude: readonly SourceSpan[] = []): LeadMention[] {
  const found: LeadMention[] = [];
  const addList = (start: number, end: number): void => {
    const list = parseUnitList(text, start, end, { rolePhrase: false });
    if (insideAny(list.source, exclude)) return;
    for (const item of list.items) found.push({ name: item.name, aliases: item.aliases, source: item.source });
  };
  for (const m of text.matchAll(/(?:为|作为)(?:联席会议|工作专班|专班|领导小组|协调小组|小组)?(?:的)?牵头单位/gu)) {
    const start = boundaryBefore(text, m.index);
    addList(start, m.index);
  }
  for (const m of text.matchAll(/牵头单位(?:为|是|[:：])([^，,；;。\n]+)/gu)) {
    const start = m.index + m[0].length - (m[1] ?? '').length;
    addList(start, m.index + m[0].length);
  }
  for (const m of text.matchAll(/由([^，,；;。\n由]{2,40}?)牵头(?![单部])/gu)) {
    const sentenceStart = boundaryBefore(text, m.index, SENTENCE_BOUNDARY);
    if (/专题组|保障组|工作组|类别/u.test(text.slice(sentenceStart, m.index))) continue;
    const start = m.index + 1;
    addList(start, start + (m[1] ?? '').length);
  }
  return found.filter((f) => looksLikeUnit(f.name));
}

/** Units heading the entries of a per-unit duties section (`市编办：…`). */
export function findDutyUnits(text: string): Array<{ name: string; aliases: string[]; source: SourceSpan }> {
  const out: Array<{ name: string; aliases: string[]; source: SourceSpan }> = [];
  let inSection = false;
  for (const line of splitLines(text)) {
    const t = line.text.trim();
    if (/^[一二三四五六七八九十]+、|^第[一二三四五六七八九十百]+[章节]/u.test(t)) {
      inSection = /成员单位.{0,8}职责|职责分工|部门职责|单位职责/u.test(t);
      continue;
    }
    if (!inSection) continue;
    const m = /^([^：:，,。；;]{2,30})[：:]/u.exec(line.text);
    if (!m?.[1]) continue;
    const span = trimSpan(text, line.start, line.start + m[1].length);
    const { name, aliases } = stripAlias(text.slice(span.start, span.end));
    if (looksLikeUnit(name)) out.push({ name, aliases, source: span });
  }
  return out;
}
