/** Contract of the membership routes: memberships as of a date, start, end and change a membership. */
import { z } from 'zod';
import { roleKindSchema } from './charter-schema.ts';
import { idSchema, isoDateSchema } from './body-common.ts';

/** A post and its holder as a membership and a membership change both show them. */
export const membershipPostShape = {
  roleKind: roleKindSchema,
  /** The charter's own title: 召集人, 组长, 成员 … */
  title: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  position: z.string().nullable(),
};

export const membershipSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  ...membershipPostShape,
  validFrom: z.string(),
  /** First day it no longer holds; null while it holds */
  validTo: z.string().nullable(),
  sourceCharterVersionId: z.string().nullable(),
  vacant: z.boolean(),
});
export type MembershipResponse = z.infer<typeof membershipSchema>;

export const listMembershipsQuerySchema = z.object({
  /** Only memberships holding on this date (omit for the whole history) */
  at: isoDateSchema.optional(),
  roleKind: roleKindSchema.optional(),
  unitId: idSchema.optional(),
});
export type ListMembershipsQuery = z.infer<typeof listMembershipsQuerySchema>;

export const listMembershipsResponseSchema = z.object({ at: z.string().nullable(), items: z.array(membershipSchema) });

export const membershipParamsSchema = z.object({ bodyId: idSchema, membershipId: idSchema });

const personName = z.string().trim().min(1).max(50);

/** Who takes a post: a known person by id or a new one by name (not both), and their position. */
export const incomingHolderShape = {
  personId: idSchema.nullable().optional(),
  personName: personName.nullable().optional(),
  position: z.string().trim().max(200).nullable().optional(),
};

/** Refuses a holder given both by id and by name (人员编号与姓名只能填写一项). */
export function withHolderByIdOrName<T extends z.ZodType<{ personId?: string | null; personName?: string | null }>>(schema: T): T {
  return schema.refine((v) => !(v.personId && v.personName), { message: '人员编号与姓名只能填写一项', path: ['personName'] });
}

export const startMembershipRequestSchema = withHolderByIdOrName(
  z.object({
    roleKind: roleKindSchema,
    title: z.string().trim().min(1).max(50),
    unitId: idSchema.nullable().default(null),
    personId: idSchema.nullable().optional(),
    personName: personName.nullable().optional(),
    position: z.string().trim().max(200).nullable().default(null),
    validFrom: isoDateSchema,
    validTo: isoDateSchema.nullable().optional(),
    /** Why the office records the change directly (audited) */
    reason: z.string().trim().max(500).nullable().optional(),
  }),
);
export type StartMembershipRequest = z.infer<typeof startMembershipRequestSchema>;

export const endMembershipRequestSchema = z.object({ validTo: isoDateSchema, reason: z.string().trim().max(500).nullable().optional() });
export type EndMembershipRequest = z.infer<typeof endMembershipRequestSchema>;

export const changeMembershipRequestSchema = withHolderByIdOrName(
  z.object({
    /** The day the successor takes over (the old membership's validTo) */
    date: isoDateSchema,
    ...incomingHolderShape,
    title: z.string().trim().min(1).max(50).optional(),
    reason: z.string().trim().max(500).nullable().optional(),
  }),
);
export type ChangeMembershipRequest = z.infer<typeof changeMembershipRequestSchema>;

export const changeMembershipResponseSchema = z.object({ ended: membershipSchema, started: membershipSchema });
