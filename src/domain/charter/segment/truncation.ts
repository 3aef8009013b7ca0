/**
 * Whether a text looks cut off at its end. General signals, in order:
 *
 * - `ends_with_heading`: the text ends with a numbered heading that has no body.
 * - `unterminated_sentence`: the last line is prose that stops without closing punctuation
 *   (not a title, date, signature or roster row).
 * - `partial_preview`: the page the text was taken from announces a partial preview (a document
 *   site's 仅部分预览 / 试读结束 / 展开全文 notice, dropped by the normaliser), and the last document
 *   lacks any closing — no signature or date after it and no closing article (本制度自…起施行,
 *   由…负责解释).
 *
 * Pure.
 */
import type { SourceSpan } from '../charter-types.ts';
import type { Section, StructureDocument } from '../pipeline-types.ts';
import type { Line } from './line-kinds.ts';

export type TruncationReason = 'ends_with_heading' | 'unterminated_sentence' | 'partial_preview';

export interface Truncation {
  reason: TruncationReason;
  /** The last line of the text */
  source: SourceSpan;
}

const CLOSED = /[。！？；…）)”」』.!?]$/u;
const PREVIEW_NOTICE = /部分预览|预览结束|试读结束|未完[，,]?\s*继续阅读|剩余\s*\d+\s*页|展开全文|查看全文|阅读全文|免费预览/u;
const CLOSING_ARTICLE =
  /本(?:制度|规则|细则|办法|规定|章程|方案|意见|通知|规程|工作规则)[^。\n]{0,20}(?:起|之日)[^。\n]{0,6}(?:施行|执行|实施|生效)|由[^。\n]{1,24}负责解释/u;

export function detectTruncation(
  text: string,
  lines: Line[],
  documents: StructureDocument[],
  sections: Section[],
  original?: string,
): Truncation | null {
  const last = [...lines].reverse().find((l) => l.kind !== 'blank');
  const lastDoc = documents[documents.length - 1];
  if (!last || !lastDoc) return null;
  const source = { start: last.start, end: last.end };
  const t = last.text.trim();

  const lastSection = sections[sections.length - 1];
  if (last.kind === 'section' && lastSection && lastSection.source.start === last.start) {
    const bodyText = text.slice(lastSection.body.start, lastSection.body.end).trim();
    if (bodyText === '' && lastSection.heading !== null) return { reason: 'ends_with_heading', source };
  }
  const closingKinds = ['date', 'title', 'attachment_heading', 'attachment_list', 'doc_number', 'metadata'];
  if (!closingKinds.includes(last.kind) && lastDoc.role !== 'roster' && !last.text.includes('\t') && !CLOSED.test(t)) {
    if (last.kind === 'text' && /[\u4e00-\u9fff]$/u.test(t) && !isShortName(t)) return { reason: 'unterminated_sentence', source };
  }
  if (original !== undefined && PREVIEW_NOTICE.test(original) && last.kind !== 'date') {
    const body = text.slice(lastDoc.bodyStart, lastDoc.source.end);
    if (!CLOSING_ARTICLE.test(body)) return { reason: 'partial_preview', source };
  }
  return null;
}

/** A short line without punctuation (a signature, a name) is not an unfinished sentence. */
function isShortName(s: string): boolean {
  return s.length <= 20 && !/[，、]/u.test(s);
}
