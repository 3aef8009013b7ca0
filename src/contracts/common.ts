/** Shared contract pieces of the platform: the error body, pagination, identifiers. */
import { z } from 'zod';

export const charterClauseSchema = z.object({
  document: z.string().nullable(),
  clause: z.string().nullable(),
  text: z.string(),
});

/** Every error response is `{ error: AppErrorBody }`. */
export const appErrorBodySchema = z.object({
  code: z.string().describe('稳定的错误代码 / stable error code'),
  status: z.number().int(),
  message: z.string().describe('给用户看的中文说明'),
  field: z.string().optional().describe('出错的请求字段'),
  clause: charterClauseSchema.optional().describe('依据的制度条款'),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const errorResponseSchema = z.object({ error: appErrorBodySchema });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** Standard error responses to list in a route's schema (4xx and 500). */
export const errorResponses = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  423: errorResponseSchema,
  500: errorResponseSchema,
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
