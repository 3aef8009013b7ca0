/** Contract of the group routes: a body's groups with lead and member units. */
import { z } from 'zod';
import { groupKindSchema } from './charter-schema.ts';
import { idSchema } from './body-common.ts';

const unitRefSchema = z.object({ id: z.string(), name: z.string() });

export const groupSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  kind: groupKindSchema,
  name: z.string(),
  duties: z.array(z.string()),
  leadUnits: z.array(unitRefSchema),
  memberUnits: z.array(unitRefSchema),
});
export type GroupResponse = z.infer<typeof groupSchema>;

export const listGroupsResponseSchema = z.object({ items: z.array(groupSchema) });
export const groupParamsSchema = z.object({ bodyId: idSchema, groupId: idSchema });
