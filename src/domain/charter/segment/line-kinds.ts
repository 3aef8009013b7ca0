/**
 * Classifies the lines of a normalized text for the segmenter. Pure.
 */
import { isDateLine } from '../../text/dates.ts';
import { findDocNumbers, parseDocNumber, type DocNumberMatch } from '../../text/doc-number.ts';
import { parseSectionLabel, type SectionLabel } from '../../text/section-labels.ts';
import { endsLikeTitle, isTitleLike } from '../../text/title-lines.ts';

export type LineKind =
  | 'blank'
  | 'metadata'
  | 'doc_number'
  | 'date'
  | 'attachment_list'
  | 'attachment_heading'
  | 'section'
  | 'title'
  | 'text';

export interface Line {
  index: number;
  start: number;
  end: number;
  text: string;
  kind: LineKind;
  label: SectionLabel | null;
}

/** A metadata line: 【制定机关】… or 来源：…\t发布时间：… (a page may put a dash before it: `- 来源:`) */
export const METADATA_LINE =
  /^(?:[-–—•·*]\s*)?(?:【[^】]{1,8}】|(?:来源|信息来源|文章来源|发布时间|发布日期|公布日期|成文日期|发文日期|印发日期|施行日期|生效日期|实施日期|发文机关|发布机关|发文机构|发布机构|制定机关|发文单位|生成日期|发文字号|文号|字号)：)/u;

/**
 * A document number opening a line that holds nothing else but a date and a short place name
 * (`某府办函〔2003〕248号2003年12月16日某省`), or null.
 */
export function leadingDocNumber(s: string): DocNumberMatch | null {
  const first = findDocNumbers(s)[0];
  if (first === undefined || first.start !== 0) return null;
  const tail = s.slice(first.end).trim();
  return /^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-.]\d{1,2}[-.]\d{1,2})?\s*[\u4e00-\u9fff]{0,6}$/u.test(tail) && tail !== s.trim() ? first : null;
}

export function classifyLine(text: string): { kind: LineKind; label: SectionLabel | null } {
  const s = text.trim();
  if (s === '') return { kind: 'blank', label: null };
  if (METADATA_LINE.test(s)) return { kind: 'metadata', label: null };
  if (parseDocNumber(s) !== null || leadingDocNumber(s) !== null) return { kind: 'doc_number', label: null };
  // A date alone on its line, also in parentheses under a title: （2020年7月22日）
  if (isDateLine(s) || (/^[（(].*[）)]$/u.test(s) && isDateLine(s.slice(1, -1)))) return { kind: 'date', label: null };
  if (/^附件\s*\d*$/u.test(s)) return { kind: 'attachment_heading', label: null };
  if (/^附件\s*\d*\s*[：:]/u.test(s)) return { kind: 'attachment_list', label: null };
  const label = parseSectionLabel(s);
  if (label) return { kind: 'section', label };
  if (isTitleLike(s) && endsLikeTitle(s)) return { kind: 'title', label: null };
  return { kind: 'text', label: null };
}

export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const content = text.slice(start, end);
    const { kind, label } = classifyLine(content);
    out.push({ index, start, end, text: content, kind, label });
    index++;
    if (nl === -1) break;
    start = nl + 1;
  }
  return out;
}
