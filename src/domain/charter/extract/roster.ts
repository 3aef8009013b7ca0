/**
 * Roles of the body: a named roster (名单: `召集人：王某  某部部长`, continuation lines under one
 * heading, names glued to their posts `张某某常务副市长`) and roles given only as positions
 * (`由省政府分管副省长任召集人`, `组长由市政府分管副市长担任`). Pure.
 */
import type { Role, SourceSpan } from '../charter-types.ts';
import { KNOWN_ROLE_TITLES, KNOWN_ROLE_TITLES_BY_LENGTH, foldTitle, roleKindOfTitle } from './role-titles.ts';
import {
  BODY_REFERENCE,
  SENTENCE_BOUNDARY,
  boundaryAfter,
  boundaryBefore,
  foldSpaces,
  splitLines,
  trimSpan,
} from './text-lines.ts';
import { ROLE_PHRASE_RE, parseUnitList, splitRolePhrase, stripAlias } from './unit-list.ts';
import { MEMBERS_INCLUDE, membersIncludeEnd } from './member-units.ts';
import { isBareTitle, leadingAdminPrefix, looksLikeUnit, splitPostPerson, splitPostTitle, unitOfPost } from './unit-names.ts';

export interface RosterEntry {
  /** The heading's title, spaces folded (召集人, 副组长, 成员, 办公室主任 …) */
  title: string;
  /** Null when the roster gives the post only (成员：某局局长、某局局长) */
  person: string | null;
  position: string | null;
  /** Span of the entry (name and position) */
  source: SourceSpan;
}

const HAN = '\\u4e00-\\u9fff';
const PERSON_RE = new RegExp(`^(?:[${HAN}]{2,4}|[${HAN}]{1,8}[·•・][${HAN}]{1,10})$`, 'u');

/** How a post may open: a level or organisation, or a title word. */
const POST_OPENING_RE =
  /^(?:国务院|中央|中共|全国|国家|中国|省|市|区|县|自治区|自治州|州|盟|旗|镇|乡|街道|常务|第一|执行|副|党组|党委)/u;

/** Lines that end a roster even when they are short. */
const STOP_LINE_RE = /^(?:附件|附录|抄送|抄报|正文|名单|说明|备注|注)/u;

function isPerson(s: string): boolean {
  return PERSON_RE.test(s);
}

/**
 * Characters and words a person's name does not hold but a post or a unit does (省 市 县 区 局 委 …
 * 分管 负责 人民 …; 党, 政 and 和 are in names: 党某某, 王和平): a cut that leaves one of them in the "name"
 * is a post read wrongly, and no person is invented from it (负责住房…的副市长 is no 负责住;
 * 市政府副秘书长 is no 市政府副).
 */
const NOT_IN_NAME = /[省市县区局委办厅部署院府副各组员的及与、]|分管|负责|人民|工作|同志|书记|主任|成员|领导|党组|党委|党工委|政府/u;

/** A name cut off a post (glued to it), when it is plausible as a person's name. */
function isPlausibleName(s: string): boolean {
  return isPerson(s) && !NOT_IN_NAME.test(s.replace(/[·•・]/gu, ''));
}

/** Whether a string reads as a post: it has a title, and opens like one or names a known unit. */
function isPost(s: string, knownUnits: readonly string[]): boolean {
  if (s.length < 2 || /[。；;]/u.test(s)) return false;
  const parts = s.split(/[、，,]/u);
  const hasTitle = parts.some((p) => splitPostTitle(p).title.length > 0);
  if (!hasTitle) return false;
  return POST_OPENING_RE.test(s) || isBareTitle(parts[0] ?? '') || knownUnits.some((u) => u.length >= 2 && s.startsWith(u));
}

interface ParsedEntry {
  person: string | null;
  position: string | null;
  start: number;
  end: number;
}

/** Whether the whole string is a post of a unit that states its level (县住建局局长): no name in it. */
function isUnitPost(s: string): boolean {
  const { unitPart } = splitPostTitle(s);
  return leadingAdminPrefix(unitPart) !== null && looksLikeUnit(unitPart);
}

/** A name glued to its post: `张某某常务副市长`, `某某·某某自治区副主席`. */
function splitGlued(s: string, knownUnits: readonly string[]): { person: string; position: string } | null {
  const dot = /[·•・]/u.exec(s);
  const cuts: number[] = [];
  if (dot && dot.index >= 1 && dot.index <= 8) {
    for (let j = 1; j <= 10; j++) cuts.push(dot.index + 1 + j);
  } else {
    cuts.push(2, 3, 4);
  }
  for (const k of cuts) {
    if (k >= s.length - 1) break;
    const person = s.slice(0, k);
    const position = s.slice(k);
    // 县住建局 + 局长 is a post, not a name glued to a title
    if (looksLikeUnit(person) && (person.length >= 4 || leadingAdminPrefix(person) !== null)) continue;
    if (isPlausibleName(person) && isPost(position, knownUnits)) return { person, position };
  }
  // A post that opens with a place name: the most common name length, 3.
  if (!dot && s.length >= 6 && splitPostTitle(s).title.length > 0 && !isUnitPost(s)) {
    const person = s.slice(0, 3);
    if (isPlausibleName(person)) return { person, position: s.slice(3) };
  }
  return null;
}

/** Parses one roster entry (or several names separated by 、) in `text[start, end)`. */
export function parseRosterEntry(text: string, start: number, end: number, knownUnits: readonly string[] = []): ParsedEntry[] | null {
  const span = trimSpan(text, start, end);
  const raw = text.slice(span.start, span.end);
  if (raw.length === 0 || raw.length > 80 || /[。；;]/u.test(raw)) return null;

  // Several names: 张某、李某某、王某
  if (/[、，,]/u.test(raw)) {
    const parts = raw.split(/[、，,]/u).map(foldSpaces);
    if (parts.every(isPerson)) {
      const out: ParsedEntry[] = [];
      let at = span.start;
      for (const piece of raw.split(/([、，,])/u)) {
        if (piece.length > 0 && !/^[、，,]$/u.test(piece)) {
          const t = trimSpan(text, at, at + piece.length);
          out.push({ person: foldSpaces(piece), position: null, start: t.start, end: t.end });
        }
        at += piece.length;
      }
      return out;
    }
  }

  // Posts without names: 某局局长、某局局长
  if (/[、，,]/u.test(raw)) {
    const parts = raw.split(/[、，,]/u).map(foldSpaces);
    if (parts.length >= 2 && parts.every((p) => isPost(p, knownUnits) && isUnitPost(p))) {
      const out: ParsedEntry[] = [];
      let at = span.start;
      for (const piece of raw.split(/([、，,])/u)) {
        if (piece.length > 0 && !/^[、，,]$/u.test(piece)) {
          const t = trimSpan(text, at, at + piece.length);
          out.push({ person: null, position: foldSpaces(piece), start: t.start, end: t.end });
        }
        at += piece.length;
      }
      return out;
    }
  }

  // 张某（市长）
  const paren = /^(.+?)[（(](.+)[)）]$/u.exec(raw);
  if (paren?.[1] && paren[2] && isPerson(foldSpaces(paren[1]))) {
    return [{ person: foldSpaces(paren[1]), position: foldSpaces(paren[2]), start: span.start, end: span.end }];
  }

  // Name and post separated by spaces; a two-character name may itself hold a space (王\u3000某).
  const tokens = raw.split(/[\s\u3000\u00a0]+/u).filter((t) => t.length > 0);
  if (tokens.length >= 2) {
    let person = tokens[0] ?? '';
    let i = 1;
    while (person.length < 2 && i < tokens.length - 1) {
      person += tokens[i] ?? '';
      i++;
    }
    const position = tokens.slice(i).join('');
    if (isPerson(person) && !KNOWN_ROLE_TITLES.has(person) && !isBareTitle(person) && /[\u4e00-\u9fff]/u.test(position)) {
      return [{ person, position, start: span.start, end: span.end }];
    }
  }

  const folded = foldSpaces(raw);
  // Several people, each with a post glued before or after the name: 县水利局局长郑某某、县应急管理局局长冯某某
  if (/[、，,]/u.test(raw)) {
    const pieces = joinPartyPosts(raw.split(/[、，,]/u));
    const out: ParsedEntry[] = [];
    let at = span.start;
    for (const piece of pieces) {
      const t = trimSpan(text, at, at + piece.length);
      const one = personAndPost(foldSpaces(piece), knownUnits);
      if (one === null) break;
      out.push({ ...one, start: t.start, end: t.end });
      at += piece.length + 1;
    }
    if (out.length >= 2 && out.length === pieces.length) return out;
  }
  // Names and posts glued into one run (a roster flattened into one paragraph)
  if (!/[、，,\s]/u.test(raw)) {
    const sequence = splitGluedSequence(folded, knownUnits);
    if (sequence.length >= 2) {
      const out: ParsedEntry[] = [];
      let at = span.start;
      for (const e of sequence) {
        const length = e.person.length + e.position.length;
        out.push({ ...e, start: at, end: at + length });
        at += length;
      }
      return out;
    }
  }
  // A name with · may be long enough to swallow a glued post: try the post first.
  const glued = splitGlued(folded, knownUnits);
  const nameOnly =
    isPlausibleName(folded) && !isBareTitle(folded) && !looksLikeUnit(folded) && !STOP_LINE_RE.test(folded) && !KNOWN_ROLE_TITLES.has(folded);
  if (nameOnly && !(glued && /[·•・]/u.test(folded))) {
    return [{ person: folded, position: null, start: span.start, end: span.end }];
  }
  if (glued) return [{ ...glued, start: span.start, end: span.end }];
  // A post held by someone the text does not name (组长：市政府分管副市长): a vacant role
  const held = splitPostPerson(folded);
  if (held && isPlausibleName(held.person)) return [{ person: held.person, position: held.position, start: span.start, end: span.end }];
  if (isVacantPost(folded)) return [{ person: null, position: folded, start: span.start, end: span.end }];
  return null;
}

/** One person with a post glued before or after the name (张某某副市长, 县长周某某), or null. */
function personAndPost(s: string, knownUnits: readonly string[]): { person: string; position: string } | null {
  const glued = splitGlued(s, knownUnits);
  if (glued) return glued;
  const held = splitPostPerson(s);
  return held && isPlausibleName(held.person) ? held : null;
}

/** Party posts held together with the next post (县委常委、常务副县长) are one post with it. */
const PARTY_POST = /(?:常委|党组成员|党组书记|党组副书记|党委委员|党委书记|党委副书记|党工委书记|党工委委员|党组委员)$/u;

/** Joins every party post to the post after it: [县委常委, 常务副县长刘某某] → [县委常委、常务副县长刘某某]. */
export function joinPartyPosts(parts: readonly string[]): string[] {
  const out: string[] = [];
  let pending = '';
  for (const part of parts) {
    const t = part.trim();
    if (PARTY_POST.test(t) && !/[\s\u3000]/u.test(t)) {
      pending += `${part}、`;
      continue;
    }
    out.push(pending + part);
    pending = '';
  }
  if (pending !== '') out.push(pending.slice(0, -1));
  return out;
}

/**
 * Names glued to the posts after them, several in one run: `李某某市政府副秘书长张某某市发展改革局局长`
 * → 李某某 + 市政府副秘书长, 张某某 + 市发展改革局局长. A post ends where a title ends and a plausible
 * name follows that opens a post; nothing is returned unless the whole run is read.
 */
function splitGluedSequence(s: string, knownUnits: readonly string[]): Array<{ person: string; position: string }> {
  const out: Array<{ person: string; position: string }> = [];
  let i = 0;
  while (i < s.length) {
    let taken = false;
    for (const n of [3, 2]) {
      const person = s.slice(i, i + n);
      if (!isPlausibleName(person)) continue;
      const from = i + n;
      for (let j = from + 2; j <= s.length && j - from <= 40; j++) {
        const position = s.slice(from, j);
        if (splitPostTitle(position).title.length === 0 || !isPost(position, knownUnits)) continue;
        const rest = s.slice(j);
        if (rest.length > 0 && !opensNamedPost(rest, knownUnits)) continue;
        out.push({ person, position });
        i = j;
        taken = true;
        break;
      }
      if (taken) break;
    }
    if (!taken) return [];
  }
  return out;
}

/** Whether `s` opens with a plausible name followed by the opening of a post. */
function opensNamedPost(s: string, knownUnits: readonly string[]): boolean {
  for (const n of [3, 2]) {
    const rest = s.slice(n);
    if (!isPlausibleName(s.slice(0, n)) || rest.length < 2) continue;
    if (POST_OPENING_RE.test(rest) || knownUnits.some((u) => u.length >= 2 && rest.startsWith(u))) return true;
  }
  return false;
}

/** A post without a name: it ends with a title, and holds no clause (组长：负责住房和城乡建设工作的副市长). */
function isVacantPost(s: string): boolean {
  return s.length >= 2 && s.length <= 40 && /^[\u4e00-\u9fff（）()、]+$/u.test(s) && splitPostTitle(s).title.length > 0 && !STOP_LINE_RE.test(s);
}

const HEADING_RE = new RegExp(`^[\\s\\u3000]*((?:[${HAN}][\\s\\u3000]*){2,8}?)[:：]`, 'u');

/**
 * Entries of named rosters: a role heading (`召集人：`, `成\u3000\u3000员：`, `组\u3000长：`) followed by an entry on
 * the same line and/or entries on the following lines, until a line that is not an entry.
 */
export function findRosterEntries(text: string, knownUnits: readonly string[] = []): RosterEntry[] {
  const entries: RosterEntry[] = [];
  let title: string | null = null;
  let blankRun = 0;
  for (const line of splitRosterLines(text)) {
    const heading = HEADING_RE.exec(line.text) ?? untabbedHeading(text, line, knownUnits);
    const headingTitle = heading?.[1] ? foldTitle(heading[1]) : null;
    if (heading && headingTitle && KNOWN_ROLE_TITLES.has(headingTitle)) {
      const restStart = line.start + heading[0].length;
      const parsed = restStart < line.end ? parseRosterEntry(text, restStart, line.end, knownUnits) : [];
      if (parsed === null) {
        title = null;
        continue;
      }
      title = headingTitle;
      blankRun = 0;
      for (const p of parsed) entries.push({ title, person: p.person, position: p.position, source: { start: p.start, end: p.end } });
      continue;
    }
    if (title === null) continue;
    // A row opening with another role title that could not be read (委员 ……) ends the block
    if (LEADING_TITLE_RE.test(foldSpaces(line.text))) {
      title = null;
      continue;
    }
    if (line.text.trim().length === 0) {
      blankRun++;
      if (blankRun > 2) title = null;
      continue;
    }
    blankRun = 0;
    const parsed = parseRosterEntry(text, line.start, line.end, knownUnits);
    if (parsed === null || parsed.length === 0) {
      title = null;
      continue;
    }
    for (const p of parsed) entries.push({ title, person: p.person, position: p.position, source: { start: p.start, end: p.end } });
  }
  return entries;
}

const LEADING_TITLE_RE = new RegExp(`^[\\s\\u3000]*(${KNOWN_ROLE_TITLES_BY_LENGTH.join('|')})(?=[\\u4e00-\\u9fff])`, 'u');

/**
 * A role title opening a roster row without a colon (`主任王某某 县长`, the spaces of a table folded):
 * a heading match (title in group 1) when the rest of the row reads as named people, else null.
 */
function untabbedHeading(text: string, line: { text: string; start: number; end: number }, knownUnits: readonly string[]): RegExpExecArray | null {
  if (line.text.length > 60 || /[。，,；;：:]/u.test(line.text)) return null;
  const m = LEADING_TITLE_RE.exec(line.text);
  if (m === null) return null;
  const parsed = parseRosterEntry(text, line.start + m[0].length, line.end, knownUnits);
  return parsed !== null && parsed.length > 0 && parsed.every((p) => p.person !== null && isPlausibleName(p.person)) ? m : null;
}

const INLINE_HEADING_RE = new RegExp(`(?:${KNOWN_ROLE_TITLES_BY_LENGTH.join('|')})[:：]`, 'gu');

/**
 * The text's lines, a line holding several role headings (组长：…副组长：…成员：…, a roster flattened
 * into one paragraph) split before each heading.
 */
function splitRosterLines(text: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  for (const line of splitLines(text)) {
    const cuts = [...line.text.matchAll(INLINE_HEADING_RE)].map((m) => m.index);
    if (cuts.length < 2) {
      out.push(line);
      continue;
    }
    const bounds = [...(cuts[0] === 0 ? [] : [0]), ...cuts, line.text.length];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const from = bounds[k] as number;
      const to = bounds[k + 1] as number;
      out.push({ text: line.text.slice(from, to), start: line.start + from, end: line.start + to });
    }
  }
  return out;
}

export interface PositionalRole {
  title: string;
  position: string;
  /** Unit named by the position (before matching to member units) */
  unitHint: string | null;
  source: SourceSpan;
}

const BODY_TITLES = [...KNOWN_ROLE_TITLES_BY_LENGTH].filter((t) => roleKindOfTitle(t) !== null && t !== '联络员');
const TITLE_ALT = BODY_TITLES.join('|');

/** A sentence whose subject is the office. */
const OFFICE_SUBJECT_RE = new RegExp(`^(?:第[一二三四五六七八九十百]+条)?(?:${BODY_REFERENCE})?(?:下设)?办公室`, 'u');

/** Sub-structures whose roles are not the body's (专题组的组长). */
const SUBGROUP_RE = /专题组|保障组|(?<!联合)工作组|各组|分组|(?<!领导|协调|工作)小组组长|组长单位|协调类别/u;

/** Splits a position list (`甲部、乙署主要负责同志和协助分管某工作的副秘书长`) into positions. */
export function splitPositions(text: string, start: number, end: number): Array<{ position: string; source: SourceSpan }> {
  // Split at 和 / 及 when what precedes ends a position (a role phrase or a title).
  const groups: Array<{ start: number; end: number }> = [];
  let from = start;
  for (let i = start + 2; i < end - 1; i++) {
    const c = text[i];
    if (c !== '和' && c !== '及') continue;
    const left = text.slice(from, i).split('、').pop() ?? '';
    if (splitRolePhrase(left) || (splitPostTitle(left).title.length > 0 && !looksLikeUnit(left))) {
      groups.push({ start: from, end: i });
      from = i + 1;
    }
  }
  groups.push({ start: from, end });

  const out: Array<{ position: string; source: SourceSpan }> = [];
  for (const g of groups) {
    const items: Array<{ text: string; span: SourceSpan }> = [];
    let at = g.start;
    for (const piece of joinPartyPosts(text.slice(g.start, g.end).split('、'))) {
      const span = trimSpan(text, at, at + piece.length);
      if (span.end > span.start) items.push({ text: foldSpaces(text.slice(span.start, span.end)), span });
      at += piece.length + 1;
    }
    // A role phrase after the last item belongs to the bare units before it.
    const last = items[items.length - 1];
    const phrase = last ? (splitRolePhrase(last.text)?.phrase ?? null) : null;
    let previousUnit: string | null = null;
    for (const item of items) {
      let position = item.text;
      if (phrase && item !== last && looksLikeUnit(stripAlias(item.text).name)) position = `${item.text}${phrase}`;
      else if (isBareTitle(item.text) && previousUnit) position = `${previousUnit}${item.text}`;
      const unitPart = splitPostTitle(position).unitPart;
      if (looksLikeUnit(unitPart)) previousUnit = unitPart;
      out.push({ position, source: item.span });
    }
  }
  return out;
}

/** Numbering labels a clause may open with (第一条, 一、, （一）, 1.). */
const LABEL_RE = /^(?:第[一二三四五六七八九十百零〇0-9]+条|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、])/u;

function clauseIsBodyLevel(prefix: string): boolean {
  return new RegExp(`^(?:${BODY_REFERENCE})?(?:的)?$`, 'u').test(prefix.replace(LABEL_RE, ''));
}

/** Roles given only as positions, in text order. */
export function findPositionalRoles(text: string): PositionalRole[] {
  const roles: PositionalRole[] = [];
  const push = (title: string, listStart: number, listEnd: number, whole: SourceSpan): void => {
    for (const p of splitPositions(text, listStart, listEnd)) {
      const unitHint = unitOfPost(p.position);
      roles.push({ title, position: p.position, unitHint, source: { start: Math.min(p.source.start, whole.start), end: Math.max(p.source.end, whole.end) } });
    }
  };
  const sentenceMentionsSubgroup = (at: number): boolean => {
    const s = boundaryBefore(text, at, SENTENCE_BOUNDARY);
    if (SUBGROUP_RE.test(text.slice(s, at))) return true;
    // A sentence about the office (办公室设主任1名…；副主任4名，由…担任) holds office posts.
    const sentenceStart = boundaryBefore(text, at, /[。\n]/u);
    const firstClauseEnd = boundaryAfter(text, sentenceStart);
    return OFFICE_SUBJECT_RE.test(foldSpaces(text.slice(sentenceStart, Math.min(firstClauseEnd, at + 1))));
  };

  // (a) X 担任/任/为 [联席会议] 召集人
  const verbFirst = new RegExp(`(担任|兼任|出任|任|为)(${BODY_REFERENCE}的?)?(${TITLE_ALT})(?=[，,；;。、\\n（(]|$)`, 'gu');
  for (const m of text.matchAll(verbFirst)) {
    const title = m[3] ?? '';
    const verbAt = m.index;
    if (sentenceMentionsSubgroup(verbAt)) continue;
    let listStart = boundaryBefore(text, verbAt);
    // 一、领导小组由县长任组长: the numbering label is not part of the list
    const label = LABEL_RE.exec(text.slice(listStart, verbAt));
    if (label) listStart += label[0].length;
    // 领导小组由… / 某市某某工作领导小组由…: the body's name (generic or full) before 由
    const lead = new RegExp(`^[\\s\\u3000]*(?:[^，。；、由]{0,40}?(?:${BODY_REFERENCE}|办公室))?由`, 'u').exec(text.slice(listStart, verbAt));
    if (lead) listStart += lead[0].length;
    const listText = text.slice(listStart, verbAt);
    if (listText.trim().length === 0 || /办公室$/u.test(listText)) continue;
    // "为成员" must name people: 其他成员单位有关负责同志为联席会议成员
    if (m[1] === '为' && !ROLE_PHRASE_RE.test(listText.slice(-6)) && !/同志|负责人|领导|干部/u.test(listText)) continue;
    push(title, listStart, verbAt, trimSpan(text, listStart, m.index + m[0].length));
  }

  // (b) 召集人由 X 担任 / (c) 设组长1人，由 X 担任
  const titleFirst = new RegExp(
    `(${TITLE_ALT})(?:(?:[0-9０-９一二两三四五六七八九十]+|若干)(?:名|人|位))?[，,]?由([^，,；;。\\n]+?)(?:兼任|担任|出任)`,
    'gu',
  );
  for (const m of text.matchAll(titleFirst)) {
    const title = m[1] ?? '';
    const clauseStart = boundaryBefore(text, m.index);
    let prefix = foldSpaces(text.slice(clauseStart, m.index));
    prefix = prefix.replace(/设(?:立)?$/u, '');
    if (!clauseIsBodyLevel(prefix)) continue;
    if (sentenceMentionsSubgroup(m.index)) continue;
    const listStart = m.index + m[0].indexOf('由', title.length) + 1;
    const listEnd = listStart + (m[2] ?? '').length;
    push(title, listStart, listEnd, trimSpan(text, clauseStart, m.index + m[0].length));
  }
  // (d) 成员包括甲、乙…等单位分管负责同志: one member per unit, the phrase its position
  for (const m of text.matchAll(MEMBERS_INCLUDE)) {
    if (sentenceMentionsSubgroup(m.index)) continue;
    const start = m.index + m[0].length;
    const end = membersIncludeEnd(text, start);
    if (end === null) continue;
    const phrase = /^(?:的)?((?:主要|分管|有关|相关)?(?:负责同志|负责人|领导同志))/u.exec(text.slice(end))?.[1];
    if (phrase === undefined) continue;
    const list = parseUnitList(text, start, end, { rolePhrase: false });
    for (const item of list.items) {
      roles.push({ title: '成员', position: `${item.name}${phrase}`, unitHint: item.name, source: item.source });
    }
  }
  roles.sort((x, y) => x.source.start - y.source.start);
  // Clauses matched by both patterns appear once.
  return roles.filter(
    (r, i) => roles.findIndex((o) => o.title === r.title && o.position === r.position && o.source.start === r.source.start) === i,
  );
}

/** Builds roles from roster entries (skipping office posts) with kinds judged against all titles present. */
export function rolesFromRoster(
  entries: readonly RosterEntry[],
  unitOf: (position: string | null) => string | null,
): Role[] {
  const titles = [...new Set(entries.map((e) => e.title))];
  const roles: Role[] = [];
  for (const e of entries) {
    const kind = roleKindOfTitle(e.title, { titles });
    if (kind === null) continue;
    roles.push({ kind, title: e.title, person: e.person, position: e.position, unit: unitOf(e.position), source: e.source });
  }
  return roles;
}

/** Builds roles from positional clauses. */
export function rolesFromPositions(
  positional: readonly PositionalRole[],
  unitOf: (position: string | null) => string | null,
): Role[] {
  const titles = [...new Set(positional.map((p) => p.title))];
  const roles: Role[] = [];
  for (const p of positional) {
    const kind = roleKindOfTitle(p.title, { titles });
    if (kind === null || kind === 'liaison') continue;
    // 组长由市长张某担任: the position may end with its holder's name
    // 由张某同志任主任: a name alone is the person, with no post given
    const bare = p.position.replace(/同志$/u, '');
    if (bare !== p.position && isPerson(bare)) {
      roles.push({ kind, title: p.title, person: bare, position: null, unit: null, source: p.source });
      continue;
    }
    const held = splitPostPerson(p.position);
    const position = held?.position ?? p.position;
    roles.push({ kind, title: p.title, person: held?.person ?? null, position, unit: unitOf(position), source: p.source });
  }
  return roles;
}
