/**
 * Field errors where the eye is (issue 15 point 3): the issues of a refused request
 * (`validation_failed`'s `details.issues`, each with its field's path and a Chinese message naming
 * the label) go under the Ant Design form fields of the same name. In the English UI the issue's
 * English is shown instead (the server sends it beside the Chinese, src/server/validation-messages.ts):
 * under a field, what is wrong as a sentence ("Must not be greater than 1440.") below the field's
 * own English label; elsewhere, the sentence with the field named ("Idle minutes of session …").
 */
import type { FormInstance } from 'antd';
import { AppError } from '../api/app-error.ts';
import { fieldIssues, type FieldIssue } from '../api/app-error.ts';

type Language = 'zh' | 'en';

/** The language the page shows now (the i18n sets the document's language). */
function pageLanguage(): Language {
  return typeof document !== 'undefined' && document.documentElement.lang.startsWith('en') ? 'en' : 'zh';
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/u.test(capital) ? capital : `${capital}.`;
}

/** The English of the server's issues, by the same path (empty when it sent none). */
function englishIssues(error: unknown): Map<string, { predicate: string; message: string }> {
  const found = new Map<string, { predicate: string; message: string }>();
  if (!(error instanceof AppError)) return found;
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return found;
  for (const issue of issues as unknown[]) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, predicateEn, messageEn } = issue as { path?: unknown; predicateEn?: unknown; messageEn?: unknown };
    if (!Array.isArray(path) || typeof predicateEn !== 'string' || typeof messageEn !== 'string') continue;
    const key = JSON.stringify(path);
    if (!found.has(key)) found.set(key, { predicate: sentence(predicateEn), message: sentence(messageEn) });
  }
  return found;
}

/** True when `values` (a form's registered values) has a key at `path`. */
function hasPath(values: unknown, path: readonly (string | number)[]): boolean {
  let current = values;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !(key in current)) return false;
    current = (current as Record<string | number, unknown>)[key];
  }
  return path.length > 0;
}

/**
 * Puts each issue of `error` under the form field at its path (or the name `rename` gives it);
 * answers the issues that have no field in this form, for the caller to show beside the button.
 * The messages are in `language` (default: the page's; see the module comment).
 */
export function applyFieldErrors<Values>(
  form: FormInstance<Values>,
  error: unknown,
  rename?: (path: readonly (string | number)[]) => (string | number)[] | null,
  language: Language = pageLanguage(),
): FieldIssue[] {
  const registered: unknown = form.getFieldsValue();
  const placed = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unplaced: FieldIssue[] = [];
  const english = language === 'en' ? englishIssues(error) : new Map<string, { predicate: string; message: string }>();
  for (const issue of fieldIssues(error)) {
    const name = rename === undefined ? issue.path : rename(issue.path);
    const inEnglish = english.get(JSON.stringify(issue.path));
    if (name === null || !hasPath(registered, name)) {
      unplaced.push(inEnglish === undefined ? issue : { ...issue, message: inEnglish.message });
      continue;
    }
    const message = inEnglish === undefined ? issue.message : inEnglish.predicate;
    const key = JSON.stringify(name);
    const entry = placed.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    placed.set(key, entry);
  }
  if (placed.size > 0) form.setFields([...placed.values()] as Parameters<FormInstance<Values>['setFields']>[0]);
  return unplaced;
}
