/**
 * What a change notice changes in one body, read clause by clause from a part of the notice:
 * new role holders (由…担任召集人, 组长调整为…, 增补…为成员), people leaving (…不再担任…), member
 * units added, removed or renamed, the office moved (办公室改设在…), the body renamed, and when an
 * abolition takes effect (自印发之日起 = the notice's date). Every pattern is anchored on a verb and
 * bounded by clause punctuation, so reading is linear in the text. Pure.
 */
import { displayUnitName } from '../../directory/unit-name.ts';
import { findDates } from '../../text/dates.ts';
import type { Abolition, ChangeDelta, NamedSpan, RoleAssignment } from './change-notice-types.ts';
import { ROLE_TITLE, readWho, roleKindOf, splitList } from './role-words.ts';

/** A clause of the notice: text between ，。；：\n, with its offset. */
interface Clause {
  text: string;
  start: number;
}

/** Cuts `text[from, to)` into sentences (。；！\n), each with its offset. */
export function sentencesOf(text: string, from: number, to: number): Clause[] {
  const out: Clause[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text[i] : '\n';
    if (c === '。' || c === '；' || c === '！' || c === '\n' || c === ';') {
      if (i > start) out.push({ text: text.slice(start, i), start });
      start = i + 1;
    }
  }
  return out;
}

/** Cuts a sentence into clauses on ，：, (not inside parentheses). */
function clausesOf(sentence: Clause): Clause[] {
  const out: Clause[] = [];
  let depth = 0;
  let start = 0;
  const s = sentence.text;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s[i] : '，';
    if (c === '（' || c === '(') depth += 1;
    else if ((c === '）' || c === ')') && depth > 0) depth -= 1;
    else if (depth === 0 && (c === '，' || c === ',' || c === '：' || c === ':')) {
      if (i > start) out.push({ text: s.slice(start, i), start: sentence.start + start });
      start = i + 1;
    }
  }
  return out;
}

export function emptyDelta(): ChangeDelta {
  return {
    roles: [],
    replacesRoles: [],
    rolesReleased: [],
    unitsAdded: [],
    unitsRemoved: [],
    unitsRenamed: [],
    officeHost: null,
    renamedTo: null,
    abolished: null,
  };
}

/** A unit or body name cut out of a clause: quotes, 将, trailing 为/的名称/等 removed. */
function cleanName(raw: string): string {
  return displayUnitName(
    raw
      .replace(/^[将把原由]/u, '')
      .replace(/[“”"‘’]/gu, '')
      .replace(/(?:的名称|名称|为|等单位|等部门)$/u, ''),
  );
}

function unitList(raw: string, offset: number): NamedSpan[] {
  return splitList(raw)
    .map(({ part, offset: at }) => ({ name: cleanName(part), source: { start: offset + at, end: offset + at + part.length } }))
    .filter((u) => u.name.length >= 2);
}

function assignments(title: string, list: string, offset: number, span: { start: number; end: number }): RoleAssignment[] {
  const kind = roleKindOf(title);
  if (kind === null) return [];
  const out: RoleAssignment[] = [];
  for (const { part } of splitList(list)) {
    const who = readWho(part);
    if (who === null) continue;
    out.push({ kind, title, person: who.person, position: who.position, source: span });
  }
  void offset;
  return out;
}

const RE = {
  /** 由何某某同志（副省长）担任联席会议召集人 / 由副省长王某某任组长 */
  byAssumes: new RegExp(`由(.{2,160}?)(?:担任|出任|兼任|任)[^，。；、]{0,20}?(${ROLE_TITLE})`, 'u'),
  /** 何某某同志任召集人 (at the start of a clause) */
  assumes: new RegExp(`^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?([^，。；：由]{2,60}?)(?:担任|出任|兼任|任)[^，。；、]{0,20}?(${ROLE_TITLE})(?:职务)?$`, 'u'),
  /** 组长由王某某同志（市长）担任 / 副组长调整为李某某（副市长）、赵某某 */
  roleBecomes: new RegExp(`(${ROLE_TITLE})(?:调整为|改为|变更为|更换为|改由|调整由|由)(.{2,160}?)(?:同志)?(?:担任|兼任)?$`, 'u'),
  /** 何某某同志不再担任召集人 */
  leaves: new RegExp(`^(?:[一二三四五六七八九十]+、)?(.{2,60}?)(?:同志)?不再(?:担任|兼任)[^，。；]{0,20}?(${ROLE_TITLE})?(?:职务)?$`, 'u'),
  /** 增补王某某（市数据局局长）为领导小组成员 / 增加市林业局为联席会议成员单位 */
  addedAs: new RegExp(`(?:增补|增加|增列|新增|增设|吸收)(.{2,200}?)为[^，。；]{0,20}?(成员单位|${ROLE_TITLE})`, 'u'),
  /** 成员单位增加市数据局、市林业局 */
  unitsAdd: /成员单位(?:中)?(?:增加|新增|增补|增列|增设)(.{2,200})$/u,
  /** 市林业局不再作为成员单位 / 将市林业局调整出成员单位 */
  unitsDropped: /^(?:[一二三四五六七八九十]+、)?(.{2,200}?)(?:不再作为|不再列为|不再为|不再是|退出|调整出|调出)[^，。；]{0,20}?成员单位/u,
  /** 成员单位减少市林业局 / 删除…成员单位 */
  unitsRemove: /(?:成员单位(?:中)?(?:减少|删除|去掉|撤出|不再包括)(.{2,200})$|(?:减少|删除|去掉|取消)(.{2,200}?)(?:的)?成员单位(?:资格)?)/u,
  /** “市商务局”更名为“市商务和投资促进局” */
  quotedRename: /[“"]([^”"]{2,60})[”"](?:更名为|调整为|变更为|改为|改名为)[“"]([^”"]{2,60})[”"]/u,
  /** 办公室改设在市水务局 / 办公室由A调整至B */
  officeFromTo: /办公室由([^，。；]{2,40}?)(?:调整|改设|移|转)(?:至|到|在|为)([^，。；（(]{2,40})/u,
  office: /办公室(?:改设在|调整设在|改设于|调整至|调整到|移至|移交|设在|设于|调整为设在)([^，。；（(]{2,40})/u,
  /** 自印发之日起撤销 / 自2025年1月1日起 */
  fromIssue: /自(?:印发|发文|下发|公布|发布|通知印发)之日起|即日起/u,
};

const RENAME_VERBS = ['名称调整为', '名称变更为', '更名为', '改名为'];

/** 将某某领导小组更名为某某领导小组: the old and the new name around the verb (found by position, not by a scanning pattern). */
function renameOf(clause: string): [string, string, string] | null {
  for (const verb of RENAME_VERBS) {
    const at = clause.indexOf(verb);
    if (at < 0) continue;
    const before = clause.slice(Math.max(0, at - 80), at).replace(/^.*[“”"]/u, '');
    const after = clause.slice(at + verb.length, at + verb.length + 80).replace(/[“”"].*$/u, '');
    if (before.length < 2 || after.length < 2) return null;
    return [clause, before, after];
  }
  return null;
}

/** Office host cut at 承担/负责: 设在市水务局，承担… or 设在市水务局承担…. */
function cleanHost(raw: string): string {
  return cleanName(raw.replace(/(?:承担|负责|具体负责|办公室主任|主任由).*$/u, '').replace(/内$/u, ''));
}

/** A roster line of the adjusted composition: `组长：王某某（市长）` or `成（全角空格）员：王某某（全角空格）市水务局局长、…`. */
const LISTING = /^[\s\u3000]*([\u4e00-\u9fff\s\u3000]{2,10}?)[\s\u3000]*[：:][\s\u3000]*(.*)$/u;

/** People of a roster line: `王某某（市长）`, `王某某（全角空格）市长` or `市长王某某`, separated by 、，； or wide spaces between entries. */
function listedPeople(line: string): { person: string | null; position: string | null }[] {
  const out: { person: string | null; position: string | null }[] = [];
  // One person and one post (县委常委、常务副县长 is one post, not two people).
  const single = /^([\u4e00-\u9fff·]{2,4})[\s\u3000]+([^\s\u3000]+)$/u.exec(line.trim());
  if (single) return [{ person: single[1] ?? null, position: single[2] ?? null }];
  for (const { part } of splitList(line)) {
    const spaced = /^([\u4e00-\u9fff·]{2,4})[\s\u3000]+(.+)$/u.exec(part.trim());
    if (spaced) {
      out.push({ person: spaced[1] ?? null, position: (spaced[2] ?? '').replace(/[\s\u3000]+/gu, '') || null });
      continue;
    }
    const who = readWho(part);
    if (who !== null) out.push(who);
  }
  return out;
}

/** Reads the delta from `text[from, to)` into `into`. `bodyNames` are the body names the notice gives (a rename of one of them renames the body). */
export function readDelta(text: string, from: number, to: number, into: ChangeDelta, bodyNames: readonly string[]): void {
  const isBody = (name: string): boolean => bodyNames.some((b) => b === name || b.endsWith(name) || name.endsWith(b)) || /(?:领导小组|联席会议|工作专班|协调小组|指挥部|工作组)$/u.test(name);
  let listing: { kind: RoleAssignment['kind']; title: string } | null = null;
  for (const sentence of sentencesOf(text, from, to)) {
    const line = LISTING.exec(sentence.text);
    const span = { start: sentence.start, end: sentence.start + sentence.text.length };
    if (line) {
      const title = (line[1] ?? '').replace(/[\s\u3000]+/gu, '');
      const kind = roleKindOf(title);
      if (kind !== null) {
        listing = { kind, title };
        if (!into.replacesRoles.includes(kind)) into.replacesRoles.push(kind);
        for (const who of listedPeople(line[2] ?? '')) into.roles.push({ kind, title, person: who.person, position: who.position, source: span });
        continue;
      }
    }
    // A roster continues on the next lines (成员 listed one a line, indented or `姓名 职务`).
    if (listing !== null && (/^[\s\u3000]{2,}\S/u.test(sentence.text) || /^[\u4e00-\u9fff·]{2,4}[\s\u3000]+\S/u.test(sentence.text)) && !/[：:]/u.test(sentence.text)) {
      const current = listing;
      for (const who of listedPeople(sentence.text)) into.roles.push({ kind: current.kind, title: current.title, person: who.person, position: who.position, source: span });
      continue;
    }
    listing = null;
    for (const clause of clausesOf(sentence)) {
      const span = { start: clause.start, end: clause.start + clause.text.length };
      const c = clause.text;
      let m: RegExpExecArray | null;
      const renamed = c.includes('为') ? (RE.quotedRename.exec(c) ?? renameOf(c)) : null;
      if (renamed) {
        const fromName = cleanName(renamed[1] ?? '');
        const toName = cleanName(renamed[2] ?? '');
        if (fromName.length >= 2 && toName.length >= 2) {
          if (isBody(fromName) || isBody(toName)) into.renamedTo = { name: toName, source: span };
          else into.unitsRenamed.push({ from: fromName, to: toName, source: span });
        }
        continue;
      }
      if ((m = RE.officeFromTo.exec(c)) || (m = RE.office.exec(c))) {
        const host = cleanHost(m[m.length - 1] ?? '');
        if (host.length >= 2) into.officeHost = { name: host, source: span };
        continue;
      }
      if ((m = RE.leaves.exec(c))) {
        const kind = m[2] === undefined ? null : roleKindOf(m[2]);
        for (const { part } of splitList(m[1] ?? '')) {
          const who = readWho(part);
          if (who?.person) into.rolesReleased.push({ kind, person: who.person, source: span });
        }
        continue;
      }
      if ((m = RE.addedAs.exec(c))) {
        if (m[2] === '成员单位') into.unitsAdded.push(...unitList(m[1] ?? '', clause.start + m.index + (m[0].indexOf(m[1] ?? ''))));
        else into.roles.push(...assignments(m[2] ?? '', m[1] ?? '', 0, span));
        continue;
      }
      if ((m = RE.unitsAdd.exec(c))) {
        into.unitsAdded.push(...unitList(m[1] ?? '', clause.start + m.index + m[0].length - (m[1] ?? '').length));
        continue;
      }
      if ((m = RE.unitsDropped.exec(c))) {
        into.unitsRemoved.push(...unitList(m[1] ?? '', clause.start + m.index + m[0].indexOf(m[1] ?? '')));
        continue;
      }
      if ((m = RE.unitsRemove.exec(c))) {
        const list = m[1] ?? m[2] ?? '';
        into.unitsRemoved.push(...unitList(list, clause.start + m.index + m[0].indexOf(list)));
        continue;
      }
      if ((m = RE.roleBecomes.exec(c))) {
        const title = m[1] ?? '';
        const kind = roleKindOf(title);
        const found = assignments(title, m[2] ?? '', 0, span);
        if (kind !== null && found.length > 0) {
          into.roles.push(...found);
          if (!into.replacesRoles.includes(kind)) into.replacesRoles.push(kind);
        }
        continue;
      }
      if ((m = RE.byAssumes.exec(c)) || (m = RE.assumes.exec(c))) {
        const title = m[2] ?? '';
        const kind = roleKindOf(title);
        const found = assignments(title, m[1] ?? '', 0, span);
        into.roles.push(...found);
        if (kind === 'convener' && found.length > 0 && !into.replacesRoles.includes(kind)) into.replacesRoles.push(kind);
        continue;
      }
    }
  }
}

/** The day of `自<date>起` / `自<date>零时` in a sentence (2024年7月1日, 二〇二四年七月一日, 2024-07-01), or null. */
function effectiveDateIn(sentence: string): string | null {
  for (const d of findDates(sentence)) {
    if (d.precision === 'day' && sentence[d.start - 1] === '自' && /^\s*(?:起|零时)/u.test(sentence.slice(d.end, d.end + 4))) return d.iso;
  }
  return null;
}

/** When an abolition takes effect, read from `text[from, to)`; null when the notice does not say. */
export function readAbolition(text: string, from: number, to: number, issueDate: string | null): Abolition | null {
  for (const sentence of sentencesOf(text, from, to)) {
    const span = { start: sentence.start, end: sentence.start + sentence.text.length };
    const iso = effectiveDateIn(sentence.text);
    if (iso !== null) return { effectiveDate: iso, text: sentence.text.trim(), source: span };
    if (RE.fromIssue.test(sentence.text)) return { effectiveDate: issueDate, text: sentence.text.trim(), source: span };
  }
  return null;
}
