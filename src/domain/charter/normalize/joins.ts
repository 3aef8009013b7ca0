/**
 * Line breaks (see `NormalizedText`). Pure.
 *
 * - A title split over two to four lines is joined (`…关于同意建立某省\n某某联席会议制度的函`): a run of
 *   title-like lines whose last line ends in a document kind (通知, 函, 制度, 名单 …) and whose other
 *   lines do not.
 * - A sentence broken before its last few characters (`…重大问\n题，全面…`, `…提供\n参考。`) is joined
 *   when the broken line is long, holds clause punctuation and ends in a CJK character and the next line starts with one to
 *   four CJK characters and then punctuation.
 * - Runs of blank lines become one blank line; blank lines at the start and end are dropped.
 */
import { Editor, type MappedText } from './mapped-text.ts';
import { lineRanges, type LineRange } from './lines.ts';
import { endsLikeTitle, isTitleLike } from '../../text/title-lines.ts';
import { isCjk } from '../../text/cjk.ts';
import { startsWithSectionLabel } from '../../text/section-labels.ts';

const MAX_TITLE_LINES = 4;
const BROKEN_TAIL = /^[\u4e00-\u9fff]{1,4}[，。、；：）”]/u;

export function joinLines(src: MappedText): MappedText {
  const { text } = src;
  const lines = lineRanges(text);
  const content = lines.map((l) => text.slice(l.start, l.end));
  /** joinNext[i]: drop the line break after line i */
  const joinNext = new Array<boolean>(lines.length).fill(false);

  for (let i = 0; i < lines.length; i++) {
    const line = content[i] ?? '';
    if (!isTitleLike(line) || !endsLikeTitle(line)) continue;
    let g = i;
    while (g - 1 >= 0 && i - (g - 1) < MAX_TITLE_LINES) {
      const prev = content[g - 1] ?? '';
      if (prev.trim() === '' && g - 2 >= 0 && opensTitleAcrossBlank(content[g - 2] ?? '', content.slice(g, i + 1))) {
        g -= 2;
        continue;
      }
      if (!isTitleLike(prev) || endsLikeTitle(prev)) break;
      g--;
    }
    if (g === i) continue;
    // The line before the run must not itself continue it (a longer run is not a title)
    const before = content[g - 1];
    if (before !== undefined && isTitleLike(before) && !endsLikeTitle(before)) continue;
    for (let k = g; k < i; k++) joinNext[k] = true;
  }

  for (let i = 0; i + 1 < lines.length; i++) {
    if (joinNext[i]) continue;
    const line = content[i] ?? '';
    const next = content[i + 1] ?? '';
    if (line.length < 20 || !isCjk(line[line.length - 1])) continue;
    // Only a sentence in progress: it already holds clause punctuation and is no title
    if (!/[，、；]/u.test(line) || endsLikeTitle(line)) continue;
    if (startsWithSectionLabel(next) || !BROKEN_TAIL.test(next)) continue;
    // A roster's role heading alone on its line (成员：) is no broken tail
    if (/^[\u4e00-\u9fff]{1,4}[：:][\s\u3000]*$/u.test(next)) continue;
    if (line.includes('\t')) continue;
    joinNext[i] = true;
  }

  return rebuild(src, lines, content, joinNext);
}

/**
 * A web page sets a title's lines apart with blank lines (`国务院关于同意建立某某\n\n部际联席会议制度的批复`):
 * the line before the blank opens the title (it holds 关于 and the rest does not) and is no letterhead.
 */
function opensTitleAcrossBlank(line: string, rest: string[]): boolean {
  return (
    isTitleLike(line) &&
    !endsLikeTitle(line) &&
    /关于/u.test(line) &&
    !/(?:文件|文件目录)$/u.test(line.trim()) &&
    rest.every((r) => r.trim() === '' || !/关于/u.test(r))
  );
}

function rebuild(src: MappedText, lines: LineRange[], content: string[], joinNext: boolean[]): MappedText {
  const editor = new Editor(src);
  let pendingBreak: number | null = null;
  let wroteAny = false;
  /** The line break of the last blank line since the last written line, if any */
  let blankBreak: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i] as LineRange;
    const blank = (content[i] ?? '').trim() === '';
    if (blank) {
      if (wroteAny && end < src.text.length) blankBreak = end;
      continue;
    }
    if (pendingBreak !== null) {
      editor.keep(pendingBreak, pendingBreak + 1);
      if (blankBreak !== null) editor.keep(blankBreak, blankBreak + 1);
    }
    editor.keep(start, end);
    wroteAny = true;
    blankBreak = null;
    pendingBreak = !joinNext[i] && end < src.text.length ? end : null;
  }
  return editor.finish();
}
