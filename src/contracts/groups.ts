/** Contract of the group routes: a body's groups with lead and member units and leaders; the office's corrections. */
import { z } from 'zod';
import { groupKindSchema } from './charter-schema.ts';
import { idSchema } from './body-common.ts';

const groupLeaderTitleSchema = z.enum(['组长', '副组长']);

const unitRefSchema = z.object({ id: z.string(), name: z.string() });

export const groupSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  kind: groupKindSchema,
  name: z.string(),
  duties: z.array(z.string()),
  leadUnits: z.array(unitRefSchema),
  memberUnits: z.array(unitRefSchema),
  /** The group's own leaders (组长 first) */
  leaders: z.array(z.object({ personId: z.string(), personName: z.string(), title: groupLeaderTitleSchema })),
  /** What the office corrected (kept across re-imports), or null */
  correction: z
    .object({
      updatedAt: z.string(),
      updatedBy: z.string().nullable(),
      reason: z.string().nullable(),
      parts: z.array(z.enum(['leadUnits', 'memberUnits', 'leaders'])),
    })
    .nullable(),
});
export type GroupResponse = z.infer<typeof groupSchema>;

export const listGroupsResponseSchema = z.object({ items: z.array(groupSchema) });
export const groupParamsSchema = z.object({ bodyId: idSchema, groupId: idSchema });

/** The office sets a group's units and leaders; an absent part keeps what is set, null returns to the charter's. */
export const correctGroupRequestSchema = z.object({
  leadUnitIds: z.array(idSchema).max(50).nullable().optional(),
  memberUnitIds: z.array(idSchema).max(200).nullable().optional(),
  leaders: z
    .array(z.object({ personId: idSchema, title: groupLeaderTitleSchema }))
    .max(20)
    .nullable()
    .optional(),
  reason: z.string().trim().min(1, { message: '请填写调整理由' }).max(500),
});
export type CorrectGroupRequest = z.infer<typeof correctGroupRequestSchema>;
