/**
 * The liaison arrangement (联络员): who serves as a member unit's liaison and how many per unit.
 * `设联络员，由各成员单位有关处室负责同志担任` → 处室负责同志; `各成员单位指定一名股长作为…联络员` → 股长,
 * one per unit; `各成员单位选派…的科级干部同志担任联络员` → 科级干部. Null when the text says nothing. Pure.
 */
import type { Liaison, SourceSpan } from '../charter-types.ts';
import { parseChineseNumber } from '../../text/chinese-numerals.ts';
import { BODY_REFERENCE, boundaryBefore, foldSpaces, trimSpan } from './text-lines.ts';

const COUNT = '((?<![0-9０-９一二两三四五])[0-9０-９一二两三四五]+)(?:名|位|人)';

/** Who the liaison is, with the member-unit wording and a count taken off. */
function cleanPosition(raw: string): { position: string; perUnit: number | null } {
  let s = foldSpaces(raw);
  let perUnit: number | null = null;
  s = s.replace(/^由/u, '');
  s = s.replace(new RegExp(`^(?:各|其他|每个)?${BODY_REFERENCE}?(?:各|其他|每个)?(?:成员单位|有关部门|相关部门|部门|单位)(?:的)?`, 'u'), '');
  // 1名, at the start or inside (相关业务处室1名负责同志)
  const count = new RegExp(`(?:各)?${COUNT}`, 'u').exec(s);
  if (count?.[1]) {
    perUnit = parseChineseNumber(count[1]);
    s = s.slice(0, count.index) + s.slice(count.index + count[0].length);
  }
  // Qualities before 的 (素质好…的科级干部) are not the post.
  const de = s.lastIndexOf('的');
  if (de >= 0 && de < s.length - 1) {
    // …有关司局的负责同志: a level of the unit before 的 belongs to the post (司局负责同志)
    const level = /(?:^|有关|相关)((?:内设|业务|职能)?(?:司局|处室|科室|股室|机构|司|局|处|科|股))$/u.exec(s.slice(0, de));
    s = level?.[1] !== undefined ? level[1] + s.slice(de + 1) : s.slice(de + 1);
  }
  s = s.replace(/^(?:有关|相关)/u, '');
  // 科级干部同志 → 科级干部; 负责同志 stays.
  if (/同志$/u.test(s) && !/(?:负责|领导)同志$/u.test(s)) s = s.replace(/同志$/u, '');
  return { position: s, perUnit };
}

/** Whether the sentence before `at` is about a sub-group (专题组的联络员), not the body's members. */
function aboutSubgroup(text: string, at: number): boolean {
  const start = boundaryBefore(text, at, /[。；;\n]/u);
  return /专题组|保障组|工作组|副组长单位|组长单位/u.test(text.slice(start, at));
}

export function extractLiaison(text: string): Liaison | null {
  const found: Array<{ liaison: Liaison; at: number }> = [];
  const push = (raw: string, source: SourceSpan, at: number, perUnitHint: number | null = null): void => {
    const { position, perUnit } = cleanPosition(raw);
    if (position.length === 0) return;
    found.push({ liaison: { position, perUnit: perUnit ?? perUnitHint, source }, at });
  };

  // 设联络员，由X担任 / 联络员由X担任
  for (const m of text.matchAll(/(?:设(?:立)?联络员[，,]?|联络员)由([^。；;\n]+?)(?:兼任|担任)/gu)) {
    if (aboutSubgroup(text, m.index)) continue;
    push(m[1] ?? '', trimSpan(text, m.index, m.index + m[0].length), m.index);
  }
  // 各成员单位指定一名股长作为联络员 / 选派…科级干部同志担任联络员
  const designate = /成员单位(?:应当|应|要|须|需)?(?:指定|确定|明确|选派|推荐|选定|安排)([^。；;\n]+?)(?:作为|担任|为|任|兼任)(?:[^。；;\n，,]{0,16}的)?联络员/gu;
  for (const m of text.matchAll(designate)) {
    if (aboutSubgroup(text, m.index)) continue;
    const start = boundaryBefore(text, m.index);
    push(m[1] ?? '', trimSpan(text, start, m.index + m[0].length), m.index);
  }
  // 各成员单位应当明确联络员(1名)
  const plain = new RegExp(`成员单位(?:应当|应|要|须|需)?(指定|确定|明确|选派|推荐)(?:${COUNT})?联络员(?:${COUNT})?`, 'gu');
  for (const m of text.matchAll(plain)) {
    if (aboutSubgroup(text, m.index)) continue;
    const start = boundaryBefore(text, m.index);
    const countText = m[2] ?? m[3];
    const perUnit = countText ? parseChineseNumber(countText) : null;
    found.push({
      liaison: { position: `成员单位${m[1] ?? '指定'}的联络员`, perUnit, source: trimSpan(text, start, m.index + m[0].length) },
      at: m.index,
    });
  }
  found.sort((a, b) => a.at - b.at);
  return found[0]?.liaison ?? null;
}
