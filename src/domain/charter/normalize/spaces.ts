/**
 * Spaces inside lines (see `NormalizedText` for the convention extractors rely on). Pure.
 *
 * - A run of two or more spaces (ASCII or full-width) or any tab between two pieces of text is a
 *   field separator and becomes one '\t' (`张\u3000三\u3000\u3000某部部长` → `张三\t某部部长`).
 * - A single space between CJK characters where one side is a lone character is folded away: it sits
 *   inside a name or a spaced-out title (`张\u3000三` → 张三, `召 集 人` → 召集人).
 * - A line-start label spread with spaces (`成\u3000\u3000员：`, `召 集 人：`, `组  长`) is folded whole.
 * - Spaces right after a numbering label are dropped (第一条\u3000为… → 第一条为…).
 * - A single space next to full-width punctuation is dropped; any other single space becomes ' '.
 * - A two-character name padded to three columns (王  磊) is folded like a single space.
 * - Leading indentation is dropped, except on a table row (a line that holds a '\t' separator) whose
 *   first cell carries no label (no colon): there it becomes one leading '\t', so an indented
 *   continuation row of a roster keeps an empty label cell (`\t李四\t某局局长`). Trailing
 *   spaces are dropped.
 */
import { Editor, type MappedText } from './mapped-text.ts';
import { lineRanges } from './lines.ts';
import { isCjk, isInlineSpace } from '../../text/cjk.ts';
import { parseSectionLabel } from '../../text/section-labels.ts';

/** Role and post titles that a roster may spread with spaces without a colon (组  长  张三). */
const SPREAD_TITLES = [
  '副召集人',
  '召集人',
  '副组长',
  '组长',
  '成员',
  '副主任',
  '主任',
  '委员',
  '副秘书长',
  '秘书长',
  '联络员',
  '副总指挥',
  '总指挥',
  '副指挥长',
  '指挥长',
  '顾问',
  '组员',
];

const FULL_WIDTH_PUNCTUATION = '，。、；：？！（）《》“”‘’【】〔〕';

/** The end (line offset) of a spread line-start label, or 0 when there is none. */
function labelEnd(line: string, contentStart: number): number {
  // With a colon: the text before an early colon, 2–8 CJK characters once spaces are removed
  const rest = line.slice(contentStart, contentStart + 16);
  const colon = rest.search(/[:：]/u);
  if (colon > 0) {
    const label = rest.slice(0, colon);
    const bare = label.replace(/[\s\u3000]/gu, '');
    if (bare.length >= 2 && bare.length <= 8 && [...bare].every((c) => isCjk(c)) && bare.length < label.length) {
      return contentStart + colon;
    }
  }
  // Without a colon: single characters separated by spaces that spell a title
  let i = contentStart;
  let spelled = '';
  let best = 0;
  while (i < line.length && isCjk(line[i])) {
    if (isCjk(line[i + 1])) break;
    spelled += line[i];
    const end = i + 1;
    if (SPREAD_TITLES.includes(spelled)) best = end;
    let j = end;
    while (j < line.length && isInlineSpace(line[j])) j++;
    if (j === end) break;
    i = j;
  }
  return spelled.length >= 2 ? best : 0;
}

/** Length of the CJK token ending just before `at` (going left) or starting at `at` (going right). */
function cjkTokenLength(line: string, at: number, direction: -1 | 1): number {
  let n = 0;
  let i = direction === -1 ? at - 1 : at;
  while (i >= 0 && i < line.length && isCjk(line[i])) {
    n++;
    i += direction;
  }
  return n;
}

/** Display width of a run of spaces: a full-width space counts two, a tab four. */
function runWidth(run: string): number {
  let w = 0;
  for (const ch of run) w += ch === '\u3000' ? 2 : ch === '\t' ? 4 : 1;
  return w;
}

/**
 * A two-character name padded to the width of three (王  磊, 王\u3000磊): a lone CJK character, a run of
 * spaces at most two columns wide, and a lone CJK character, standing as a cell of its own (after
 * the line start, a colon or a separator; before a separator or the line end).
 */
function isPaddedName(line: string, a: number, b: number, contentStart: number): boolean {
  if (runWidth(line.slice(a, b)) > 2) return false;
  if (!isCjk(line[a - 1]) || !isCjk(line[b])) return false;
  const left = a - 2;
  const leftOk = left < contentStart || isInlineSpace(line[left]) || /[：:]/u.test(line[left] ?? '');
  const right = b + 1;
  const rightOk = right >= line.length || isInlineSpace(line[right]);
  return leftOk && rightOk;
}

export function foldSpaces(src: MappedText): MappedText {
  const { text } = src;
  if (!/[ \t\u3000]/u.test(text)) return src;
  const editor = new Editor(src);
  let cursor = 0;
  for (const { start, end } of lineRanges(text)) {
    const line = text.slice(start, end);
    let cs = 0;
    while (cs < line.length && isInlineSpace(line[cs])) cs++;
    let ce = line.length;
    while (ce > cs && isInlineSpace(line[ce - 1])) ce--;
    if (cs === 0 && ce === line.length && !/[ \t\u3000\u00a0]/u.test(line)) continue;

    editor.keep(cursor, start);
    const label = labelEnd(line, cs);
    // 第一条\u3000为… / 一、 主要职能: the space after a numbering label goes
    const numbering = parseSectionLabel(line.slice(cs));
    const numberingEnd = numbering ? cs + numbering.label.length : -1;
    // Decide every inner run first, to know whether the line is a table row
    const ops: Array<{ a: number; b: number; out: string; padded: boolean }> = [];
    let i = cs;
    while (i < ce) {
      if (!isInlineSpace(line[i])) {
        i++;
        continue;
      }
      const a = i;
      while (i < ce && isInlineSpace(line[i])) i++;
      const b = i;
      const run = line.slice(a, b);
      const prev = line[a - 1];
      const next = line[b];
      let out: string;
      const afterPaddedName = ops.length > 0 && ops[ops.length - 1]?.padded === true && ops[ops.length - 1]?.b === a - 1;
      let padded = false;
      if (b <= label || a === numberingEnd) out = '';
      else if (isPaddedName(line, a, b, cs)) [out, padded] = ['', true];
      // 宋 兰 某局副局长: the space after a padded name separates it from the post
      else if (afterPaddedName && b - a === 1 && !run.includes('\t')) out = ' ';
      else if (run.includes('\t') || b - a >= 2) out = '\t';
      else if (FULL_WIDTH_PUNCTUATION.includes(prev ?? '') || FULL_WIDTH_PUNCTUATION.includes(next ?? '')) out = '';
      else if (isCjk(prev) && isCjk(next) && (cjkTokenLength(line, a, -1) === 1 || cjkTokenLength(line, b, 1) === 1)) out = '';
      else if (/[:：]/u.test(prev ?? '') && isCjk(next)) out = '';
      else out = ' ';
      ops.push({ a, b, out, padded });
    }
    const tableRow = ops.some((op) => op.out === '\t');
    const firstSeparator = ops.find((op) => op.out === '\t');
    const labelled = firstSeparator !== undefined && /[：:]/u.test(line.slice(cs, firstSeparator.a));
    if (cs > 0 && tableRow && !labelled) editor.insert(start, '\t');
    let at = cs;
    for (const op of ops) {
      editor.keep(start + at, start + op.a);
      if (op.out !== '') {
        if (op.out === line.slice(op.a, op.b)) editor.keep(start + op.a, start + op.b);
        else editor.replace(start + op.a, start + op.a + 1, op.out);
      }
      at = op.b;
    }
    editor.keep(start + at, start + ce);
    cursor = end;
  }
  editor.keep(cursor, text.length);
  return editor.finish();
}
