/**
 * Field errors where the eye is (issue 15 point 3): the issues of a refused request
 * (`validation_failed`'s `details.issues`, each with its field's path and a Chinese message naming
 * the label) go under the Ant Design form fields of the same name.
 */
import type { FormInstance } from 'antd';
import { fieldIssues, type FieldIssue } from '../api/app-error.ts';

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
 */
export function applyFieldErrors<Values>(
  form: FormInstance<Values>,
  error: unknown,
  rename?: (path: readonly (string | number)[]) => (string | number)[] | null,
): FieldIssue[] {
  const registered: unknown = form.getFieldsValue();
  const placed = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unplaced: FieldIssue[] = [];
  for (const issue of fieldIssues(error)) {
    const name = rename === undefined ? issue.path : rename(issue.path);
    if (name === null || !hasPath(registered, name)) {
      unplaced.push(issue);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = placed.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    placed.set(key, entry);
  }
  if (placed.size > 0) form.setFields([...placed.values()] as Parameters<FormInstance<Values>['setFields']>[0]);
  return unplaced;
}
