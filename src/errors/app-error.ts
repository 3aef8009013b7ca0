/**
 * The one error type of Lianxi. Every refusal — bad input, a forbidden action, a wrong status
 * transition, a charter rule — is an AppError with a stable code, an HTTP status, a Chinese message
 * for the user and, where a charter rule is the reason, the clause it comes from.
 */

/** The charter clause behind a refusal, as the user sees it cited. */
export interface CharterClause {
  /** Title of the document inside the charter (e.g. the rules attachment) */
  document: string | null;
  /** The clause as the document numbers it: 第十三条, 三、工作规则 … */
  clause: string | null;
  /** The sentence of the charter that forbids the action */
  text: string;
}

export interface AppErrorOptions {
  /** The request field at fault, e.g. `body.name` */
  field?: string;
  clause?: CharterClause;
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** Serialised shape of an AppError in API responses (`{ error: … }`). */
export interface AppErrorBody {
  code: string;
  status: number;
  message: string;
  field?: string;
  clause?: CharterClause;
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field: string | undefined;
  readonly clause: CharterClause | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, status: number, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.field = options.field;
    this.clause = options.clause;
    this.details = options.details;
  }

  toBody(): AppErrorBody {
    return {
      code: this.code,
      status: this.status,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.clause === undefined ? {} : { clause: this.clause }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }

  /** Parses an API error body back into an AppError (used by the web client and tests). */
  static fromBody(body: AppErrorBody): AppError {
    return new AppError(body.code, body.status, body.message, {
      ...(body.field === undefined ? {} : { field: body.field }),
      ...(body.clause === undefined ? {} : { clause: body.clause }),
      ...(body.details === undefined ? {} : { details: body.details }),
    });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
