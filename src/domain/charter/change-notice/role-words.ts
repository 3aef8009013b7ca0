/**
 * Role titles a change notice uses and the person-or-post phrases around them
 * (何某某同志（副省长）, 副省长王某某, 市政府分管副市长). Pure.
 */
import type { RoleKind } from '../charter-types.ts';

/** Role titles, longest alternative first so that 副组长 is never read as 组长. */
export const ROLE_TITLE = '(?:总召集人|副召集人|召集人|副组长|组长|副指挥长|指挥长|副总指挥|总指挥|成员|联络员)';

const ROLE_KINDS: Record<string, RoleKind> = {
  总召集人: 'convener',
  召集人: 'convener',
  组长: 'convener',
  指挥长: 'convener',
  总指挥: 'convener',
  副召集人: 'deputy_convener',
  副组长: 'deputy_convener',
  副指挥长: 'deputy_convener',
  副总指挥: 'deputy_convener',
  成员: 'member',
  联络员: 'liaison',
};

/** The role kind of a title, or null. */
export function roleKindOf(title: string): RoleKind | null {
  return ROLE_KINDS[title] ?? null;
}

/** A post title a person's name may follow or precede (副省长王某某, 王某某（市长）). */
const POST_END = /(?:副总理|总理|省长|市长|县长|区长|州长|旗长|秘书长|主任|部长|局长|厅长|署长|书记|主席|行长|会长|董事长|总经理|委员|常委|负责同志|负责人|司长|处长|科长|院长|检察长|巡视员|专员|助理|总监)$/u;

/** Words that never stand in a person's name. */
const NOT_A_NAME = /(?:同志|分管|负责|工作|政府|单位|部门|人员|成员|有关|各|的|等)/u;

const PERSON = /^[\u4e00-\u9fff·]{2,4}$/u;

export interface Who {
  person: string | null;
  position: string | null;
}

/**
 * Reads one person-or-post phrase: `何某某同志（副省长）`, `副省长王某某`, `王某某`, or a post
 * with no person (`市政府分管副市长`: a vacancy, never a person named from its last characters).
 */
export function readWho(phrase: string): Who | null {
  let text = phrase.replace(/[\s\u3000]+/gu, '').replace(/^[：:、，]+|[：:、，]+$/gu, '');
  let position: string | null = null;
  const paren = /[（(]([^）)]{1,60})[）)]/u.exec(text);
  if (paren) {
    position = paren[1] ?? null;
    text = (text.slice(0, paren.index) + text.slice(paren.index + paren[0].length)).trim();
  }
  text = text.replace(/同志$/u, '');
  if (text === '') return position === null ? null : { person: null, position };
  for (const length of [3, 2, 4]) {
    if (text.length <= length) continue;
    const name = text.slice(-length);
    const post = text.slice(0, -length);
    if (POST_END.test(post) && PERSON.test(name) && !NOT_A_NAME.test(name) && !POST_END.test(name)) {
      return { person: name, position: position ?? post };
    }
  }
  if (PERSON.test(text) && !NOT_A_NAME.test(text) && !POST_END.test(text)) return { person: text, position };
  if (POST_END.test(text) || text.length > 4) return { person: null, position: position === null ? text : `${text}（${position}）` };
  return null;
}

/** Splits a list of people or units on 、，和及与 (not inside parentheses). */
export function splitList(text: string): { part: string; offset: number }[] {
  const out: { part: string; offset: number }[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const part = raw.trim();
    if (part !== '') out.push({ part, offset: start + lead });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '（' || c === '(') depth += 1;
    else if ((c === '）' || c === ')') && depth > 0) depth -= 1;
    else if (depth === 0 && (c === '、' || c === '，' || c === ',' || c === '和' || c === '及' || c === '与')) {
      // 和 / 及 / 与 inside a unit name (发展和改革委员会) is not a separator: only split before a name of 2+ characters that follows a name of 2+.
      if ((c === '和' || c === '及' || c === '与') && !isSeparatorWord(text, i)) continue;
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}

/** 和/及/与 separates list items only when both sides read as whole names (end in a unit or person word). */
function isSeparatorWord(text: string, i: number): boolean {
  const before = text.slice(0, i);
  return /(?:局|厅|委|部|办|署|会|院|行|司|中心|公司|集团|政府|”|"|）|\))$/u.test(before) && i + 1 < text.length;
}
