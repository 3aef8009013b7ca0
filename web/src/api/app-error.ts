/**
 * The server's one error shape, `{ error: { code, status, message, field?, clause? } }`, parsed
 * back into an AppError: the same fields as the AppError of `src/errors/app-error.ts`. What the
 * user reads comes from `appErrorMessage` (error-messages.ts): the server's specific Chinese
 * message in the Chinese UI, the error catalogue's template (src/errors/error-catalogue.ts) in
 * English or when the server gave none.
 *
 * The server's class is not imported here: it carries the whole error catalogue (both languages,
 * every code), which every screen would then download first. The catalogue is loaded on demand,
 * with error-messages.ts (issue 15 point 7).
 */
import type { AppErrorBody, CharterClause } from '../../../src/errors/app-error.ts';

/** A server error as the web client holds it: parsed from a response, or made here (no connection). */
export class AppError extends Error {
  /** The code as received (catalogued, or one this client does not know yet) */
  readonly code: string;
  readonly status: number;
  readonly field: string | undefined;
  readonly clause: CharterClause | undefined;
  readonly details: Record<string, unknown> | undefined;

  private constructor(body: AppErrorBody) {
    super(body.message);
    this.name = 'AppError';
    this.code = body.code;
    this.status = body.status;
    this.field = body.field;
    this.clause = body.clause;
    this.details = body.details;
  }

  /** An error as received (an API error body), or one the web client makes itself; taken as it is. */
  static fromBody(body: AppErrorBody): AppError {
    return new AppError(body);
  }
}

/** Code of an AppError made on the client when the server could not be reached. */
export const NETWORK_ERROR = 'network_error';
/** Code of an AppError made on the client for a response without an AppError body. */
export const HTTP_ERROR = 'http_error';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `body` is `{ error: AppErrorBody }`. */
export function isAppErrorEnvelope(body: unknown): body is { error: AppErrorBody } {
  if (!isRecord(body) || !isRecord(body.error)) return false;
  const error = body.error;
  return typeof error.code === 'string' && typeof error.status === 'number' && typeof error.message === 'string';
}

/** The AppError a failed response stands for. */
export function appErrorFromResponse(status: number, body: unknown): AppError {
  if (isAppErrorEnvelope(body)) return AppError.fromBody(body.error);
  return AppError.fromBody({ code: HTTP_ERROR, status, message: `HTTP ${status}` });
}

/** Any thrown value as an AppError (fetch failures become NETWORK_ERROR). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return AppError.fromBody({ code: NETWORK_ERROR, status: 0, message: error instanceof Error ? error.message : String(error) });
}

/** One field of a refused request (`details.issues` of `validation_failed`), its message in Chinese. */
export interface FieldIssue {
  /** The field's path (`['session', 'idleMinutes']`), the name of the form field it belongs to */
  path: (string | number)[];
  /** The field's Chinese label */
  label: string;
  /** The Chinese message naming the label */
  message: string;
}

/**
 * The field issues of an error: the issues of `validation_failed`, or the one field a refusal names
 * (a password rule); empty for any other error.
 */
export function fieldIssues(error: unknown): FieldIssue[] {
  if (!(error instanceof AppError)) return [];
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) {
    // A refusal about one field (a password rule, a duplicate name): its message goes under that field.
    if (error.field === undefined || error.field === '' || error.message === '') return [];
    return [{ path: error.field.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)), label: '', message: error.message }];
  }
  const result: FieldIssue[] = [];
  for (const issue of issues as unknown[]) {
    if (!isRecord(issue) || !Array.isArray(issue.path) || typeof issue.message !== 'string') continue;
    const path = (issue.path as unknown[]).filter((key): key is string | number => typeof key === 'string' || typeof key === 'number');
    result.push({ path, label: typeof issue.label === 'string' ? issue.label : '', message: issue.message });
  }
  return result;
}
