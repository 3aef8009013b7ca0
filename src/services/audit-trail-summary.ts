/**
 * A readable summary of an audit row's details (its `before` and `after` states) for the audit
 * trail and its export: the named fields that changed, "状态：草稿 → 已审定签发", in Chinese and in
 * English. Fields without a name (ids, hashes, timestamps) are left out; the raw JSON stays
 * available to the auditor. Pure.
 */
import { AUDIT_FIELD_NAMES, AUDIT_VALUE_NAMES } from './audit-trail-names.ts';
import type { AuditName } from './audit-trail-names.ts';

const MAX_VALUE = 60;
const MAX_SUMMARY = 300;

type Language = keyof AuditName;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A detail value as text, or null when it is no scalar (or a list of scalars) worth showing. */
function valueText(value: unknown, language: Language): string | null {
  if (value === null || value === undefined) return language === 'zh' ? '（空）' : '(none)';
  if (typeof value === 'boolean') return language === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const named = AUDIT_VALUE_NAMES[value];
    return named === undefined ? clip(value.replace(/\s+/g, ' '), MAX_VALUE) : named[language];
  }
  if (Array.isArray(value)) {
    const parts = value.slice(0, 5).map((entry) => (typeof entry === 'object' && entry !== null ? null : valueText(entry, language)));
    if (parts.some((part) => part === null)) return null;
    const more = value.length > 5 ? (language === 'zh' ? ` 等 ${value.length} 项` : ` and ${value.length - 5} more`) : '';
    return `${parts.join(language === 'zh' ? '、' : ', ')}${more}`;
  }
  return null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The summary in one language. */
function summaryIn(before: unknown, after: unknown, language: Language): string {
  const colon = language === 'zh' ? '：' : ': ';
  const separator = language === 'zh' ? '；' : '; ';
  const from = isRecord(before) ? before : null;
  const to = isRecord(after) ? after : null;
  const parts: string[] = [];
  if (to !== null) {
    for (const [field, value] of Object.entries(to)) {
      const label = AUDIT_FIELD_NAMES[field];
      if (label === undefined) continue;
      const text = valueText(value, language);
      if (text === null) continue;
      if (from !== null && field in from) {
        if (same(from[field], value)) continue;
        const previous = valueText(from[field], language);
        parts.push(previous === null ? `${label[language]}${colon}${text}` : `${label[language]}${colon}${previous} → ${text}`);
      } else {
        parts.push(`${label[language]}${colon}${text}`);
      }
    }
  } else if (from !== null) {
    const removed: string[] = [];
    for (const [field, value] of Object.entries(from)) {
      const label = AUDIT_FIELD_NAMES[field];
      const text = label === undefined ? null : valueText(value, language);
      if (label !== undefined && text !== null) removed.push(`${label[language]}${colon}${text}`);
    }
    if (removed.length > 0) parts.push(`${language === 'zh' ? '删除前' : 'Before removal'}${colon}${removed.join(separator)}`);
  }
  return clip(parts.join(separator), MAX_SUMMARY);
}

/** The summary of a row's details in both languages ('' when no named field is there to show). */
export function summarizeAuditDetails(before: unknown, after: unknown): AuditName {
  return { zh: summaryIn(before, after, 'zh'), en: summaryIn(before, after, 'en') };
}
