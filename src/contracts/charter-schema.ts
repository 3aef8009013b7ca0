/**
 * Zod schema of the Charter JSON (src/domain/charter/charter-types.ts). Kept in sync by the type
 * checks at the end of this file (both directions must compile) and by a test that parses the
 * importer's output for every seed document.
 */
import { z } from 'zod';
import type { Charter } from '../domain/charter/charter-types.ts';

export const sourceSpanSchema = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });

export const bodyKindSchema = z.enum(['joint_meeting', 'task_force', 'coordination_group', 'leading_group', 'command', 'other']);
export const bodyLevelSchema = z.enum(['national', 'provincial', 'municipal', 'county']);
export const roleKindSchema = z.enum(['convener', 'deputy_convener', 'member', 'liaison']);
export const groupKindSchema = z.enum(['thematic', 'support', 'category']);
const meetingKindSchema = z.enum(['plenary', 'topical', 'liaison', 'working', 'office', 'group', 'any']);
const actorSchema = z.enum([
  'convener',
  'deputy_convener',
  'member',
  'liaison',
  'office',
  'office_director',
  'office_deputy_director',
  'member_unit',
  'group',
  'group_leader',
  'body',
]);

const regionSchema = z.object({ name: z.string(), code: z.string().nullable(), source: sourceSpanSchema.nullable() });

const charterBodySchema = z.object({
  name: z.string(),
  kind: bodyKindSchema,
  level: bodyLevelSchema.nullable(),
  region: regionSchema.nullable(),
  source: sourceSpanSchema,
});

const foundingDocumentSchema = z.object({
  title: z.string(),
  docNumber: z.string().nullable(),
  docNumberParts: z.object({ issuerCode: z.string(), year: z.number().int(), serial: z.number().int() }).nullable(),
  issuer: z.string().nullable(),
  issueDate: z.string().nullable(),
  addressees: z.array(z.string()),
  source: sourceSpanSchema,
});

export const charterFlagsSchema = z.object({
  noSeal: z.boolean(),
  noFormalDocuments: z.boolean(),
  notRegisteredBody: z.boolean(),
  sources: z.object({
    noSeal: sourceSpanSchema.nullable(),
    noFormalDocuments: sourceSpanSchema.nullable(),
    notRegisteredBody: sourceSpanSchema.nullable(),
  }),
});

const sunsetSchema = z.object({ date: z.string().nullable(), text: z.string(), source: sourceSpanSchema });
const charterFunctionSchema = z.object({ text: z.string(), source: sourceSpanSchema });
const memberUnitSchema = z.object({ name: z.string(), aliases: z.array(z.string()), lead: z.boolean(), source: sourceSpanSchema });
const roleSchema = z.object({
  kind: roleKindSchema,
  title: z.string(),
  person: z.string().nullable(),
  position: z.string().nullable(),
  unit: z.string().nullable(),
  source: sourceSpanSchema,
});
export const officePostSchema = z.object({
  person: z.string().nullable(),
  position: z.string().nullable(),
  unit: z.string().nullable(),
  source: sourceSpanSchema,
});
const officeSchema = z.object({
  hostUnit: z.string().nullable(),
  director: officePostSchema.nullable(),
  deputyDirectors: z.array(officePostSchema),
  duties: z.array(z.string()),
  source: sourceSpanSchema,
});
const liaisonSchema = z.object({ position: z.string(), perUnit: z.number().int().nullable(), source: sourceSpanSchema });
const groupSchema = z.object({
  kind: groupKindSchema,
  name: z.string(),
  leadUnits: z.array(z.string()),
  memberUnits: z.array(z.string()),
  duties: z.array(z.string()),
  source: sourceSpanSchema,
});

const ruleBase = { document: z.number().int().min(0), clause: z.string().nullable(), source: sourceSpanSchema };

const ruleSchema = z.discriminatedUnion('type', [
  z.object({
    ...ruleBase,
    type: z.literal('meeting_frequency'),
    meetingKind: meetingKindSchema,
    minPerYear: z.number().nullable(),
    schedule: z.enum(['regular', 'irregular', 'regular_or_irregular', 'as_needed']).nullable(),
  }),
  z.object({ ...ruleBase, type: z.literal('presider'), meetingKind: meetingKindSchema, roles: z.array(actorSchema), deputyNeedsDelegation: z.boolean() }),
  z.object({
    ...ruleBase,
    type: z.literal('agenda_approval'),
    meetingKind: meetingKindSchema,
    proposedBy: z.array(actorSchema),
    approvedBy: z.array(actorSchema),
    submittedTo: z.array(actorSchema).optional(),
    circulateInAdvance: z.boolean().optional(),
  }),
  z.object({
    ...ruleBase,
    type: z.literal('attendance'),
    mandatory: z.boolean(),
    substituteAllowed: z.boolean(),
    liaisonMayBringOpinion: z.boolean(),
    meetingKind: meetingKindSchema.optional(),
    attendees: z.array(actorSchema).optional(),
    participantApproval: z
      .object({
        participants: z.enum(['observers', 'attendees']),
        proposedBy: z.array(actorSchema),
        approvedBy: z.array(actorSchema),
        deputyNeedsDelegation: z.boolean(),
      })
      .optional(),
  }),
  z.object({ ...ruleBase, type: z.literal('pre_meeting'), meetingKind: meetingKindSchema, before: meetingKindSchema, discretionary: z.boolean().optional() }),
  z.object({ ...ruleBase, type: z.literal('minutes_signoff'), action: z.enum(['approve', 'sign_off']), roles: z.array(actorSchema) }),
  z.object({
    ...ruleBase,
    type: z.literal('minutes_distribution'),
    toMemberUnits: z.boolean(),
    reportCopyTo: z.array(z.string()),
    copyTo: z.array(z.string()),
    escalateMajorMattersTo: z.array(z.string()).optional(),
  }),
  z.object({ ...ruleBase, type: z.literal('decision_tracking'), trackedBy: z.array(actorSchema), circular: z.boolean(), implementedBy: z.array(actorSchema).optional() }),
  z.object({ ...ruleBase, type: z.literal('handling_deadline'), workingDays: z.number(), coHandledWorkingDays: z.number().nullable() }),
  z.object({
    ...ruleBase,
    type: z.literal('info_report_quota'),
    reporter: actorSchema,
    perMonth: z.number(),
    count: z.number().optional(),
    periodMonths: z.number().optional(),
    reportTo: z.array(actorSchema).optional(),
  }),
  z.object({ ...ruleBase, type: z.literal('annual_report'), reporter: z.string(), to: z.string(), via: z.string().optional() }),
  z.object({
    ...ruleBase,
    type: z.literal('membership_change'),
    subject: z.enum(['member', 'member_unit']),
    post: z.literal('liaison').optional(),
    proposedBy: z.string(),
    confirmedBy: z.string(),
  }),
  z.object({
    ...ruleBase,
    type: z.literal('document_signing'),
    issuedInNameOf: z.enum(['body', 'office']),
    initiatedBy: actorSchema.nullable(),
    reviewers: z.array(actorSchema),
    signers: z.array(actorSchema),
  }),
  z.object({ ...ruleBase, type: z.literal('bulletin'), name: z.string().nullable(), compiledBy: actorSchema, recipients: z.array(z.string()) }),
]);

export const findingSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  source: sourceSpanSchema.optional(),
});

export const charterSchema = z.object({
  schemaVersion: z.literal(1),
  body: charterBodySchema,
  foundingDocument: foundingDocumentSchema,
  documents: z.array(z.object({ title: z.string(), source: sourceSpanSchema })),
  flags: charterFlagsSchema,
  sunset: sunsetSchema.nullable(),
  functions: z.array(charterFunctionSchema),
  memberUnits: z.array(memberUnitSchema),
  memberUnitsStated: z.number().int().nullable(),
  roles: z.array(roleSchema),
  office: officeSchema.nullable(),
  liaison: liaisonSchema.nullable(),
  groups: z.array(groupSchema),
  rules: z.array(ruleSchema),
  findings: z.array(findingSchema),
  normalizedText: z.string(),
  offsetMap: z.array(z.tuple([z.number().int(), z.number().int()])),
});

export type CharterJson = z.infer<typeof charterSchema>;

// Sync checks: the schema and the Charter type must describe the same shape, both ways.
type Assignable<A, B> = [A] extends [B] ? true : false;
const charterFitsSchema: Assignable<Charter, CharterJson> = true;
const schemaFitsCharter: Assignable<CharterJson, Charter> = true;
void charterFitsSchema;
void schemaFitsCharter;
