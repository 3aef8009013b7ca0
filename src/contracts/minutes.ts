/** Contract of the minutes routes: draft, edit, sign off, issue, correct, read. */
import { z } from 'zod';
import { MINUTES_STATUSES } from '../domain/meetings/meeting-types.ts';
import { idSchema, isoDateSchema } from './body-common.ts';
import { resourceActionListSchema } from './resource-actions.ts';

export const minutesParamsSchema = z.object({ bodyId: idSchema, minutesId: idSchema });

export const decidedItemDeadlineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: isoDateSchema }),
  z.object({ kind: z.literal('working_days'), days: z.number().int().min(1).max(365) }),
  z.object({ kind: z.literal('charter_default') }),
]);

export const decidedItemSchema = z.object({
  text: z.string().trim().min(1).max(5000),
  leadUnitId: idSchema,
  coUnitIds: z.array(idSchema).max(100).default([]),
  deadline: decidedItemDeadlineSchema,
});

const distributionSchema = z.object({
  memberUnits: z.array(z.object({ unitId: z.string(), name: z.string() })),
  reportCopyTo: z.array(z.string()),
  copyTo: z.array(z.string()),
});

export const minutesSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  meetingId: z.string(),
  status: z.enum(MINUTES_STATUSES),
  title: z.string(),
  proceedings: z.string(),
  decidedItems: z.array(
    z.object({
      text: z.string(),
      leadUnitId: z.string(),
      coUnitIds: z.array(z.string()),
      deadline: decidedItemDeadlineSchema,
    }),
  ),
  signedOffBy: z.string().nullable(),
  signedOffAs: z.string().nullable(),
  signedOffAt: z.string().nullable(),
  year: z.number().int().nullable(),
  /** 第N期 of the year */
  number: z.number().int().nullable(),
  issuedOn: z.string().nullable(),
  issuedAt: z.string().nullable(),
  distribution: distributionSchema.nullable(),
  decisionIds: z.array(z.string()),
  correctsMinutesId: z.string().nullable(),
  correctedBy: z.array(z.string()),
  attendance: z.object({
    attended: z.array(z.object({ unitName: z.string(), personName: z.string().nullable(), substitute: z.boolean(), position: z.string().nullable() })),
    liaisonsWithOpinion: z.array(z.object({ unitName: z.string(), opinion: z.string() })),
    absentWithLeave: z.array(z.object({ unitName: z.string(), personName: z.string().nullable(), reason: z.string() })),
    absent: z.array(z.object({ unitName: z.string(), personName: z.string().nullable() })),
  }),
  observers: z.array(z.object({ name: z.string(), unitName: z.string().nullable() })),
  version: z.number().int(),
  updatedAt: z.string(),
  /** What the reader may do on the minutes (given on the reads; a step's answer leaves it out) */
  actions: resourceActionListSchema.optional(),
});
export type MinutesResponse = z.infer<typeof minutesSchema>;

export const listMinutesResponseSchema = z.object({ items: z.array(minutesSchema) });

export const draftMinutesRequestSchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  proceedings: z.string().trim().min(1).max(100_000),
  decidedItems: z.array(decidedItemSchema).max(200).default([]),
});

export const editMinutesRequestSchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  proceedings: z.string().trim().min(1).max(100_000).optional(),
  decidedItems: z.array(decidedItemSchema).max(200).optional(),
  /** The version read; refused when someone changed the draft since */
  version: z.number().int().min(1).optional(),
});

export const correctionRequestSchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  proceedings: z.string().trim().min(1).max(100_000).optional(),
});
