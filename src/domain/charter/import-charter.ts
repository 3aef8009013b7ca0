/**
 * The charter importer: normalise → segment → header → composition → rules → validate. Pure: takes
 * the text, returns the charter (or why the text cannot be imported at all); never throws.
 */
import type { Charter, Finding, ImportError, ImportResult } from './charter-types.ts';
import type { CompositionResult, ExtractionContext, RulesResult } from './pipeline-types.ts';
import { normalizeText } from './normalize/normalize-text.ts';
import { segmentDocument } from './segment/segment-document.ts';
import { extractHeader } from './extract/header.ts';
import { extractComposition } from './extract/composition.ts';
import { extractRules } from './extract/rules.ts';
import { validateCharter } from './validate.ts';
import type { ChangeNotice, DocumentKind } from './change-notice/change-notice-types.ts';
import { detectDocumentKind } from './change-notice/document-kind.ts';
import { extractChangeNotice } from './change-notice/extract-change-notice.ts';

/** Largest accepted input, in UTF-8 bytes (1 MiB). */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** UTF-8 length of a string without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Why a string is not a text to import, or null when it is one. */
export function checkInput(raw: string): ImportError | null {
  if (raw.length > MAX_INPUT_BYTES || utf8Length(raw) > MAX_INPUT_BYTES) {
    return { code: 'input_too_large', message: `输入超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB 上限，无法导入` };
  }
  if (raw.includes('\u0000')) return { code: 'not_text', message: '输入含有 NUL 字节，不是文本文件' };
  let bad = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x0c) || c === 0x7f) bad++;
  }
  if (bad > Math.max(8, raw.length * 0.02)) {
    return { code: 'not_text', message: '输入含有大量控制字符或无法解码的字节，不是文本文件' };
  }
  if (raw.replace(/[\s\u3000\ufeff\u200b-\u200d]/gu, '') === '') return { code: 'empty_input', message: '输入为空，没有可导入的文本' };
  return null;
}

const EMPTY_COMPOSITION: CompositionResult = {
  memberUnits: [],
  memberUnitsStated: null,
  roles: [],
  office: null,
  liaison: null,
  groups: [],
  findings: [],
};

function failure(step: string, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return { severity: 'error', code: 'extraction_failed', message: `${step}失败，该部分未导入：${detail}` };
}

/** Imports a founding document's text into a charter. */
export function importCharter(raw: string): ImportResult {
  const invalid = checkInput(raw);
  if (invalid) return { ok: false, error: invalid };

  const normalized = normalizeText(raw);
  const text = normalized.text;
  const structure = segmentDocument(text, normalized.original);
  const header = extractHeader(text, structure);
  const ctx: ExtractionContext = {
    text,
    structure,
    body: { name: header.body.name, kind: header.body.kind, level: header.body.level, region: header.body.region },
  };

  const findings: Finding[] = [...header.findings];
  let composition = EMPTY_COMPOSITION;
  try {
    composition = extractComposition(ctx);
  } catch (error) {
    findings.push(failure('成员组成提取', error));
  }
  let rules: RulesResult = { functions: [], rules: [], findings: [] };
  try {
    rules = extractRules(ctx, composition);
  } catch (error) {
    findings.push(failure('职能与规则提取', error));
  }
  findings.push(...composition.findings, ...rules.findings);

  const draft: Omit<Charter, 'findings'> = {
    schemaVersion: 1,
    body: header.body,
    foundingDocument: header.foundingDocument,
    documents: structure.documents.map((d) => ({ title: d.title, source: d.source })),
    flags: header.flags,
    sunset: header.sunset,
    functions: rules.functions,
    memberUnits: composition.memberUnits,
    memberUnitsStated: composition.memberUnitsStated,
    roles: composition.roles,
    office: composition.office,
    liaison: composition.liaison,
    groups: composition.groups,
    rules: rules.rules,
    normalizedText: text,
    offsetMap: normalized.offsetMap,
  };
  const charter: Charter = { ...draft, findings: validateCharter(draft, structure, findings) };
  return { ok: true, charter };
}

/** What kind of document an imported text is, and for a change notice what it changes. */
export type DocumentClassification =
  | { documentKind: 'founding'; changeNotice: null }
  | { documentKind: Exclude<DocumentKind, 'founding'>; changeNotice: ChangeNotice };

/** Classifies an imported text: a founding document, or a change notice (adjustment, abolition, mixed) with its targets and deltas. */
export function classifyDocument(charter: Charter): DocumentClassification {
  const doc = charter.foundingDocument;
  if (detectDocumentKind(doc.title, charter.normalizedText) === 'founding') return { documentKind: 'founding', changeNotice: null };
  const notice = extractChangeNotice(charter.normalizedText, {
    title: doc.title,
    docNumber: doc.docNumber,
    issuer: doc.issuer,
    issueDate: doc.issueDate,
    titleSource: doc.source,
  });
  return { documentKind: notice.documentKind, changeNotice: notice };
}

export type DocumentImportResult = ({ ok: true; charter: Charter } & DocumentClassification) | { ok: false; error: ImportError };

/** Imports any document: the charter as read, and whether it founds a body or changes existing ones. */
export function importDocument(raw: string): DocumentImportResult {
  const result = importCharter(raw);
  if (!result.ok) return result;
  return { ok: true, charter: result.charter, ...classifyDocument(result.charter) };
}
