/**
 * Input hygiene at the edge, for every route in one place (a `preValidation` hook, before the Zod
 * schemas run): strings in the body, query and path may not hold NUL or other control characters
 * (tab, line feed and carriage return are allowed; in a document `text` also vertical tab and form
 * feed) nor lone UTF-16 surrogates; a body may not nest
 * deeper than {@link MAX_DEPTH}, hold arrays longer than {@link MAX_ARRAY_LENGTH} or objects with more
 * than {@link MAX_OBJECT_KEYS} keys. A refusal is a 400 naming the field. The walk is iterative, so
 * a hostile nesting cannot exhaust the stack.
 *
 * Also maps database errors (SQLSTATE codes from PostgreSQL or PGlite, wherever they sit in the
 * cause chain) to clear client errors: {@link databaseErrorToAppError}.
 */
import { AppError } from '../errors/app-error.ts';

/** Deepest nesting of objects/arrays a request body may have. */
export const MAX_DEPTH = 32;
/** Longest array a request may hold (attachments lists, agenda items, corrections …). */
export const MAX_ARRAY_LENGTH = 5_000;
/** Most keys an object of a request may have. */
export const MAX_OBJECT_KEYS = 1_000;

const LOCATION_NAMES: Record<string, string> = {
  body: '请求体',
  querystring: '查询参数',
  params: '路径参数',
};

/**
 * Index of the first forbidden code unit of `text`, and why; null when the text is clean. With
 * `pageBreaks`, vertical tab and form feed (line and page breaks of text pasted from a word
 * processor) are allowed too.
 */
export function findForbiddenCharacter(text: string, options: { pageBreaks?: boolean } = {}): { index: number; reason: 'control' | 'surrogate' } | null {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
      if (options.pageBreaks === true && (c === 0x0b || c === 0x0c)) continue;
      return { index: i, reason: 'control' };
    }
    if (c === 0x7f || (c >= 0x80 && c <= 0x9f)) return { index: i, reason: 'control' };
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
      return { index: i, reason: 'surrogate' };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { index: i, reason: 'surrogate' };
  }
  return null;
}

function fieldName(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}

/** The refusals of input hygiene (each a 400 of the error catalogue). */
type InputRefusalCode = 'invalid_character' | 'invalid_unicode' | 'input_too_deep' | 'input_too_many_items' | 'input_too_many_keys';

function refuse(location: string, path: readonly (string | number)[], code: InputRefusalCode, problem: string): AppError {
  const field = fieldName(path);
  const where = `${LOCATION_NAMES[location] ?? location}${field === '' ? '' : `字段 ${field} `}`;
  return new AppError(code, `${where}${problem}`, {
    ...(field === '' ? {} : { field }),
    details: { location },
  });
}

/** Document texts (a body field named `text`, e.g. a founding document) may hold line and page breaks of a word processor. */
function allowsPageBreaks(location: string, path: readonly (string | number)[]): boolean {
  return location === 'body' && path[path.length - 1] === 'text';
}

function checkString(location: string, path: readonly (string | number)[], text: string): void {
  const found = findForbiddenCharacter(text, { pageBreaks: allowsPageBreaks(location, path) });
  if (found === null) return;
  const code = text.charCodeAt(found.index).toString(16).toUpperCase().padStart(4, '0');
  throw refuse(
    location,
    path,
    found.reason === 'control' ? 'invalid_character' : 'invalid_unicode',
    found.reason === 'control'
      ? `含有不允许的控制字符（U+${code}，第 ${found.index + 1} 个字符）`
      : `含有无效的 Unicode 代理字符（U+${code}，第 ${found.index + 1} 个字符）`,
  );
}

/**
 * Checks one request part (`body`, `querystring`, `params`): every string (values and keys) clean,
 * nesting, array lengths and key counts within limits. Throws a 400 AppError naming the field.
 */
export function checkRequestPart(location: string, value: unknown): void {
  const stack: { value: unknown; path: (string | number)[]; depth: number }[] = [{ value, path: [], depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; path: (string | number)[]; depth: number };
    const current = item.value;
    if (typeof current === 'string') {
      checkString(location, item.path, current);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (Buffer.isBuffer(current)) continue;
    if (item.depth >= MAX_DEPTH) {
      throw refuse(location, item.path, 'input_too_deep', `嵌套层数超过 ${MAX_DEPTH} 层`);
    }
    if (Array.isArray(current)) {
      if (current.length > MAX_ARRAY_LENGTH) {
        throw refuse(location, item.path, 'input_too_many_items', `数组元素超过 ${MAX_ARRAY_LENGTH} 个`);
      }
      for (let i = current.length - 1; i >= 0; i -= 1) {
        stack.push({ value: current[i], path: [...item.path, i], depth: item.depth + 1 });
      }
      continue;
    }
    const keys = Object.keys(current);
    if (keys.length > MAX_OBJECT_KEYS) {
      throw refuse(location, item.path, 'input_too_many_keys', `对象的字段超过 ${MAX_OBJECT_KEYS} 个`);
    }
    for (const key of keys) {
      const keyCheck = findForbiddenCharacter(key);
      if (keyCheck !== null) {
        throw refuse(location, item.path, 'invalid_character', `含有名称不合法的字段（含控制字符或无效 Unicode）`);
      }
      stack.push({ value: (current as Record<string, unknown>)[key], path: [...item.path, key], depth: item.depth + 1 });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Database errors
// ---------------------------------------------------------------------------------------------

const SQLSTATE = /^[0-9A-Z]{5}$/;

interface DatabaseErrorFacts {
  code: string;
  constraint: string | undefined;
  column: string | undefined;
  table: string | undefined;
}

/** The SQLSTATE of a database error anywhere in the cause chain (Drizzle wraps driver errors). */
export function findDatabaseError(error: unknown): DatabaseErrorFacts | null {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== null && typeof current === 'object'; depth += 1) {
    const candidate = current as { code?: unknown; constraint?: unknown; column?: unknown; table?: unknown; cause?: unknown; severity?: unknown };
    if (typeof candidate.code === 'string' && SQLSTATE.test(candidate.code) && (candidate.severity !== undefined || 'constraint' in candidate || 'routine' in candidate)) {
      return {
        code: candidate.code,
        constraint: typeof candidate.constraint === 'string' ? candidate.constraint : undefined,
        column: typeof candidate.column === 'string' ? candidate.column : undefined,
        table: typeof candidate.table === 'string' ? candidate.table : undefined,
      };
    }
    current = candidate.cause;
  }
  return null;
}

/**
 * A client error for a database refusal, or null when the error is not one the client caused
 * (connection lost, disk full …: those stay 5xx). Unique violation → 409; foreign key, not-null and
 * check violations → 422; invalid text, NUL bytes, out-of-range numbers and dates → 400;
 * serialisation failures and deadlocks → 409 (try again).
 */
export function databaseErrorToAppError(error: unknown): AppError | null {
  const facts = findDatabaseError(error);
  if (facts === null) return null;
  const details: Record<string, unknown> = { sqlstate: facts.code };
  if (facts.constraint !== undefined) details['constraint'] = facts.constraint;
  const field = facts.column === undefined ? {} : { field: facts.column };
  const c = facts.code;
  if (c === '23505') return new AppError('conflict', '与已有记录重复（违反唯一性约束），请检查后重试', { ...field, details });
  if (c === '23503') return new AppError('invalid_reference', '引用的记录不存在，或仍被其他记录引用', { ...field, details });
  if (c === '23502') return new AppError('missing_value', `缺少必填的值${facts.column === undefined ? '' : `：${facts.column}`}`, { ...field, details });
  if (c === '23514' || c === '23P01') return new AppError('constraint_violation', '数据不符合约束条件，请检查输入', { ...field, details });
  if (c === '40001' || c === '40P01') return new AppError('concurrent_update', '数据正被同时修改，请稍后重试', { details });
  if (c === '22021' || c === '22P05') return new AppError('invalid_character', '输入含有数据库无法保存的字符（如 NUL）', { ...field, details });
  if (c === '22P02') return new AppError('invalid_value', '输入的值格式不正确（如编号、数字或日期格式有误）', { ...field, details });
  if (c === '22001') return new AppError('value_too_long', '输入的值过长', { ...field, details });
  if (c === '22003') return new AppError('value_out_of_range', '数值超出允许范围', { ...field, details });
  if (c === '22007' || c === '22008') return new AppError('invalid_date', '日期或时间无效', { ...field, details });
  if (c === '54000' || c === '54001') return new AppError('input_too_large', '输入过大或过于复杂，数据库无法处理', { details });
  if (c.startsWith('22')) return new AppError('invalid_value', '输入的值无效', { ...field, details });
  if (c.startsWith('23')) return new AppError('constraint_violation', '数据不符合约束条件，请检查输入', { ...field, details });
  return null;
}
