/**
 * Splitting an enumeration of units (`省委某部、某部，省某厅、某厅…等N个部门和单位组成`)
 * into units: runs separated by ，；, items separated by 、; the administrative prefix of a run's first
 * item (省, 省委, 市 …) carries over to the run's other items; parentheses after a unit are an alias; a
 * role phrase after the last item (分管负责人) belongs to every item; a trailing 等 / 等N个部门和单位组成 /
 * 为成员单位 ends the list and may state the count. Pure.
 */
import type { SourceSpan } from '../charter-types.ts';
import { parseChineseNumber } from '../../text/chinese-numerals.ts';
import { hasExplicitLevel, isCollectiveUnit, leadingAdminPrefix, looksLikeUnit, mayBeListedUnit } from './unit-names.ts';

export interface ListItem {
  /** Name with any carried-over prefix restored (省某某厅) */
  name: string;
  /** The name as written (民政厅) */
  written: string;
  /** Names in parentheses after the unit */
  aliases: string[];
  /** The prefix added from the run's first item, or null */
  carriedPrefix: string | null;
  /** Span of the item as written, alias included */
  source: SourceSpan;
}

export interface UnitList {
  items: ListItem[];
  /** Parts of the region that do not read as units (kept so that nothing is lost silently) */
  rejected: Array<{ text: string; source: SourceSpan }>;
  /** Role phrase after the last item that belongs to every item (分管负责人, 主要负责同志) */
  rolePhrase: string | null;
  /** Count stated by 等N个… / 共N个… */
  stated: number | null;
  /** Span of the whole list as parsed */
  source: SourceSpan;
}

export interface ParseUnitListOptions {
  /** Drop leading runs that do not read as units (`…任副召集人；省委组织部、…`) */
  dropLeadingNonUnits?: boolean;
  /** Look for a role phrase after the last item (default true) */
  rolePhrase?: boolean;
}

/** A number; it starts where a run of digits starts (a match never begins inside one: linear time). */
const NUM = '(?<![0-9０-９零〇一二两三四五六七八九十百])[0-9０-９零〇一二两三四五六七八九十百]+';

/** List endings: 等, 等N个部门和单位组成, 共N个部门和单位组成, 等为成员单位, 为成员单位, 组成. */
const TERMINATOR_RE = new RegExp(
  `(?:等|共|计)?(?:(${NUM})个)?(?:成员单位|部门和单位|单位和部门|部门单位|部门|单位|成员)?(?:共同)?(?:组成|为成员单位|为成员|作为成员单位|参加)?[。；;，,、\\s]*$`,
  'u',
);

/** A role phrase that may follow the last unit and belong to every unit. */
export const ROLE_PHRASE_RE =
  /^(?:各)?(?:[0-9０-９一二两三四五]+(?:名|位|人))?(?:的)?(?:主要|分管|有关|相关|一名|一位)?(?:负责同志|负责人|领导同志|领导|科级干部|处级干部|科级以上干部|处级以上干部|干部|同志|科长|处长)$/u;

/** How far from a list's end its terminator may start (等二十一个部门和单位共同组成 and more). */
const TERMINATOR_REACH = 40;

interface RawItem {
  text: string;
  start: number;
  end: number;
}

/** Splits `[start, end)` at depth-0 separators into runs of items. */
function tokenize(text: string, start: number, end: number): RawItem[][] {
  const runs: RawItem[][] = [];
  let run: RawItem[] = [];
  let itemStart = start;
  let depth = 0;
  const flush = (at: number): void => {
    let s = itemStart;
    let e = at;
    while (s < e && /[\s\u3000]/u.test(text[s] ?? '')) s++;
    while (e > s && /[\s\u3000]/u.test(text[e - 1] ?? '')) e--;
    if (e > s) run.push({ text: text.slice(s, e), start: s, end: e });
  };
  for (let i = start; i < end; i++) {
    const c = text[i] ?? '';
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
    else if (depth === 0 && c === '、') {
      flush(i);
      itemStart = i + 1;
    } else if (depth === 0 && /[，,；;。\n]/u.test(c)) {
      flush(i);
      if (run.length > 0) runs.push(run);
      run = [];
      itemStart = i + 1;
    }
  }
  flush(end);
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Splits `A及B` / `A和B` where both sides read as units (工业和信息化部 stays whole). */
function splitConjunction(item: RawItem): RawItem[] {
  for (let i = 2; i < item.text.length - 2; i++) {
    const c = item.text[i];
    if (c !== '和' && c !== '及' && c !== '与') continue;
    const left = item.text.slice(0, i);
    const right = item.text.slice(i + 1);
    if (looksLikeUnit(stripAlias(left).name) && looksLikeUnit(stripAlias(right).name) && right.length >= 3) {
      return [
        { text: left, start: item.start, end: item.start + i },
        ...splitConjunction({ text: right, start: item.start + i + 1, end: item.end }),
      ];
    }
  }
  return [item];
}

/**
 * `甲（乙）` → [甲, 乙] when the text ends with a parenthesis holding no other parenthesis and
 * something precedes it, else null (what `/^(.+?)[（(]([^（）()]+)[）)]$/` matches, in linear time).
 */
function trailingParenthesis(s: string): [string, string] | null {
  const last = s[s.length - 1];
  if (last !== '）' && last !== ')') return null;
  for (let i = s.length - 2; i >= 0; i--) {
    const c = s[i];
    if (c === '）' || c === ')') return null;
    if (c === '（' || c === '(') return i >= 1 && i < s.length - 2 ? [s.slice(0, i), s.slice(i + 1, -1)] : null;
  }
  return null;
}

/** `某银行某分行（某管理局某分局）` → name and aliases. */
export function stripAlias(item: string): { name: string; aliases: string[] } {
  const aliases: string[] = [];
  let name = item;
  for (;;) {
    const m = trailingParenthesis(name);
    if (m === null) break;
    name = m[0];
    let alias = m[1].trim();
    const short = /(?:以下)?简称[:：]?[“"]?([^”"]+)[”"]?$/u.exec(alias);
    if (short?.[1]) alias = short[1];
    if (alias.length > 0) aliases.unshift(alias);
  }
  return { name: name.replace(/[\s\u3000]+/gu, ''), aliases };
}

/** Splits a trailing role phrase off an item: `区委宣传部分管负责人` → 区委宣传部 + 分管负责人. */
export function splitRolePhrase(item: string): { unit: string; phrase: string } | null {
  for (let i = 2; i < item.length; i++) {
    const tail = item.slice(i);
    if (ROLE_PHRASE_RE.test(tail) && looksLikeUnit(stripAlias(item.slice(0, i)).name)) {
      return { unit: item.slice(0, i), phrase: tail };
    }
  }
  return null;
}

/**
 * Parses the unit list in `text[start, end)`. The region should start at the first unit (after 由 or
 * 成员单位：) unless `dropLeadingNonUnits` is set; it may end with a terminator such as 等N个部门和单位组成.
 */
export function parseUnitList(text: string, start: number, end: number, options: ParseUnitListOptions = {}): UnitList {
  let stated: number | null = null;
  let listEnd = end;
  // The terminator is short: it is looked for in the region's last characters only (linear time)
  let trimmed = end;
  while (trimmed > start && /[。；;，,、\s]/u.test(text[trimmed - 1] ?? '')) trimmed--;
  const tailStart = Math.max(start, trimmed - TERMINATOR_REACH);
  const term = TERMINATOR_RE.exec(text.slice(tailStart, trimmed));
  if (term && term[0].length > 0) {
    listEnd = tailStart + term.index;
    if (term[1]) stated = parseChineseNumber(term[1]);
  }
  let runs = tokenize(text, start, listEnd).map((run) => run.flatMap(splitConjunction));

  let rolePhrase: string | null = null;
  if (options.rolePhrase !== false) {
    const lastRun = runs[runs.length - 1];
    const last = lastRun?.[lastRun.length - 1];
    if (lastRun && last && !looksLikeUnit(stripAlias(last.text).name)) {
      const split = splitRolePhrase(last.text);
      if (split) {
        rolePhrase = split.phrase;
        lastRun[lastRun.length - 1] = { text: split.unit, start: last.start, end: last.start + split.unit.length };
      }
    }
  }

  const rejected: UnitList['rejected'] = [];
  // Items without a unit suffix (共青团中央) count as units in a list that is mostly units
  const allItems = runs.flat();
  const unitCount = allItems.filter((it) => looksLikeUnit(stripAlias(it.text).name)).length;
  const mostlyUnits = unitCount >= 3 && unitCount * 4 >= allItems.length * 3;
  const isUnit = (it: RawItem): boolean => {
    const name = stripAlias(it.text).name;
    return looksLikeUnit(name) || isCollectiveUnit(name) || (mostlyUnits && mayBeListedUnit(name));
  };
  if (options.dropLeadingNonUnits) {
    let firstGood = runs.length;
    for (let r = runs.length - 1; r >= 0; r--) {
      const run = runs[r] ?? [];
      if (run.every(isUnit)) firstGood = r;
      else break;
    }
    runs = runs.slice(firstGood);
  }

  const items: ListItem[] = [];
  for (const run of runs) {
    const first = run[0];
    // The prefix carried is that of the last item in the run that wrote one (省委某部、省某某委、某某厅 → 省某某厅)
    let prefix = first ? leadingAdminPrefix(stripAlias(first.text).name) : null;
    for (const raw of run) {
      const { name: written, aliases } = stripAlias(raw.text);
      if (!isUnit(raw)) {
        rejected.push({ text: raw.text, source: { start: raw.start, end: raw.end } });
        continue;
      }
      const own = raw !== first ? leadingAdminPrefix(written) : null;
      if (own !== null && prefix !== null) prefix = own;
      const carry = raw !== first && own === null && prefix !== null && !hasExplicitLevel(written);
      items.push({
        name: carry ? `${prefix}${written}` : written,
        written,
        aliases,
        carriedPrefix: carry ? prefix : null,
        source: { start: raw.start, end: raw.end },
      });
    }
  }
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  return {
    items,
    rejected,
    rolePhrase,
    stated,
    source: { start: firstItem ? firstItem.source.start : start, end: lastItem ? lastItem.source.end : end },
  };
}
