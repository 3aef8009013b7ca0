/** Contract of the charter routes: preview an import, re-import, charter versions and their diff. */
import { z } from 'zod';
import { bodyKindSchema, bodyLevelSchema, charterSchema, findingSchema } from './charter-schema.ts';
import { idSchema, isoDateSchema, regionCodeSchema } from './body-common.ts';
import { bodyMatchSchema, changeNoticeSchema, changeTargetSchema, documentKindSchema, matchedChangeNoticeSchema } from './change-notice-schema.ts';

/** Longest founding text accepted, in characters (the importer also limits UTF-8 bytes). */
export const MAX_TEXT_CHARS = 1024 * 1024;

export const foundingTextSchema = z
  .string({ message: '请提供成立文件全文' })
  .min(1, { message: '成立文件全文不能为空' })
  .max(MAX_TEXT_CHARS, { message: '成立文件超过 1 MB 上限' });

/** Corrections a reviewer makes to the import (mirrors CharterCorrections of the domain). */
export const correctionsSchema = z
  .object({
    body: z
      .object({
        name: z.string().min(1).max(200).optional(),
        kind: bodyKindSchema.optional(),
        level: bodyLevelSchema.nullable().optional(),
        regionCode: regionCodeSchema.nullable().optional(),
      })
      .strict()
      .optional(),
    issueDate: isoDateSchema.nullable().optional(),
    sunsetDate: isoDateSchema.nullable().optional(),
    flags: z
      .object({ noSeal: z.boolean().optional(), noFormalDocuments: z.boolean().optional(), notRegisteredBody: z.boolean().optional() })
      .strict()
      .optional(),
    memberUnits: z
      .object({
        add: z
          .array(z.object({ name: z.string().min(1).max(200), aliases: z.array(z.string().max(200)).max(20).optional(), lead: z.boolean().optional() }).strict())
          .max(500)
          .optional(),
        remove: z.array(z.string().min(1).max(200)).max(500).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type CorrectionsInput = z.infer<typeof correctionsSchema>;

export const previewCharterRequestSchema = z.object({ text: foundingTextSchema, corrections: correctionsSchema.optional() });
export type PreviewCharterRequest = z.infer<typeof previewCharterRequestSchema>;

export const previewCharterResponseSchema = z.object({
  charter: charterSchema,
  findings: z.array(findingSchema),
  /** SHA-256 of the normalised input text */
  textHash: z.string(),
  /** Whether the text founds a body or changes existing ones (调整 / 撤销 / both) */
  documentKind: documentKindSchema,
  /** For a change notice: the bodies it changes (each with the existing bodies it may mean) and what changes */
  changeNotice: matchedChangeNoticeSchema.nullable(),
  /** For a founding document: existing bodies of the same name (offered as a re-import, not a second body) */
  existingBodies: z.array(bodyMatchSchema),
});
export type PreviewCharterResponse = z.infer<typeof previewCharterResponseSchema>;

/** Any JSON value (kept open in the OpenAPI document: a recursive schema would need a registered component). */
const jsonValueSchema = z.unknown();

export const fieldChangeSchema = z.object({ field: z.string(), before: jsonValueSchema, after: jsonValueSchema });
export const listDiffSchema = z.object({
  added: z.array(z.object({ key: z.string(), item: jsonValueSchema })),
  removed: z.array(z.object({ key: z.string(), item: jsonValueSchema })),
  changed: z.array(z.object({ key: z.string(), before: jsonValueSchema, after: jsonValueSchema, fields: z.array(z.string()) })),
});
export const charterDiffSchema = z.object({
  unchanged: z.boolean(),
  fields: z.array(fieldChangeSchema),
  memberUnits: listDiffSchema,
  roles: listDiffSchema,
  groups: listDiffSchema,
  rules: listDiffSchema,
  functions: listDiffSchema,
});
export type CharterDiffResponse = z.infer<typeof charterDiffSchema>;

export const charterVersionSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  textHash: z.string(),
  importedBy: z.string().nullable(),
  importedAt: z.string(),
});
export type CharterVersionSummary = z.infer<typeof charterVersionSummarySchema>;

export const charterVersionListResponseSchema = z.object({ items: z.array(charterVersionSummarySchema) });

export const charterVersionDetailSchema = charterVersionSummarySchema.extend({
  charter: charterSchema,
  originalText: z.string(),
  corrections: correctionsSchema.nullable(),
  diffFromPrevious: charterDiffSchema.nullable(),
});
export type CharterVersionDetail = z.infer<typeof charterVersionDetailSchema>;

export const bodyParamsSchema = z.object({ bodyId: idSchema });
export const versionParamsSchema = z.object({ bodyId: idSchema, version: z.coerce.number().int().min(1) });
export const diffParamsSchema = z.object({ bodyId: idSchema, a: z.coerce.number().int().min(1), b: z.coerce.number().int().min(1) });

export const reimportCharterRequestSchema = z.object({
  text: foundingTextSchema,
  corrections: correctionsSchema.optional(),
  /** When dropped units and roles end and added ones start (default: the new issue date or today) */
  effectiveDate: isoDateSchema.optional(),
});
export type ReimportCharterRequest = z.infer<typeof reimportCharterRequestSchema>;

export const reimportCharterResponseSchema = z.object({
  changed: z.boolean(),
  version: charterVersionSummarySchema,
  diff: charterDiffSchema.nullable(),
  effectiveDate: isoDateSchema.nullable(),
  findings: z.array(findingSchema),
});
export type ReimportCharterResponse = z.infer<typeof reimportCharterResponseSchema>;

/** A change notice to preview or apply against a body. */
export const changeNoticeRequestSchema = z.object({
  text: foundingTextSchema,
  /** Which of the notice's bodies this body is (default: the name that matches the body best) */
  targetName: z.string().min(1).max(200).optional(),
  corrections: correctionsSchema.optional(),
});
export type ChangeNoticeRequest = z.infer<typeof changeNoticeRequestSchema>;

export const changeNoticePreviewResponseSchema = z.object({
  documentKind: z.enum(['adjustment', 'abolition', 'mixed']),
  notice: changeNoticeSchema,
  target: changeTargetSchema,
  currentVersion: charterVersionSummarySchema,
  /** The charter now in force, to show beside the diff */
  currentCharter: charterSchema,
  /** The charter the notice makes (version n+1) */
  charter: charterSchema,
  diff: charterDiffSchema,
  /** When memberships end and start: the notice's date */
  effectiveDate: isoDateSchema,
  /** For an abolition: the first day the body no longer exists */
  abolishedFrom: isoDateSchema.nullable(),
  /** Open decided items to hand over before the body is dissolved */
  openDecisions: z.number().int().min(0),
  findings: z.array(findingSchema),
});
export type ChangeNoticePreviewResponse = z.infer<typeof changeNoticePreviewResponseSchema>;

export const applyChangeNoticeResponseSchema = z.object({
  version: charterVersionSummarySchema,
  diff: charterDiffSchema,
  effectiveDate: isoDateSchema,
  target: changeTargetSchema,
  dissolution: z
    .object({ state: z.enum(['dissolved', 'scheduled', 'handover_required']), on: isoDateSchema, openDecisionIds: z.array(z.string()) })
    .nullable(),
});
export type ApplyChangeNoticeResponse = z.infer<typeof applyChangeNoticeResponseSchema>;
