/**
 * The body's office (办公室): the host unit (`办公室设在…`, `日常工作由…承担`), the director and deputy
 * directors (`办公室主任由…兼任`, `副主任4名，由…各1名科级干部担任`), and its duties (`办公室主要职责：…；…`,
 * or the 主要职责 articles of a separate office document). Pure.
 */
import type { Office, OfficePost, SourceSpan } from '../charter-types.ts';
import { parseChineseNumber } from '../../text/chinese-numerals.ts';
import type { RosterEntry } from './roster.ts';
import { BODY_REFERENCE, boundaryBefore, foldSpaces, splitLines, trimSpan, unionSpan } from './text-lines.ts';
import { parseUnitList, splitRolePhrase, stripAlias } from './unit-list.ts';
import { looksLikeUnit, splitPostPerson, unitOfPost } from './unit-names.ts';

export interface OfficeContext {
  /** Canonical member unit name for a unit named in the text, or null */
  resolveUnit: (name: string) => string | null;
  /** Roster entries (for 办公室主任 / 办公室副主任 given by name) */
  roster: readonly RosterEntry[];
}

const COUNT = '(?<![0-9０-９一二两三四五六七八九十])[0-9０-９一二两三四五六七八九十]+(?:名|人|位)';
const COUNT_RE = new RegExp(`(?:各)?${COUNT}`, 'gu');

function dropCounts(s: string): string {
  return s.replace(COUNT_RE, '');
}

/** Posts filled from a list of units sharing one role phrase (`甲部、乙委…有关负责同志`). */
function postsFromList(text: string, start: number, end: number, ctx: OfficeContext): OfficePost[] {
  const raw = foldSpaces(text.slice(start, end));
  const list = parseUnitList(text, start, end);
  if (list.items.length > 0 && list.rejected.length === 0) {
    const phrase = list.rolePhrase ? dropCounts(list.rolePhrase) : '';
    return list.items.map((item) => ({
      person: null,
      position: `${item.name}${phrase}`,
      unit: ctx.resolveUnit(item.name) ?? item.name,
      source: item.source,
    }));
  }
  // A person of the roster by name alone (由张某同志兼任): their post is the roster's
  const bareName = raw.replace(/同志$/u, '');
  const rostered = ctx.roster.find((e) => e.person === bareName);
  if (rostered !== undefined) {
    const unitName = rostered.position ? unitOfPost(rostered.position) : null;
    return [{ person: rostered.person, position: rostered.position, unit: unitName ? (ctx.resolveUnit(unitName) ?? unitName) : null, source: trimSpan(text, start, end) }];
  }
  // Several posts with their holders (甲部副部长张某，乙局副局长李某、丙委副主任王某)
  const people = personsFromList(raw, ctx);
  if (people !== null) {
    let at = start;
    return people.map((p) => {
      const found = text.indexOf(p.piece, at);
      const source = found >= 0 && found < end ? trimSpan(text, found, found + p.piece.length) : trimSpan(text, start, end);
      if (found >= 0) at = found + p.piece.length;
      const unitName = unitOfPost(p.position);
      return { person: p.person, position: p.position, unit: unitName && looksLikeUnit(unitName) ? (ctx.resolveUnit(unitName) ?? unitName) : null, source };
    });
  }
  // One position (某厅分管负责同志, 市政府副秘书长 …), perhaps with its holder's name (某局副局长张某)
  const held = splitPostPerson(raw, ctx.roster.flatMap((e) => (e.person !== null ? [e.person] : [])));
  const post = held?.position ?? raw;
  const split = splitRolePhrase(post);
  // 某局分管副局长: the unit's own deputy head
  const unitName = split ? stripAlias(split.unit).name : unitOfPost(post.replace(/(?:分管|主管)(?=副?[\u4e00-\u9fff]{0,2}长$)/u, ''));
  const unit = unitName && looksLikeUnit(unitName) ? (ctx.resolveUnit(unitName) ?? unitName) : null;
  return [{ person: held?.person ?? null, position: dropCounts(post), unit, source: trimSpan(text, start, end) }];
}

/**
 * Posts with their holders separated by ， or 、 (two at least), or null when any piece is not a
 * post followed by a name. A piece whose 、 joins two titles of one holder stays whole.
 */
function personsFromList(raw: string, ctx: OfficeContext): Array<{ piece: string; position: string; person: string }> | null {
  const known = ctx.roster.flatMap((e) => (e.person !== null ? [e.person] : []));
  const out: Array<{ piece: string; position: string; person: string }> = [];
  for (const piece of raw.split(/[，,]/u)) {
    // Parts joined by 、 up to the one that ends with a name make one holder's post
    let pending = '';
    for (const part of piece.split('、')) {
      pending = pending === '' ? part : `${pending}、${part}`;
      const held = splitPostPerson(pending, known);
      if (held === null) continue;
      out.push({ piece: pending, ...held });
      pending = '';
    }
    if (pending !== '') return null;
  }
  return out.length >= 2 ? out : null;
}

function findHost(text: string, ctx: OfficeContext): { name: string; source: SourceSpan } | null {
  const patterns = [
    /(?:办公室|办事机构|办公地点)(?:设在|设于|设立在)([^，,；;。\n]+)/gu,
    // 下设办公室（设在市某某局） / 下设办公室，设在省某某局
    /(?:办公室|办事机构)(?:[（(]|[，,]\s*)(?:办公室)?(?:设在|设于|设立在)([^，,；;。\n（）()]+)/gu,
    /日常工作由([^，,；;。\n]+?)(?:承担|负责)/gu,
    /依托([^，,；;。\n]+?)(?:设立|成立)(?:办公室|办事机构)/gu,
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      // …由某局有关科室承担: the unit, not its section
      const written = foldSpaces(m[1] ?? '').replace(/(?:内|之内)$/u, '').replace(/(?:的)?(?:有关|相关)?(?:业务)?(?:科室|处室|股室)$/u, '');
      // 某司（某某办公室）: the parenthesis is the unit's other name
      const name = stripAlias(written).name;
      if (!looksLikeUnit(name)) continue;
      const before = text.slice(boundaryBefore(text, m.index, /[。\n]/u), m.index);
      if (/专题组|保障组|工作组|各组|类别/u.test(before)) continue;
      const at = m.index + m[0].indexOf(m[1] ?? '');
      return { name: ctx.resolveUnit(name) ?? name, source: { start: at, end: at + (m[1] ?? '').length } };
    }
  }
  return null;
}

function findDirector(text: string, ctx: OfficeContext): OfficePost | null {
  const named = ctx.roster.find((e) => e.title === '办公室主任');
  if (named) {
    const unitName = named.position ? unitOfPost(named.position) : null;
    return { person: named.person, position: named.position, unit: unitName ? ctx.resolveUnit(unitName) : null, source: named.source };
  }
  const byRe = new RegExp(`(?:办公室主任|(?:办公室)?设主任(?:${COUNT})?)[，,]?由([^，,；;。\\n]+?)(?:兼任|担任)`, 'u');
  const m1 = byRe.exec(text);
  if (m1?.[1]) {
    const start = m1.index + m1[0].indexOf(m1[1]);
    return postsFromList(text, start, start + m1[1].length, ctx)[0] ?? null;
  }
  const m2 = new RegExp(`(?:兼任|担任)(?:${BODY_REFERENCE})?办公室主任`, 'u').exec(text);
  if (m2) {
    const start = boundaryBefore(text, m2.index);
    return postsFromList(text, start, m2.index, ctx)[0] ?? null;
  }
  return null;
}

function findDeputies(text: string, ctx: OfficeContext): { posts: OfficePost[]; stated: number | null } {
  const named = ctx.roster.filter((e) => e.title === '办公室副主任');
  if (named.length > 0) {
    return {
      stated: null,
      posts: named.map((e) => {
        const unitName = e.position ? unitOfPost(e.position) : null;
        return { person: e.person, position: e.position, unit: unitName ? ctx.resolveUnit(unitName) : null, source: e.source };
      }),
    };
  }
  // 副主任由…兼任, also 常务副主任由…兼任；副主任由…，…兼任 (holders listed with commas)
  const re = new RegExp(`(办公室)?((?:常务|专职)?)副主任(?:([0-9０-９一二两三四五六七八九十]+)(?:名|人|位))?[，,]?由([^；;。\\n]+?)(?:兼任|担任)`, 'gu');
  const posts: OfficePost[] = [];
  let stated: number | null = null;
  for (const m of text.matchAll(re)) {
    // Without 办公室 the sentence must be about the office.
    if (!m[1]) {
      const sentence = text.slice(boundaryBefore(text, m.index, /[。\n]/u), m.index);
      if (!/办公室/u.test(sentence)) continue;
    }
    let list = m[4] ?? '';
    // A comma ends the list unless it separates posts with their holders
    const comma = list.search(/[，,]/u);
    if (comma >= 0 && personsFromList(list, ctx) === null) {
      list = list.slice(0, comma);
      if (list.length === 0) continue;
      // The shortened list must still end the clause with 兼任/担任
      const after = text.slice(m.index + m[0].lastIndexOf(m[4] ?? '') + list.length);
      if (!/^(?:兼任|担任)/u.test(after)) continue;
    }
    const start = m.index + m[0].lastIndexOf(m[4] ?? '');
    posts.push(...postsFromList(text, start, start + list.length, ctx));
    if (m[3]) stated = (stated ?? 0) + (parseChineseNumber(m[3]) ?? 0);
    if (!m[2]) break;
  }
  return { posts, stated };
}

/** Duties from `办公室主要职责(是)：A；B；C。` */
function dutiesFromSentence(text: string): Array<{ text: string; source: SourceSpan }> {
  const out: Array<{ text: string; source: SourceSpan }> = [];
  const re = /办公室(?:的)?(?:主要)?职责(?:是|为|包括)?[:：]/gu;
  for (const m of text.matchAll(re)) {
    let at = m.index + m[0].length;
    let end = at;
    while (end < text.length && text[end] !== '。' && text[end] !== '\n') end++;
    for (const piece of text.slice(at, end).split(/[；;]/u)) {
      const span = trimSpan(text, at, at + piece.length);
      if (span.end > span.start) out.push({ text: text.slice(span.start, span.end), source: span });
      at += piece.length + 1;
    }
  }
  return out;
}

/** Duties from the 主要职责 articles of a separate office document (its title names the office). */
function dutiesFromOfficeDocument(text: string): Array<{ text: string; source: SourceSpan }> {
  const out: Array<{ text: string; source: SourceSpan }> = [];
  const lines = splitLines(text);
  let inOfficeDoc = false;
  let inDuties = false;
  for (const line of lines) {
    const t = line.text.trim();
    if (t.length === 0) continue;
    const isTitle = t.length <= 80 && !/[。，,；;：:]/u.test(t) && /(?:细则|规则|制度|办法|规定|职责)$/u.test(t) && !/^[一二三四五六七八九十]+、/u.test(t) && !/^第[一二三四五六七八九十百]+条/u.test(t);
    if (isTitle) {
      inOfficeDoc = /办公室/u.test(t);
      inDuties = false;
      continue;
    }
    if (!inOfficeDoc) continue;
    const heading = /^[一二三四五六七八九十]+、(.*)$/u.exec(t);
    if (heading) {
      inDuties = /职责/u.test(heading[1] ?? '');
      continue;
    }
    if (!inDuties) continue;
    const article = /^第[一二三四五六七八九十百]+条[\s\u3000]*/u.exec(line.text.trimStart());
    const offset = line.text.length - line.text.trimStart().length + (article ? article[0].length : 0);
    const span = trimSpan(text, line.start + offset, line.end);
    if (span.end > span.start) out.push({ text: text.slice(span.start, span.end), source: span });
  }
  return out;
}

export interface OfficeResult {
  office: Office | null;
  /** Deputy directors stated (副主任4名), for a count check */
  deputyDirectorsStated: number | null;
}

/** The office, or null when the text sets none up. */
export function extractOffice(text: string, ctx: OfficeContext): OfficeResult {
  const host = findHost(text, ctx);
  const director = findDirector(text, ctx);
  const deputies = findDeputies(text, ctx);
  const duties = [...dutiesFromSentence(text), ...dutiesFromOfficeDocument(text)];
  const uniqueDuties = duties.filter((d, i) => duties.findIndex((o) => o.text === d.text) === i);
  if (!host && !director && deputies.posts.length === 0 && uniqueDuties.length === 0) {
    return { office: null, deputyDirectorsStated: null };
  }
  const source = unionSpan([
    host?.source,
    director?.source,
    ...deputies.posts.map((p) => p.source),
    ...uniqueDuties.map((d) => d.source),
  ]) as SourceSpan;
  return {
    office: {
      hostUnit: host?.name ?? null,
      director,
      deputyDirectors: deputies.posts,
      duties: uniqueDuties.map((d) => d.text),
      source,
    },
    deputyDirectorsStated: deputies.stated,
  };
}
