/**
 * The segmenter: finds the documents of a normalized text (a covering letter or notice, the rules it
 * issues, a roster …), the founding document's header facts (title, own document number,
 * addressees, issuer and date), its attachments and every numbered section. Pure.
 */
import type { SourceSpan } from '../charter-types.ts';
import type { DocumentStructure, Located, Section, StructureDocument } from '../pipeline-types.ts';
import { findDates } from '../../text/dates.ts';
import { parseDocNumber } from '../../text/doc-number.ts';
import { leadingDocNumber, splitLines, type Line } from './line-kinds.ts';
import { detectTruncation } from './truncation.ts';
import { splitAddressees } from './addressees.ts';
import { parseMetadata } from './metadata.ts';

interface DocDraft {
  first: Line;
  titleLine: Line | null;
  hasBody: boolean;
}

const TERMINAL = /[。！？；）)”」』]$/u;

/** Whether the line ends a block, so that a title after it starts a new document. */
function isBoundary(prev: Line | null, blankBefore: boolean): boolean {
  if (prev === null || blankBefore) return true;
  if (['attachment_heading', 'date', 'metadata', 'doc_number'].includes(prev.kind)) return true;
  return TERMINAL.test(prev.text.trim());
}

const bare = (s: string): string => s.replace(/\s+/gu, '');

function roleOf(title: string): StructureDocument['role'] {
  if (/(?:名单|组成人员)$/u.test(title)) return 'roster';
  if (/(?:通知|函|复函|批复|决定|意见|通报|公告|通告|报告|请示)$/u.test(title)) return 'letter';
  if (/(?:制度|规则|细则|办法|规定|章程|工作要点|方案)$/u.test(title)) return 'rules';
  return 'other';
}

/** Span of a line without its leading and trailing whitespace. */
export function lineSpan(line: Line): SourceSpan {
  const lead = line.text.length - line.text.trimStart().length;
  const trail = line.text.length - line.text.trimEnd().length;
  return { start: line.start + lead, end: Math.max(line.start + lead, line.end - trail) };
}

/**
 * Segments a normalized text. `original` (the text before normalisation) is only read for signals
 * the normaliser drops, such as a document site's partial-preview notice (see `detectTruncation`).
 */
export function segmentDocument(text: string, original?: string): DocumentStructure {
  const lines = splitLines(text);
  const drafts = findDocuments(lines);
  const metadata = parseMetadata(lines);

  const documents: StructureDocument[] = [];
  const headerEnds: number[] = [];
  for (let d = 0; d < drafts.length; d++) {
    const draft = drafts[d] as DocDraft;
    const next = drafts[d + 1];
    const lastLine = lastNonBlankBefore(lines, next ? next.first.index : lines.length);
    const end = lastLine ? lastLine.end : draft.first.end;
    const headerEnd = headerEndIndex(lines, draft, next ? next.first.index : lines.length);
    headerEnds.push(headerEnd);
    const bodyLine = lines[headerEnd];
    documents.push({
      title: draft.titleLine ? draft.titleLine.text.trim() : '',
      source: { start: draft.first.start, end: Math.max(end, draft.first.start) },
      bodyStart: bodyLine && bodyLine.index < (next ? next.first.index : lines.length) ? bodyLine.start : end,
      role: roleOf(draft.titleLine ? bare(draft.titleLine.text) : ''),
    });
  }

  const first = drafts[0];
  const titleLine = first?.titleLine ?? null;
  const title: Located<string> = titleLine
    ? { value: bare(titleLine.text), source: lineSpan(titleLine) }
    : { value: '', source: { start: 0, end: 0 } };

  // Header zone of the first document: between its first line and its body
  const firstEnd = drafts[1] ? drafts[1].first.index : lines.length;
  const header = first ? lines.slice(first.first.index, headerEnds[0] ?? first.first.index) : [];

  let docNumber: DocumentStructure['docNumber'] = null;
  for (const line of header) {
    if (line.kind !== 'doc_number') continue;
    const parsed = parseDocNumber(line.text) ?? leadingDocNumber(line.text.trim());
    if (!parsed) continue;
    const offset = line.text.indexOf(line.text.trim()) + line.text.trim().search(/[\u4e00-\u9fff]/u);
    const span = { start: line.start + offset, end: line.start + offset + (parsed.end - parsed.start) };
    docNumber = { value: { text: parsed.text, parts: parsed.parts }, source: span };
    break;
  }
  if (docNumber === null) {
    for (const key of ['发文字号', '字号', '文号']) {
      const meta = metadata[key];
      const parsed = meta ? parseDocNumber(meta.value) : null;
      if (meta && parsed) {
        docNumber = { value: { text: parsed.text, parts: parsed.parts }, source: meta.source };
        break;
      }
    }
  }

  let addressees: Located<string[]> | null = null;
  for (const line of header) {
    if (line.kind === 'text' && isAddresseeLine(line.text)) {
      const span = lineSpan(line);
      const items = splitAddressees(text.slice(span.start, span.end - 1));
      if (items.length > 0) addressees = { value: items, source: span };
      break;
    }
  }

  const signature = findSignature(lines, first ? first.first.index : 0, firstEnd) ?? findSignature(lines, 0, lines.length);
  let issuer: Located<string> | null = signature?.issuer ?? null;
  let issueDate: Located<string> | null = signature?.date ?? null;
  if (issueDate === null) {
    for (const key of ['成文日期', '发文日期', '印发日期', '公布日期', '发布日期', '生成日期', '发布时间']) {
      const meta = metadata[key];
      const date = meta ? findDates(meta.value)[0] : undefined;
      if (meta && date) {
        issueDate = { value: date.iso, source: meta.source };
        break;
      }
    }
  }
  if (issuer === null) {
    for (const key of ['发文机关', '制定机关', '发布机关', '发文单位', '发文机构', '发布机构', '来源', '信息来源', '文章来源']) {
      const meta = metadata[key];
      if (meta && isOrganName(meta.value)) {
        issuer = meta;
        break;
      }
    }
  }

  const attachments: Array<Located<string>> = [];
  for (const line of lines) {
    if (line.kind !== 'attachment_list') continue;
    const span = lineSpan(line);
    const colon = text.slice(span.start, span.end).search(/[：:]/u);
    const start = span.start + colon + 1;
    if (start < span.end) attachments.push({ value: text.slice(start, span.end).trim(), source: { start, end: span.end } });
  }

  const sections: Section[] = [];
  for (let d = 0; d < drafts.length; d++) {
    const doc = documents[d] as StructureDocument;
    const fromIndex = headerEnds[d] ?? 0;
    const toIndex = drafts[d + 1]?.first.index ?? lines.length;
    collectSections(text, lines, fromIndex, toIndex, d, closingStart(lines, fromIndex, toIndex, doc.source.end), sections);
  }

  const truncation = detectTruncation(text, lines, documents, sections, original);
  return {
    title,
    docNumber,
    addressees,
    issuer,
    issueDate,
    metadata,
    documents: documents.length > 0 ? documents : [{ title: '', source: { start: 0, end: text.length }, bodyStart: 0, role: 'other' }],
    sections,
    truncated: truncation !== null,
    truncation,
    attachments,
  };
}

function lastNonBlankBefore(lines: Line[], index: number): Line | null {
  for (let i = index - 1; i >= 0; i--) {
    const line = lines[i] as Line;
    if (line.kind !== 'blank') return line;
  }
  return null;
}

function findDocuments(lines: Line[]): DocDraft[] {
  const drafts: DocDraft[] = [];
  let current: DocDraft | null = null;
  let prev: Line | null = null;
  let blankBefore = false;
  /** Whether every line before the first title is short, unfinished furniture of a web page */
  let furnitureOnly = true;
  for (const line of lines) {
    if (line.kind === 'blank') {
      blankBefore = true;
      continue;
    }
    if (line.kind === 'title') {
      if (current === null) {
        current = { first: line, titleLine: line, hasBody: false };
        drafts.push(current);
      } else if (current.titleLine === null && drafts.length === 1 && furnitureOnly) {
        // Only page furniture so far (天气, 首页 | …, 当前位置：…, - 来源：…, 分享到): the text starts here
        current.first = line;
        current.titleLine = line;
        current.hasBody = false;
      } else if (!current.hasBody) {
        // A title repeated by the page (or a subtitle) before any body belongs to the same document
        if (current.titleLine === null || bare(current.titleLine.text) === bare(line.text)) current.titleLine = line;
      } else if (isBoundary(prev, blankBefore)) {
        current = { first: line, titleLine: line, hasBody: false };
        drafts.push(current);
      } else {
        current.hasBody = true;
      }
    } else if (line.kind === 'text' || line.kind === 'section') {
      if (line.kind === 'section' || line.text.trim().length > 60 || /[。；！？]$/u.test(line.text.trim())) furnitureOnly = false;
      // A short line without clause punctuation before any title (a letterhead 某某人民政府文件, an
      // issuer line) does not start the body yet
      const prose = line.kind === 'section' || /[，。；：、,;:]/u.test(line.text) || line.text.trim().length > 40;
      if (current === null) {
        current = { first: line, titleLine: null, hasBody: prose };
        drafts.push(current);
      }
      if (prose || current.titleLine !== null) current.hasBody = true;
    } else if (current === null) {
      current = { first: line, titleLine: null, hasBody: false };
      drafts.push(current);
    }
    prev = line;
    blankBefore = false;
  }
  return drafts;
}

/** An addressee line: short, ends with a colon, no full stop, not numbered. */
function isAddresseeLine(s: string): boolean {
  const t = s.trim();
  return (
    /[：:]$/u.test(t) &&
    t.length <= 160 &&
    !/[。；]/u.test(t) &&
    // A roster or list heading (成员单位（共4个）：, 组长：) is no addressee line
    !/^(?:附件|现|经|为|根据|按照|成员|组成|召集人|副召集人|组长|副组长|主任|副主任|指挥长|副指挥长|联络员|办公室)/u.test(t)
  );
}

/** Index of the first body line of a document (after title, number, metadata and addressee lines). */
function headerEndIndex(lines: Line[], draft: DocDraft, until: number): number {
  // Without a title the header is whatever metadata, number, date and addressee lines open the text
  let i = (draft.titleLine ?? draft.first).index + (draft.titleLine ? 1 : 0);
  let addresseeSeen = false;
  while (i < until) {
    const line = lines[i] as Line;
    if (line.kind === 'blank' || line.kind === 'metadata' || line.kind === 'doc_number' || line.kind === 'date') {
      i++;
      continue;
    }
    if (!addresseeSeen && line.kind === 'text' && isAddresseeLine(line.text)) {
      addresseeSeen = true;
      i++;
      continue;
    }
    // A site's or letterhead's organ name before the addressee line (中华人民共和国中央人民政府)
    if (!addresseeSeen && line.kind === 'text' && isOrganName(line.text) && isAddresseeLine(nextNonBlank(lines, i + 1, until)?.text ?? '')) {
      i++;
      continue;
    }
    break;
  }
  return i;
}

function nextNonBlank(lines: Line[], from: number, until: number): Line | null {
  for (let i = from; i < until; i++) {
    const line = lines[i] as Line;
    if (line.kind !== 'blank') return line;
  }
  return null;
}

/** Whether a short line reads as the name of an organ (a signature or a 来源 value). */
export function isOrganName(s: string): boolean {
  const t = s.trim();
  return (
    t.length >= 2 &&
    t.length <= 40 &&
    !/[，。；：:,]/u.test(t) &&
    /(?:政府|办公厅|办公室|委员会|人民政府|国务院|厅|局|委|办|部|署|院|会|中心|小组|专班|公司|行|室|处|组)$/u.test(t)
  );
}

function findSignature(lines: Line[], from: number, to: number): { issuer: Located<string> | null; date: Located<string> } | null {
  let found: { issuer: Located<string> | null; date: Located<string> } | null = null;
  for (let i = from; i < to; i++) {
    const line = lines[i] as Line;
    if (line.kind !== 'date') continue;
    const date = findDates(line.text)[0];
    if (!date) continue;
    const dateLocated = { value: date.iso, source: { start: line.start + date.start, end: line.start + date.end } };
    const before = lastNonBlankBefore(lines, i);
    const issuer =
      before && before.index >= from && before.kind === 'text' && isOrganName(before.text)
        ? { value: before.text.trim(), source: lineSpan(before) }
        : null;
    if (issuer) return { issuer, date: dateLocated };
    found ??= { issuer: null, date: dateLocated };
  }
  return found;
}

/**
 * Where a document's closing block starts (attachment list, signature, date at its end), or the
 * document's end when it has none.
 */
function closingStart(lines: Line[], from: number, to: number, docEnd: number): number {
  let i = to - 1;
  let start = docEnd;
  while (i >= from) {
    const line = lines[i] as Line;
    if (line.kind === 'blank') {
      i--;
      continue;
    }
    if (line.kind === 'date' || line.kind === 'attachment_list') {
      start = line.start;
      i--;
      continue;
    }
    const after = lines.slice(i + 1, to).find((l) => l.kind !== 'blank');
    if (line.kind === 'text' && after?.kind === 'date' && isOrganName(line.text)) {
      start = line.start;
      i--;
      continue;
    }
    break;
  }
  return start;
}

function collectSections(
  text: string,
  lines: Line[],
  from: number,
  to: number,
  document: number,
  limit: number,
  out: Section[],
): void {
  const stack: Array<{ numbering: Section['numbering']; index: number }> = [];
  const mine: number[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i] as Line;
    if (line.kind !== 'section' || !line.label || line.start >= limit) continue;
    const { label, numbering, ordinal } = line.label;
    const at = stack.findIndex((s) => s.numbering === numbering);
    if (at !== -1) stack.length = at;
    const parentEntry = stack[stack.length - 1];
    const span = lineSpan(line);
    const labelEnd = span.start + label.length;
    const rest = text.slice(labelEnd, span.end);
    let heading: string | null = null;
    let bodyStart = labelEnd;
    const stop = rest.search(/[。；]/u);
    if (stop === -1 && rest.trim().length > 0 && rest.length <= 40 && !/[，,]/u.test(rest)) {
      // A heading line: 一、主要职能
      heading = rest.trim();
      bodyStart = span.end < text.length ? span.end + 1 : span.end;
    } else if (numbering !== 'article' && stop > 0 && stop <= 30 && rest[stop] === '。' && !/[，,、]/u.test(rest.slice(0, stop))) {
      // A lead-in sentence: （一）工作专班会议制度。根据… — or a one-sentence line followed by its own
      // content lines (not by the next item of the same list)
      const sameLine = rest.slice(stop + 1).trim() !== '';
      const nextLine = lines.slice(i + 1, to).find((l) => l.kind !== 'blank');
      const nextIsSibling = nextLine?.kind === 'section' && nextLine.label?.numbering === numbering;
      if (sameLine || (nextLine !== undefined && !nextIsSibling && nextLine.kind !== 'section')) {
        heading = rest.slice(0, stop).trim();
        bodyStart = labelEnd + stop + 1;
      }
    }
    while (bodyStart < text.length && /\s/u.test(text[bodyStart] ?? '')) bodyStart++;
    const index = out.length;
    out.push({
      label,
      numbering,
      ordinal,
      heading,
      depth: stack.length,
      parent: parentEntry ? parentEntry.index : null,
      document,
      source: { start: span.start, end: span.end },
      body: { start: bodyStart, end: bodyStart },
    });
    mine.push(index);
    stack.push({ numbering, index });
  }
  // Ends: the next section at the same or a shallower depth, else the document's content end
  for (let k = 0; k < mine.length; k++) {
    const section = out[mine[k] as number] as Section;
    let end = limit;
    for (let j = k + 1; j < mine.length; j++) {
      const other = out[mine[j] as number] as Section;
      if (other.depth <= section.depth) {
        end = other.source.start;
        break;
      }
    }
    end = trimEnd(text, section.source.start, end);
    section.source = { start: section.source.start, end: Math.max(end, section.source.end) };
    const bodyStart = Math.min(section.body.start, section.source.end);
    section.body = { start: bodyStart, end: Math.max(bodyStart, section.source.end) };
  }
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/u.test(text[e - 1] ?? '')) e--;
  return e;
}
