/**
 * Groups of the body (专题组, 保障组, 协调类别): groups named in a list with a stated count
 * (`下设A组、B组…6个专题组和C组、D组3个保障组`), groups given as numbered blocks with lead and member
 * units (`（一）某某领域类事项。牵头单位：…。成员单位：…等。`), and group duties
 * (`专题组职责是：A组负责…；B组负责…`). Pure.
 */
import type { Finding, Group, GroupKind, SourceSpan } from '../charter-types.ts';
import { parseChineseNumber } from '../../text/chinese-numerals.ts';
import { boundaryBefore, foldSpaces, splitLines, trimSpan } from './text-lines.ts';
import type { Line } from './text-lines.ts';
import { parseUnitList } from './unit-list.ts';
import type { ListItem } from './unit-list.ts';

export interface GroupDraft {
  kind: GroupKind;
  name: string;
  leadUnits: ListItem[];
  memberUnits: ListItem[];
  duties: string[];
  source: SourceSpan;
}

export interface GroupsResult {
  groups: GroupDraft[];
  /** Stated counts per kind (6个专题组, 9个协调类别), with where they are stated */
  stated: Array<{ kind: GroupKind; count: number; source: SourceSpan }>;
  /** Ranges of the group blocks (their unit lists are not the body's member list) */
  blockRanges: SourceSpan[];
}

/** A number; it starts where a run of digits starts (a match never begins inside one: linear time). */
const NUM = '(?<![0-9０-９零〇一二两三四五六七八九十百])[0-9０-９零〇一二两三四五六七八九十百]+';
/** A counted group word: 6个专题组, 3个保障组, 9个协调类别, 5个工作组. */
const COUNTED_RE = new RegExp(
  `(${NUM})个((?:[\\u4e00-\\u9fff]{0,2}?)(?:专题组|保障组|工作组|专项组|专项小组|工作小组|小组|协调类别|类别|组))(?![成织建长员])`,
  'gu',
);

/** The kind a group word stands for. */
export function groupKindOf(word: string): GroupKind {
  if (/保障/u.test(word)) return 'support';
  if (/类别|类$/u.test(word)) return 'category';
  return 'thematic';
}

const LEAD_LABEL = /^(?:牵头单位|组长单位|牵头部门|责任单位)[:：]/u;
const MEMBER_LABEL = /^(?:成员单位|参与单位|配合单位|成员部门)[:：]/u;
const BLOCK_HEADING = /^[（(]([一二三四五六七八九十]+|[0-9]+)[)）](.+?)[。.]?$/u;

/** `（一）综合协调组。由甲局牵头，乙局、丙局配合。负责…`: a group with its units on one numbered line. */
const INLINE_GROUP = /^[（(](?:[一二三四五六七八九十]+|[0-9]+)[)）]([^。，；：:（）()]{2,20}?(?:组|专班))[。：:]/u;

function inlineGroup(text: string, line: Line): GroupDraft | null {
  const lead = line.text.length - line.text.trimStart().length;
  const m = INLINE_GROUP.exec(line.text.slice(lead));
  if (m?.[1] === undefined) return null;
  const restStart = line.start + lead + m[0].length;
  const rest = text.slice(restStart, line.end);
  const led = /由([^。；;，,]{2,80}?)牵头/u.exec(rest);
  if (led?.[1] === undefined) return null;
  const leadStart = restStart + led.index + 1;
  const leadUnits = parseUnitList(text, leadStart, leadStart + led[1].length, { rolePhrase: false }).items;
  if (leadUnits.length === 0) return null;
  const afterLead = restStart + led.index + led[0].length;
  const co = /^[，,]?([^。；;，,]{2,200}?)(?:配合|参与|协助|协同)/u.exec(text.slice(afterLead, line.end));
  const coStart = co?.[1] !== undefined ? afterLead + co[0].indexOf(co[1]) : -1;
  const memberUnits = co?.[1] !== undefined ? parseUnitList(text, coStart, coStart + co[1].length, { rolePhrase: false }).items : [];
  const duties: string[] = [];
  const duty = /(?:主要)?(?:负责|承担)[^。；;]*/u.exec(text.slice(afterLead, line.end));
  if (duty !== null) duties.push(duty[0].trim());
  const nameStart = line.start + lead + m[0].indexOf(m[1]);
  return { kind: 'thematic', name: foldSpaces(m[1]), leadUnits, memberUnits, duties, source: trimSpan(text, nameStart, line.end) };
}

function blockGroups(text: string, lines: readonly Line[]): { groups: GroupDraft[]; ranges: SourceSpan[] } {
  const groups: GroupDraft[] = [];
  const ranges: SourceSpan[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const inline = inlineGroup(text, line);
    if (inline !== null) {
      groups.push(inline);
      ranges.push({ start: line.start, end: line.end });
      continue;
    }
    const heading = BLOCK_HEADING.exec(line.text.trim());
    if (!heading?.[2]) continue;
    // The lines right after the heading must carry a lead or member label.
    const draft: GroupDraft = { kind: 'thematic', name: '', leadUnits: [], memberUnits: [], duties: [], source: { start: line.start, end: line.end } };
    let j = i + 1;
    let end = line.end;
    while (j < lines.length) {
      const next = lines[j] as Line;
      const t = next.text.trimStart();
      const offset = next.start + (next.text.length - t.length);
      const lead = LEAD_LABEL.exec(t);
      const member = MEMBER_LABEL.exec(t);
      if (!lead && !member) break;
      const label = (lead ?? member) as RegExpExecArray;
      const list = parseUnitList(text, offset + label[0].length, next.end, { rolePhrase: false });
      if (lead) draft.leadUnits.push(...list.items);
      else draft.memberUnits.push(...list.items);
      end = next.end;
      j++;
    }
    if (j === i + 1) continue;
    const nameSpan = trimSpan(text, line.start, line.end);
    const rawName = text.slice(nameSpan.start, nameSpan.end);
    const nameMatch = BLOCK_HEADING.exec(rawName);
    draft.name = foldSpaces(nameMatch?.[2] ?? rawName);
    const nameStart = nameSpan.start + rawName.indexOf(nameMatch?.[2] ?? rawName);
    draft.source = { start: nameStart, end: end };
    groups.push(draft);
    ranges.push({ start: line.start, end });
    i = j - 1;
  }
  return { groups, ranges };
}

function listedGroups(text: string): { groups: GroupDraft[]; stated: GroupsResult['stated'] } {
  const groups: GroupDraft[] = [];
  const stated: GroupsResult['stated'] = [];
  let previousEnd = -1;
  for (const m of text.matchAll(COUNTED_RE)) {
    const count = parseChineseNumber(m[1] ?? '');
    const word = m[2] ?? '';
    const kind = groupKindOf(word);
    if (count === null) continue;
    const countSpan = { start: m.index, end: m.index + m[0].length };
    // Where the names start: after the previous counted phrase joined by 和/及/、, or after 设/下设/包括/：
    let start: number;
    const joined = previousEnd >= 0 && /^[和及、，,]$/u.test(text.slice(previousEnd, m.index).slice(0, 1)) && text.slice(previousEnd, m.index).length < 200;
    if (joined && !/[。；;\n]/u.test(text.slice(previousEnd, m.index))) {
      start = previousEnd + 1;
    } else {
      const sentenceStart = boundaryBefore(text, m.index, /[。；;\n]/u);
      const clause = text.slice(sentenceStart, m.index);
      const anchors = [...clause.matchAll(/(?:下设|设立|设置|分设|(?<![建开假预增陈])设|包括|分为|：|:)/gu)];
      const last = anchors[anchors.length - 1];
      start = last ? sentenceStart + last.index + last[0].length : m.index;
    }
    previousEnd = m.index + m[0].length;
    stated.push({ kind, count, source: countSpan });
    if (start >= m.index) continue;
    // The counted word must be a group word (专题组, 保障组…), the names must end with 组 / 类 / 专班.
    const names: Array<{ name: string; source: SourceSpan }> = [];
    let at = start;
    for (const piece of text.slice(start, m.index).split('、')) {
      const span = trimSpan(text, at, at + piece.length);
      const name = foldSpaces(text.slice(span.start, span.end));
      at += piece.length + 1;
      if (name.length >= 2 && /(?:组|类|专班)$/u.test(name) && !/[，,；;。]/u.test(name)) names.push({ name, source: span });
    }
    for (const n of names) groups.push({ kind, name: n.name, leadUnits: [], memberUnits: [], duties: [], source: n.source });
  }
  return { groups, stated };
}

/** Duties `A组负责…；B组承担…` for known group names. */
function attachDuties(text: string, groups: GroupDraft[]): void {
  const names = [...new Set(groups.map((g) => g.name))].sort((a, b) => b.length - a.length);
  if (names.length === 0) return;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  const re = new RegExp(`(?<=^|[：:；;。\\n])[\\s\\u3000]*(${escaped.join('|')})((?:主要)?(?:负责|承担|牵头)[^；;。\\n]*)`, 'gu');
  for (const m of text.matchAll(re)) {
    const name = m[1] ?? '';
    const duty = (m[2] ?? '').trim();
    for (const g of groups) if (g.name === name && duty.length > 0 && !g.duties.includes(duty)) g.duties.push(duty);
  }
}

/** All groups of the text, with stated counts and the ranges of group blocks. */
export function extractGroupDrafts(text: string): GroupsResult {
  const lines = splitLines(text);
  const blocks = blockGroups(text, lines);
  const listed = listedGroups(text);
  // Block groups take their kind from a stated group word (9个协调类别) before them.
  for (const g of blocks.groups) {
    const before = listed.stated.filter((s) => s.source.start < g.source.start);
    const nearest = before[before.length - 1];
    g.kind = nearest ? nearest.kind : /类|事项$/u.test(g.name) ? 'category' : 'thematic';
  }
  const merged: GroupDraft[] = [];
  for (const g of [...blocks.groups, ...listed.groups]) {
    const same = merged.find((o) => o.name === g.name && o.kind === g.kind);
    if (same) {
      for (const u of g.leadUnits) if (!same.leadUnits.some((x) => x.name === u.name)) same.leadUnits.push(u);
      for (const u of g.memberUnits) if (!same.memberUnits.some((x) => x.name === u.name)) same.memberUnits.push(u);
      continue;
    }
    merged.push(g);
  }
  attachDuties(text, merged);
  return { groups: merged, stated: listed.stated, blockRanges: blocks.ranges };
}

/** Findings of the groups: a unit both lead and member of a group; stated vs found group counts. */
export function groupFindings(groups: readonly Group[], stated: GroupsResult['stated'], drafts: readonly GroupDraft[]): Finding[] {
  const findings: Finding[] = [];
  groups.forEach((g, i) => {
    const draft = drafts[i];
    for (const lead of g.leadUnits) {
      if (!g.memberUnits.includes(lead)) continue;
      const item = draft?.memberUnits.find((u) => u.name === lead) ?? draft?.leadUnits.find((u) => u.name === lead);
      findings.push({
        severity: 'warning',
        code: 'unit_lead_and_member',
        message: `${lead}在“${g.name}”中既是牵头单位又是成员单位`,
        source: item?.source ?? g.source,
      });
    }
  });
  const seenCounts = new Set<string>();
  for (const s of stated) {
    const key = `${s.kind}:${s.count}`;
    if (seenCounts.has(key)) continue;
    seenCounts.add(key);
    const found = groups.filter((g) => g.kind === s.kind).length;
    if (found !== s.count) {
      findings.push({
        severity: 'warning',
        code: 'group_count_mismatch',
        message: `文件写明${s.count}个${groupWord(s.kind)}，但识别出${found}个`,
        source: s.source,
      });
    }
  }
  return findings;
}

function groupWord(kind: GroupKind): string {
  return kind === 'support' ? '保障组' : kind === 'category' ? '协调类别' : '专题组';
}
