/** Contract of the people routes: a body's people and a person's page. */
import { z } from 'zod';
import { roleKindSchema } from './charter-schema.ts';
import { idSchema } from './body-common.ts';
import { limitQuerySchema } from './common.ts';

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

/** People search for linking accounts (security administrator): by a person's name or a unit's name. */
export const searchPeopleQuerySchema = z.object({
  search: z.string().trim().min(1).max(100).optional().describe('姓名或单位名称的一部分'),
  limit: limitQuerySchema,
});

/** A person found by the search: memberships in every body (past ones with their end) and the linked accounts. */
export const personCandidateSchema = personSummarySchema.extend({
  memberships: z.array(
    z.object({
      id: z.string(),
      bodyId: z.string(),
      bodyName: z.string(),
      roleKind: roleKindSchema,
      title: z.string(),
      unitName: z.string().nullable(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
    }),
  ),
  accounts: z.array(z.object({ id: z.string(), username: z.string() })),
});
export type PersonCandidate = z.infer<typeof personCandidateSchema>;
export const searchPeopleResponseSchema = z.object({ items: z.array(personCandidateSchema) });

/** A person created for an account before any body names them (security administrator). */
export const createPersonRequestSchema = z.object({ name: z.string().trim().min(1, { message: '请填写姓名' }).max(50) });
