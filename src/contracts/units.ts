/** Contract of the unit routes: the shared unit directory, a unit's page, a body's member units. */
import { z } from 'zod';
import { bodySummarySchema } from './bodies.ts';
import { groupKindSchema, roleKindSchema } from './charter-schema.ts';
import { idSchema, isoDateSchema, pageLimitSchema, regionCodeSchema } from './body-common.ts';

export const unitSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string().nullable(),
  aliases: z.array(z.string()),
});
export type UnitSummaryResponse = z.infer<typeof unitSummarySchema>;

export const listUnitsQuerySchema = z.object({
  q: z.string().max(100).optional(),
  /** Exact region code; `national` for units of national bodies */
  region: z.union([regionCodeSchema, z.literal('national')]).optional(),
  cursor: z.string().max(500).optional(),
  limit: pageLimitSchema,
});
export type ListUnitsQuery = z.infer<typeof listUnitsQuerySchema>;

export const listUnitsResponseSchema = z.object({ items: z.array(unitSummarySchema), nextCursor: z.string().nullable() });

export const unitParamsSchema = z.object({ unitId: idSchema });

export const unitPageResponseSchema = z.object({
  unit: unitSummarySchema,
  /** Bodies the unit sits in (those the reader may see), with its periods, groups and roles there */
  bodies: z.array(
    z.object({
      body: bodySummarySchema,
      periods: z.array(z.object({ lead: z.boolean(), nameInCharter: z.string(), validFrom: z.string(), validTo: z.string().nullable() })),
      hostsOffice: z.boolean(),
      groups: z.array(z.object({ id: z.string(), name: z.string(), kind: groupKindSchema, lead: z.boolean() })),
      roles: z.array(
        z.object({
          membershipId: z.string(),
          roleKind: roleKindSchema,
          title: z.string(),
          personId: z.string().nullable(),
          personName: z.string().nullable(),
          position: z.string().nullable(),
          validFrom: z.string(),
          validTo: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type UnitPageResponse = z.infer<typeof unitPageResponseSchema>;

export const bodyUnitsQuerySchema = z.object({ at: isoDateSchema.optional() });
export const bodyUnitsResponseSchema = z.object({
  at: z.string(),
  items: z.array(z.object({ unitId: z.string(), name: z.string(), nameInCharter: z.string(), lead: z.boolean(), validFrom: z.string(), validTo: z.string().nullable() })),
});
