/** Shared contract pieces of the platform: the error body, pagination, identifiers. */
import { z } from 'zod';
import { ERROR_CATALOGUE, ERROR_CODES } from '../errors/error-catalogue.ts';

export const charterClauseSchema = z.object({
  document: z.string().nullable(),
  clause: z.string().nullable(),
  text: z.string(),
});

/** Every catalogued error code (src/errors/error-catalogue.ts). */
export const errorCodeSchema = z.enum(ERROR_CODES).describe('稳定的错误代码（错误目录）/ stable error code (the error catalogue)');

/** The error body with its code limited to `codes`. */
function appErrorBodyOf(codes: z.ZodType<string>) {
  return z.object({
    code: codes,
    status: z.number().int(),
    message: z.string().describe('给用户看的中文说明'),
    field: z.string().optional().describe('出错的请求字段'),
    clause: charterClauseSchema.optional().describe('依据的制度条款'),
    details: z.record(z.string(), z.unknown()).optional(),
  });
}

/** Every error response is `{ error: AppErrorBody }`; `code` is one of the catalogue's (component `ErrorResponse`). */
export const appErrorBodySchema = appErrorBodyOf(errorCodeSchema);

export const errorResponseSchema = z.object({ error: appErrorBodySchema }).meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

function errorResponseOf(status: number) {
  const codes = ERROR_CODES.filter((code) => ERROR_CATALOGUE[code].status === status);
  const [first, ...rest] = codes;
  if (first === undefined) throw new Error(`no catalogued error code has status ${status}`);
  const schema = z.enum([first, ...rest]).describe(`状态 ${status} 的错误代码 / error codes of status ${status}`);
  return z.object({ error: appErrorBodyOf(schema) }).meta({ id: `ErrorResponse${status}` });
}

const errorResponsesByStatus = new Map<number, ReturnType<typeof errorResponseOf>>();

/**
 * The error response of one HTTP status: `code` lists the catalogued codes of that status (a code
 * has one status in the catalogue, so every error the server sends with this status matches). In
 * the OpenAPI document it is the component `ErrorResponse<status>`.
 */
export function errorResponseSchemaOf(status: number): ReturnType<typeof errorResponseOf> {
  const known = errorResponsesByStatus.get(status);
  if (known !== undefined) return known;
  const schema = errorResponseOf(status);
  errorResponsesByStatus.set(status, schema);
  return schema;
}

/** Standard error responses to list in a route's schema (4xx and 500), each with the codes of its status. */
export const errorResponses = {
  400: errorResponseSchemaOf(400),
  401: errorResponseSchemaOf(401),
  403: errorResponseSchemaOf(403),
  404: errorResponseSchemaOf(404),
  409: errorResponseSchemaOf(409),
  423: errorResponseSchemaOf(423),
  500: errorResponseSchemaOf(500),
} as const;

export const idSchema = z.string().min(1).max(100);

/** A page size from a query string (1–200, default 50). */
export const limitQuerySchema = z.coerce.number().int().min(1).max(200).default(50);

/** An ISO 8601 instant with an offset (e.g. 2025-01-01T08:00:00+08:00 or …Z). */
export const instantSchema = z.iso.datetime({ offset: true });

export const okResponseSchema = z.object({ ok: z.literal(true) });

/** A page of items with the total and an opaque cursor for the next page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    nextCursor: z.string().nullable().describe('下一页游标；null 表示已到末页'),
  });
}
