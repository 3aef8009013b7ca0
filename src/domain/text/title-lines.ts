/**
 * What a title line of a Chinese official document looks like. Shared by the normaliser (which
 * joins a title split over lines) and the segmenter (which finds the documents of a text). Pure.
 */
import { isDateLine } from './dates.ts';
import { parseDocNumber } from './doc-number.ts';
import { startsWithSectionLabel } from './section-labels.ts';

/** How a document's title ends: its kind (通知, 函, 制度, 规则, 名单 …). */
export const TITLE_END =
  /(?:的通知|的函|的复函|的决定|的意见|的批复|的报告|的请示|的通报|的公告|的通告|的纪要|制度|规则|细则|办法|规定|名单|方案|章程|工作要点|组成人员|通知|决定|公告)$/u;

/** Clause punctuation a title never holds. */
const CLAUSE_PUNCTUATION = /[，。；：！？,;:!?]/u;

/**
 * Whether a line could be (part of) a title: short, Chinese, without clause punctuation, not
 * numbered, not a date, a document number, a metadata line or an attachment mark.
 */
export function isTitleLike(line: string): boolean {
  const s = line.trim();
  if (s.length < 2 || s.length > 60) return false;
  if (!/[\u4e00-\u9fff]/u.test(s)) return false;
  if (CLAUSE_PUNCTUATION.test(s)) return false;
  if (s.includes('\t')) return false;
  if (/^[【[]/u.test(s)) return false;
  if (startsWithSectionLabel(s)) return false;
  if (isDateLine(s) || parseDocNumber(s) !== null) return false;
  if (/^附件\s*\d*$/u.test(s) || /^附[:：]/u.test(s)) return false;
  return true;
}

/** Whether the line is a complete title (title-like and ending in a document kind). */
export function endsLikeTitle(line: string): boolean {
  return TITLE_END.test(line.trim());
}
