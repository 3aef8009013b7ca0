/** Contract of the people routes: a body's people and a person's page. */
import { z } from 'zod';
import { roleKindSchema } from './charter-schema.ts';
import { idSchema } from './body-common.ts';
import { limitQuerySchema } from './common.ts';

export const personSummarySchema = z.object({ id: z.string(), name: z.string() });
export type PersonSummary = z.infer<typeof personSummarySchema>;
export const bodyPeopleResponseSchema = z.object({ items: z.array(personSummarySchema) });

export const personParamsSchema = z.object({ personId: idSchema });

/** A person's membership of a body: the role held, for which unit, from when (to when: null, still held). */
export const personMembershipSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  roleKind: roleKindSchema,
  /** The charter's own title: 召集人, 组长, 成员, 联络员 … */
  title: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  position: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type PersonMembership = z.infer<typeof personMembershipSchema>;

export const personDetailSchema = personSummarySchema.extend({
  /** Memberships in the bodies the reader may see */
  memberships: z.array(personMembershipSchema),
});
export type PersonDetailResponse = z.infer<typeof personDetailSchema>;

/** People search for linking accounts (security administrator): by a person's name or a unit's name. */
export const searchPeopleQuerySchema = z.object({
  search: z.string().trim().min(1).max(100).optional().describe('姓名或单位名称的一部分'),
  limit: limitQuerySchema,
});

/** A person found by the search: memberships in every body (past ones with their end) and the linked accounts. */
export const personCandidateSchema = personSummarySchema.extend({
  memberships: z.array(personMembershipSchema.omit({ unitId: true, position: true })),
  accounts: z.array(z.object({ id: z.string(), username: z.string() })),
});
export type PersonCandidate = z.infer<typeof personCandidateSchema>;
export const searchPeopleResponseSchema = z.object({ items: z.array(personCandidateSchema) });

/** A person created for an account before any body names them (security administrator). */
export const createPersonRequestSchema = z.object({ name: z.string().trim().min(1, { message: '请填写姓名' }).max(50) });

/**
 * The office's person picker for a post (GET /api/bodies/:bodyId/person-choices): persons whose name
 * contains `search`, so that a holder who already exists (created for an account by the security
 * administrator, or sitting in another body the reader sees) is linked rather than created twice.
 */
export const personChoicesQuerySchema = z.object({
  search: z.string().trim().min(1).max(50).describe('姓名的一部分'),
  limit: limitQuerySchema,
});

/** A person the office may pick: the name, memberships in bodies the reader may see, whether an account is linked. */
export const personChoiceSchema = personSummarySchema.extend({
  memberships: z.array(
    z.object({
      bodyId: z.string(),
      bodyName: z.string(),
      roleKind: roleKindSchema,
      title: z.string(),
      unitName: z.string().nullable(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
    }),
  ),
  /** An account is linked to the person (who it is stays the security administrator's) */
  hasAccount: z.boolean(),
});
export type PersonChoice = z.infer<typeof personChoiceSchema>;
export const personChoicesResponseSchema = z.object({ items: z.array(personChoiceSchema) });
