/**
 * Reads a change notice: which bodies it changes (targets), whether each is adjusted or abolished,
 * and what changes in each. A notice that changes several bodies in numbered parts
 * (一、调整…领导小组 … 二、撤销以下议事协调机构：（一）…；（二）…) gives each part's changes to the
 * body that part names. Pure.
 */
import type { Finding, SourceSpan } from '../charter-types.ts';
import { findBodyNames } from './body-names.ts';
import type { ChangeAction, ChangeNotice, ChangeTarget, DocumentKind, NamedSpan } from './change-notice-types.ts';
import { emptyDelta, readAbolition, readDelta, sentencesOf } from './delta.ts';
import { detectDocumentKind } from './document-kind.ts';

export interface NoticeHeader {
  title: string;
  docNumber: string | null;
  issuer: string | null;
  issueDate: string | null;
  /** Where the founding-document header stands in the text (the title's mentions point here) */
  titleSource: SourceSpan;
}

const ABOLISH_VERB = /(?:撤销|撤消|不再保留|予以撤销)/u;
const ADJUST_VERB = /(?:调整|充实|增补|更名|变更|组成人员|组成单位)/u;
/** A sentence that opens a list of bodies to abolish: 决定撤销以下议事协调机构： */
const ABOLISH_LIST_HEAD = /(?:撤销|撤消|不再保留)(?:以下|下列|如下)[^：:]{0,30}[：:]?\s*$/u;
const LIST_ITEM = /^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十0-9]+\)|[0-9０-９]+[.．、])/u;
const PART_HEADING = /^\s*[一二三四五六七八九十]+、/u;

interface Part {
  start: number;
  end: number;
}

/** Top-level numbered parts (一、二、…) of `text[from, …)`; the text before the first part is a part of its own. */
function partsOf(text: string, from: number): Part[] {
  const starts = [from];
  let lineStart = from;
  for (let i = from; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      if (lineStart > from && PART_HEADING.test(text.slice(lineStart, Math.min(i, lineStart + 8)))) starts.push(lineStart);
      lineStart = i + 1;
    }
  }
  return starts.map((start, k) => ({ start, end: starts[k + 1] ?? text.length }));
}

/** The action a mention of a body carries, from its sentence (and the list it stands in). */
function actionOf(sentence: string, inAbolishList: boolean, titleKind: DocumentKind): ChangeAction | null {
  if (inAbolishList) return 'abolish';
  if (ABOLISH_VERB.test(sentence) && !/(?:自行撤销|撤销后|任务完成后)/u.test(sentence)) return 'abolish';
  if (ADJUST_VERB.test(sentence)) return 'adjust';
  if (titleKind === 'abolition') return null;
  return null;
}

/** Where the title ends in the text (its last characters, found near the top), or 0. */
function titleEnd(text: string, title: string): number {
  const tail = title.slice(-6);
  if (tail === '') return 0;
  const at = text.slice(0, 4000).indexOf(tail);
  return at < 0 ? 0 : at + tail.length;
}

/**
 * How much of a notice is read, in characters. Real change notices are a few thousand characters;
 * the bound keeps an adversarial megabyte text (read on the request thread) to a few tens of ms.
 */
export const MAX_NOTICE_CHARS = 100_000;

/** Reads a change notice from its normalised text and header; `kind` is what the title and wording say. */
export function extractChangeNotice(fullText: string, header: NoticeHeader): ChangeNotice {
  const findings: Finding[] = [];
  const text = fullText.length > MAX_NOTICE_CHARS ? fullText.slice(0, MAX_NOTICE_CHARS) : fullText;
  if (text.length < fullText.length) {
    findings.push({
      severity: 'warning',
      code: 'notice_truncated',
      message: `通知全文超过 ${MAX_NOTICE_CHARS} 字，只读取了前 ${MAX_NOTICE_CHARS} 字`,
      source: { start: MAX_NOTICE_CHARS, end: fullText.length },
    });
  }
  const titleKind = detectDocumentKind(header.title, text);
  const bodyStart = titleEnd(text, header.title);

  // Mentions with their action, title first.
  const mentions: { name: NamedSpan; action: ChangeAction | null }[] = [];
  for (const name of findBodyNames(header.title)) {
    const action = actionOf(header.title, false, titleKind);
    mentions.push({ name: { name: name.name, source: header.titleSource }, action });
  }
  let inList = false;
  for (const sentence of sentencesOf(text, bodyStart, text.length)) {
    const line = sentence.text;
    if (inList && !LIST_ITEM.test(line)) inList = false;
    for (const name of findBodyNames(text, sentence.start, sentence.start + line.length)) {
      mentions.push({ name, action: actionOf(line, inList, titleKind) });
    }
    if (ABOLISH_LIST_HEAD.test(line)) inList = true;
  }

  // Targets: each name once; abolition wins over adjustment for the same name.
  const targets: ChangeTarget[] = [];
  const byName = new Map<string, ChangeTarget>();
  for (const { name, action } of mentions) {
    if (action === null) continue;
    const known = byName.get(name.name);
    if (known) {
      if (action === 'abolish') known.action = 'abolish';
      continue;
    }
    const target: ChangeTarget = { name: name.name, action, source: name.source, delta: emptyDelta() };
    byName.set(name.name, target);
    targets.push(target);
  }
  if (targets.length === 0 && mentions.length > 0 && titleKind !== 'founding') {
    const first = mentions[0];
    if (first) {
      const target: ChangeTarget = {
        name: first.name.name,
        action: titleKind === 'abolition' ? 'abolish' : 'adjust',
        source: first.name.source,
        delta: emptyDelta(),
      };
      targets.push(target);
      byName.set(target.name, target);
    }
  }

  // Each numbered part's changes go to the adjusted body it names, else to the one before.
  const names = targets.map((t) => t.name);
  const adjusted = targets.filter((t) => t.action === 'adjust');
  let owner: ChangeTarget | null = adjusted.length === 1 ? (adjusted[0] ?? null) : null;
  for (const part of partsOf(text, bodyStart)) {
    const named = findBodyNames(text, part.start, part.end)
      .map((n) => byName.get(n.name))
      .filter((t): t is ChangeTarget => t !== undefined);
    const adjustedHere = named.find((t) => t.action === 'adjust');
    if (adjustedHere) owner = adjustedHere;
    else if (named.length > 0 && named.every((t) => t.action === 'abolish') && adjusted.length > 1) continue;
    if (owner) readDelta(text, part.start, part.end, owner.delta, names);
  }
  // A rename's new name is not a body of its own.
  const renamed = new Set(targets.map((t) => t.delta.renamedTo?.name).filter((n): n is string => n !== undefined));
  const kept = targets.filter((t) => !renamed.has(t.name));

  for (const target of kept) {
    if (target.action !== 'abolish') continue;
    const from = target.source.start >= bodyStart ? target.source.start : bodyStart;
    const abolition = readAbolition(text, from, text.length, header.issueDate) ?? readAbolition(text, bodyStart, text.length, header.issueDate);
    target.delta.abolished = abolition ?? { effectiveDate: header.issueDate, text: '', source: target.source };
    if (abolition === null) {
      findings.push({
        severity: 'warning',
        code: 'abolition_date_assumed',
        message: `通知未写明“${target.name}”撤销的生效日期，按印发日期${header.issueDate ?? '（未识别）'}处理`,
        source: target.source,
      });
    }
  }
  if (header.issueDate === null) {
    findings.push({ severity: 'warning', code: 'notice_date_missing', message: '未识别通知的印发日期，变更生效日期需人工确认' });
  }
  if (kept.length === 0) {
    findings.push({ severity: 'error', code: 'notice_names_no_body', message: '通知中未找到所调整或撤销的议事协调机构名称' });
  }
  for (const target of kept) {
    const d = target.delta;
    const empty =
      d.roles.length + d.rolesReleased.length + d.unitsAdded.length + d.unitsRemoved.length + d.unitsRenamed.length === 0 &&
      d.officeHost === null &&
      d.renamedTo === null;
    if (target.action === 'adjust' && empty) {
      findings.push({ severity: 'warning', code: 'adjustment_without_changes', message: `未能从通知中读出“${target.name}”的具体调整内容`, source: target.source });
    }
  }

  const actions = new Set(kept.map((t) => t.action));
  const documentKind: ChangeNotice['documentKind'] =
    actions.size === 2 ? 'mixed' : actions.has('abolish') ? 'abolition' : actions.has('adjust') ? 'adjustment' : titleKind === 'founding' ? 'adjustment' : titleKind;
  return {
    documentKind,
    title: header.title,
    docNumber: header.docNumber,
    issuer: header.issuer,
    issueDate: header.issueDate,
    targets: kept,
    findings,
  };
}
