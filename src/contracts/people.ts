/** Contract of the people routes: a body's people and a person's page. */
import { z } from 'zod';
import { roleKindSchema } from './charter-schema.ts';
import { idSchema } from './body-common.ts';

export const personSummarySchema = z.object({ id: z.string(), name: z.string() });
export const bodyPeopleResponseSchema = z.object({ items: z.array(personSummarySchema) });

export const personParamsSchema = z.object({ personId: idSchema });

export const personDetailSchema = personSummarySchema.extend({
  /** Memberships in the bodies the reader may see */
  memberships: z.array(
    z.object({
      id: z.string(),
      bodyId: z.string(),
      bodyName: z.string(),
      roleKind: roleKindSchema,
      title: z.string(),
      unitId: z.string().nullable(),
      unitName: z.string().nullable(),
      position: z.string().nullable(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
    }),
  ),
});
export type PersonDetailResponse = z.infer<typeof personDetailSchema>;
