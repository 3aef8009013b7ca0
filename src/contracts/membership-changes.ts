/** Contract of the membership change routes: propose, list, confirm and refuse changes of a post. */
import { z } from 'zod';
import { roleKindSchema } from './charter-schema.ts';
import { idSchema, isoDateSchema } from './body-common.ts';
import { incomingHolderShape, membershipPostShape, withHolderByIdOrName } from './memberships.ts';

const reasonSchema = z.string().trim().min(1, { message: '请填写理由' }).max(500);
const gateRoleSchema = z.enum(['convener', 'deputy_convener', 'member', 'liaison', 'office_staff', 'group_leader']);
const clauseSchema = z.object({ document: z.string().nullable(), clause: z.string().nullable(), text: z.string() });

/** The rule's clause, or the system default for a silent charter (本机构制度未规定，按系统默认规则：…). */
export const gateBasisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rule'), ruleType: z.string(), clause: clauseSchema }),
  z.object({ kind: z.literal('default'), text: z.string() }),
]);

export const membershipChangeSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  /** start: a new holder; end: a holder leaves; handover: the post passes to a successor */
  kind: z.enum(['start', 'end', 'handover']),
  status: z.enum(['proposed', 'confirmed', 'rejected']),
  membershipId: z.string().nullable(),
  /** The post; the person the change makes its holder (start, handover) */
  ...membershipPostShape,
  /** Who holds the post an end or handover concerns */
  holderName: z.string().nullable(),
  effectiveDate: z.string(),
  reason: z.string().nullable(),
  proposedBy: z.object({ accountId: z.string(), name: z.string().nullable(), as: gateRoleSchema, at: z.string() }),
  /** Who confirms by the charter: the office, the convener, or the plenary (recorded by the office) */
  confirmer: z.enum(['office', 'convener', 'plenary']),
  basis: gateBasisSchema,
  decidedBy: z
    .object({ accountId: z.string(), name: z.string().nullable(), as: gateRoleSchema.nullable(), at: z.string().nullable(), note: z.string().nullable() })
    .nullable(),
  /** The held plenary meeting a plenary's confirmation cites */
  meetingId: z.string().nullable(),
  startedMembershipId: z.string().nullable(),
  /** The day the change took effect (its date, or the day of confirmation when later) */
  tookEffectOn: z.string().nullable(),
});
export type MembershipChangeResponse = z.infer<typeof membershipChangeSchema>;

export const listMembershipChangesQuerySchema = z.object({ status: z.enum(['proposed', 'confirmed', 'rejected']).optional() });
export const listMembershipChangesResponseSchema = z.object({ items: z.array(membershipChangeSchema) });

export const proposeMembershipChangeRequestSchema = z.discriminatedUnion('kind', [
  withHolderByIdOrName(
    z.object({
      kind: z.literal('start'),
      roleKind: roleKindSchema,
      title: z.string().trim().min(1).max(50),
      unitId: idSchema.nullable().default(null),
      ...incomingHolderShape,
      effectiveDate: isoDateSchema,
      reason: reasonSchema,
    }),
  ),
  z.object({ kind: z.literal('end'), membershipId: idSchema, effectiveDate: isoDateSchema, reason: reasonSchema }),
  withHolderByIdOrName(z.object({ kind: z.literal('handover'), membershipId: idSchema, ...incomingHolderShape, effectiveDate: isoDateSchema, reason: reasonSchema })),
]);
export type ProposeMembershipChangeRequest = z.infer<typeof proposeMembershipChangeRequestSchema>;

export const membershipChangeParamsSchema = z.object({ bodyId: idSchema, proposalId: idSchema });

export const confirmMembershipChangeRequestSchema = z.object({
  /** For a plenary's confirmation: the held plenary meeting that decided it … */
  meetingId: idSchema.nullable().optional(),
  /** … or a written basis (文号、会议纪要), and any note */
  note: z.string().trim().max(500).nullable().optional(),
});
export type ConfirmMembershipChangeRequest = z.infer<typeof confirmMembershipChangeRequestSchema>;

export const rejectMembershipChangeRequestSchema = z.object({ note: reasonSchema });
export type RejectMembershipChangeRequest = z.infer<typeof rejectMembershipChangeRequestSchema>;

/** Who confirms a change of each post of the body, by its charter (or the default): what the UI offers. */
export const membershipChangeRulesSchema = z.object({
  items: z.array(
    z.object({
      roleKind: roleKindSchema,
      confirmer: z.enum(['office', 'convener', 'plenary']),
      /** The office records a change of this post directly (it confirms such changes); a vacancy is always filled directly */
      officeRecordsDirectly: z.boolean(),
      basis: gateBasisSchema,
    }),
  ),
});
export type MembershipChangeRulesResponse = z.infer<typeof membershipChangeRulesSchema>;
