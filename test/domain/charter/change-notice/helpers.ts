/** Imports a synthetic notice and classifies it (shared by the change-notice tests). */
import { expect } from 'vitest';
import { importDocument } from '../../../../src/domain/charter/import-charter.ts';
import type { ChangeNotice, ChangeTarget } from '../../../../src/domain/charter/change-notice/change-notice-types.ts';

export function notice(text: string): ChangeNotice {
  const result = importDocument(text);
  if (!result.ok) throw new Error(result.error.message);
  if (result.changeNotice === null) throw new Error(`read as a founding document: ${result.charter.foundingDocument.title}`);
  return result.changeNotice;
}

export function kindOf(text: string): string {
  const result = importDocument(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.documentKind;
}

export function target(n: ChangeNotice, name: string): ChangeTarget {
  const found = n.targets.find((t) => t.name === name);
  expect(found, `target ${name} among ${n.targets.map((t) => t.name).join('、')}`).toBeDefined();
  return found as ChangeTarget;
}

/** A notice with a title, a document number, addressees, a body and a signature with a date. */
export function doc(title: string, body: string, options: { number?: string; issuer?: string; date?: string } = {}): string {
  return [
    title,
    options.number ?? '某政办函〔2024〕12号',
    '',
    '各县（市、区）人民政府，市政府各部门：',
    body,
    '',
    options.issuer ?? '某市人民政府办公室',
    options.date ?? '2024年6月3日',
    '',
  ].join('\n');
}
