/**
 * Contract of the document routes (issue 7): downloads of minutes, notices and circulars (DOCX or
 * PDF), ledgers (XLSX), meeting invitations (ICS), and the per-person calendar feed and its token.
 * File responses are bytes with their own media type and a Content-Disposition file name.
 */
import { z } from 'zod';
import { bodyErrorResponses, idSchema } from './body-common.ts';
import { errorResponseSchemaOf } from './common.ts';

/** DOCX (default) or PDF converted by LibreOffice where the server has it. */
export const documentFormatQuerySchema = z.object({
  format: z.enum(['docx', 'pdf'], { message: '格式只能是 docx 或 pdf' }).default('docx'),
});
export type DocumentFormatQuery = z.infer<typeof documentFormatQuerySchema>;

export const minutesDocumentParamsSchema = z.object({ bodyId: idSchema, minutesId: idSchema });
export const meetingDocumentParamsSchema = z.object({ bodyId: idSchema, meetingId: idSchema });
export const circularDocumentParamsSchema = z.object({ bodyId: idSchema, circularId: idSchema });
export const bodyDocumentParamsSchema = z.object({ bodyId: idSchema });
export const unitDocumentParamsSchema = z.object({ unitId: idSchema });

/** The file itself (DOCX, PDF, XLSX or ICS bytes). */
export const fileResponseSchema = z.any().describe('文件内容（DOCX / PDF / XLSX / ICS）');

/** The refusals of a document route: the bodies' ones plus 501 when the server cannot make a PDF. */
export const documentErrorResponses = { ...bodyErrorResponses, 501: errorResponseSchemaOf(501) } as const;

export const calendarFeedStatusSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type CalendarFeedStatusResponse = z.infer<typeof calendarFeedStatusSchema>;

export const createCalendarFeedResponseSchema = z.object({
  /** The secret token, shown this once */
  token: z.string(),
  /** The feed's path on this server: /api/calendar-feeds/<token>.ics */
  path: z.string(),
  /** The full address to subscribe to, from the request's host */
  url: z.string(),
  createdAt: z.string(),
});
export type CreateCalendarFeedResponse = z.infer<typeof createCalendarFeedResponseSchema>;

export const revokeCalendarFeedResponseSchema = z.object({ revoked: z.boolean() });

export const calendarFeedParamsSchema = z.object({
  feedFile: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/u, { message: '订阅地址无效' }),
});
