/** Small Zod pieces shared by the bodies part's contracts. */
import { z } from 'zod';
import { errorResponseSchema, errorResponseSchemaOf, errorResponses } from './common.ts';
import { isIsoDate } from '../domain/calendar/iso-date.ts';

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

export { errorResponseSchema };

/** The refusals a bodies route may answer with: the platform's, plus too large and unprocessable. */
export const bodyErrorResponses = {
  ...errorResponses,
  413: errorResponseSchemaOf(413),
  422: errorResponseSchemaOf(422),
} as const;
