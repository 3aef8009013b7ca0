/**
 * The server's one error shape, `{ error: { code, status, message, field?, clause? } }`, parsed
 * back into the AppError of `src/errors/app-error.ts`. Anything else (a proxy's HTML page, a lost
 * connection) becomes an AppError too, with a code the UI translates.
 */
import { AppError, type AppErrorBody } from '../../../src/errors/app-error.ts';

export { AppError };

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
  return new AppError(HTTP_ERROR, status, `HTTP ${status}`);
}

/** Any thrown value as an AppError (fetch failures become NETWORK_ERROR). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError(NETWORK_ERROR, 0, error instanceof Error ? error.message : String(error));
}
