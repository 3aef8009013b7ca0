/**
 * The one error type of Lianxi. Every refusal — bad input, a forbidden action, a wrong status
 * transition, a charter rule — is an AppError with a stable code, an HTTP status, a Chinese message
 * for the user and, where a charter rule is the reason, the clause it comes from. Codes and their
 * statuses are declared once, in the error catalogue (error-catalogue.ts).
 */
import { ERROR_CATALOGUE, fillErrorTemplate } from './error-catalogue.ts';
import type { ErrorCatalogueEntry, ErrorCode } from './error-catalogue.ts';

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

/** The catalogue entry of a code; a code outside it (possible only by a cast) is a programming error. */
function catalogueEntry(code: ErrorCode): ErrorCatalogueEntry {
  const entry: ErrorCatalogueEntry | undefined = (ERROR_CATALOGUE as Partial<Record<string, ErrorCatalogueEntry>>)[code];
  if (entry === undefined) throw new TypeError(`AppError: the code ${String(code)} is not in the error catalogue`);
  return entry;
}

export class AppError extends Error {
  /** A catalogued code for an error made here; the code as received for one parsed from a response. */
  readonly code: string;
  readonly status: number;
  readonly field: string | undefined;
  readonly clause: CharterClause | undefined;
  readonly details: Record<string, unknown> | undefined;

  /**
   * An error of a catalogued code: the status is the catalogue's; the message is the specific
   * Chinese message given here, else the catalogue's Chinese template.
   */
  constructor(code: ErrorCode, message?: string, options: AppErrorOptions = {}) {
    const entry = catalogueEntry(code);
    super(message ?? fillErrorTemplate(entry.zh, { ...options.details, field: options.field }), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = entry.status;
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

  /**
   * An error as received: an API error body parsed back (the web client and tests), or an error the
   * web client makes itself (no connection). Code and status are taken as they are, catalogued or not.
   */
  static fromBody(body: AppErrorBody): AppError {
    const error = Reflect.construct(Error, [body.message], AppError) as AppError;
    Object.defineProperties(error, {
      name: { value: 'AppError', writable: true, configurable: true },
      code: { value: body.code, enumerable: true },
      status: { value: body.status, enumerable: true },
      field: { value: body.field, enumerable: true },
      clause: { value: body.clause, enumerable: true },
      details: { value: body.details, enumerable: true },
    });
    return error;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
