/**
 * Zod schemas of change notices (adjustment / abolition / mixed) as the API shows them: the notice,
 * its targets with the delta and the existing bodies each may mean. Mirrors
 * src/domain/charter/change-notice/change-notice-types.ts.
 */
import { z } from 'zod';
import { findingSchema, roleKindSchema, sourceSpanSchema } from './charter-schema.ts';

export const documentKindSchema = z.enum(['founding', 'adjustment', 'abolition', 'mixed']);
export type DocumentKindValue = z.infer<typeof documentKindSchema>;

const namedSpanSchema = z.object({ name: z.string(), source: sourceSpanSchema });

export const changeDeltaSchema = z.object({
  roles: z.array(
    z.object({ kind: roleKindSchema, title: z.string(), person: z.string().nullable(), position: z.string().nullable(), source: sourceSpanSchema }),
  ),
  replacesRoles: z.array(roleKindSchema),
  rolesReleased: z.array(z.object({ kind: roleKindSchema.nullable(), person: z.string(), source: sourceSpanSchema })),
  unitsAdded: z.array(namedSpanSchema),
  unitsRemoved: z.array(namedSpanSchema),
  unitsRenamed: z.array(z.object({ from: z.string(), to: z.string(), source: sourceSpanSchema })),
  officeHost: namedSpanSchema.nullable(),
  renamedTo: namedSpanSchema.nullable(),
  abolished: z.object({ effectiveDate: z.string().nullable(), text: z.string(), source: sourceSpanSchema }).nullable(),
});

export const bodyMatchSchema = z.object({
  id: z.string(),
  name: z.string(),
  confidence: z.number().min(0).max(1),
  via: z.enum(['name', 'alias', 'core_name', 'similar']),
});
export type BodyMatchResponse = z.infer<typeof bodyMatchSchema>;

export const changeTargetSchema = z.object({
  name: z.string(),
  action: z.enum(['adjust', 'abolish']),
  source: sourceSpanSchema,
  delta: changeDeltaSchema,
});

export const matchedTargetSchema = changeTargetSchema.extend({ matches: z.array(bodyMatchSchema) });

const noticeFields = {
  documentKind: z.enum(['adjustment', 'abolition', 'mixed']),
  title: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  issueDate: z.string().nullable(),
  findings: z.array(findingSchema),
};

export const changeNoticeSchema = z.object({ ...noticeFields, targets: z.array(changeTargetSchema) });
export const matchedChangeNoticeSchema = z.object({ ...noticeFields, targets: z.array(matchedTargetSchema) });
export type MatchedChangeNoticeResponse = z.infer<typeof matchedChangeNoticeSchema>;
