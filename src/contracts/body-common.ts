/** Small Zod pieces shared by the bodies part's contracts. */
import { z } from 'zod';
import { isIsoDate } from '../domain/directory/membership-timeline.ts';

/** An ISO calendar date, YYYY-MM-DD. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  .refine(isIsoDate, { message: '不是有效的日期' });

/** An id of a stored record (UUID). */
export const idSchema = z.uuid({ message: '不是有效的编号' });

/** A GB/T 2260 region code. */
export const regionCodeSchema = z.string().regex(/^\d{6}$/, { message: '地区代码应为六位数字（GB/T 2260）' });

export const pageLimitSchema = z.coerce.number().int().min(1).max(200).default(50);

/** Body `{ error }` of every refusal (AppError#toBody). */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    status: z.number().int(),
    message: z.string(),
    field: z.string().optional(),
    clause: z.object({ document: z.string().nullable(), clause: z.string().nullable(), text: z.string() }).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** The refusals a bodies route may answer with. */
export const bodyErrorResponses = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  413: errorResponseSchema,
  422: errorResponseSchema,
} as const;
