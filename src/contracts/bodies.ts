/** Contract of the body routes: publish a founding document as a body, list bodies, a body's detail. */
import { z } from 'zod';
import { bodyKindSchema, bodyLevelSchema, findingSchema } from './charter-schema.ts';
import { charterVersionSummarySchema, correctionsSchema, foundingTextSchema } from './charters.ts';
import { isoDateSchema, pageLimitSchema, regionCodeSchema } from './body-common.ts';

export const bodyStatusSchema = z.enum(['active', 'dissolved']);
export const bodyRoleSchema = z.enum(['office_staff', 'convener', 'deputy_convener', 'member', 'liaison', 'viewer']);

export const bodySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: bodyKindSchema,
  level: bodyLevelSchema.nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  status: bodyStatusSchema,
  /** From the charter's sunset clause (last day of the body), or null */
  sunsetDate: z.string().nullable(),
  /** First day the body no longer exists, once dissolved */
  dissolvedOn: z.string().nullable(),
  /** Member units holding today */
  memberUnitCount: z.number().int(),
  /** Last held meeting and open / overdue decided items; null when the reader holds no role in the body */
  activity: z
    .object({ lastMeetingAt: z.string().nullable(), openDecisions: z.number().int(), overdueDecisions: z.number().int() })
    .nullable(),
});
export type BodySummaryResponse = z.infer<typeof bodySummarySchema>;

/**
 * Sort keys of the registry: 收录时间 (default, newest first), name, kind, level, region, status,
 * sunset date. Each pages by keyset (the key, then the name and id; bodies without the value last).
 */
export const BODY_SORT_KEYS = ['created', 'name', 'kind', 'level', 'region', 'status', 'sunset'] as const;
export const bodySortSchema = z.enum(BODY_SORT_KEYS);
export type BodySortKey = z.infer<typeof bodySortSchema>;

/** The registry's filters and sort, shared by the list and its export. */
export const bodyFilterQuerySchema = z.object({
  kind: bodyKindSchema.optional(),
  level: bodyLevelSchema.optional(),
  /** Bodies of this region and of the regions inside it */
  region: regionCodeSchema.optional(),
  status: bodyStatusSchema.optional(),
  /** Part of the name */
  q: z.string().max(100).optional(),
  sort: bodySortSchema.default('created').describe('排序：收录时间、名称、类型、层级、地区、状态、自行撤销日期'),
  /** Default: descending for 收录时间, ascending for the others */
  order: z.enum(['asc', 'desc']).optional(),
});

export const listBodiesQuerySchema = bodyFilterQuerySchema.extend({
  cursor: z.string().max(500).optional(),
  limit: pageLimitSchema,
});
export type ListBodiesQuery = z.infer<typeof listBodiesQuerySchema>;

export const listBodiesResponseSchema = z.object({
  items: z.array(bodySummarySchema),
  nextCursor: z.string().nullable(),
  /** Bodies matching the filters (exact count) */
  total: z.number().int(),
});
export type ListBodiesResponse = z.infer<typeof listBodiesResponseSchema>;

const officePostSchema = z.object({ person: z.string().nullable(), position: z.string().nullable(), unit: z.string().nullable() });

export const bodyDetailSchema = bodySummarySchema.extend({
  flags: z.object({ noSeal: z.boolean(), noFormalDocuments: z.boolean(), notRegisteredBody: z.boolean() }),
  createdAt: z.string(),
  foundingDocument: z.object({
    title: z.string(),
    docNumber: z.string().nullable(),
    issuer: z.string().nullable(),
    issueDate: z.string().nullable(),
  }),
  currentCharterVersion: z.object({ id: z.string(), version: z.number().int(), importedAt: z.string(), importedBy: z.string().nullable() }),
  memberUnits: z.array(z.object({ unitId: z.string(), name: z.string(), nameInCharter: z.string(), lead: z.boolean(), validFrom: z.string() })),
  office: z
    .object({
      hostUnitId: z.string().nullable(),
      hostUnitName: z.string().nullable(),
      director: officePostSchema.nullable(),
      deputyDirectors: z.array(officePostSchema),
      duties: z.array(z.string()),
    })
    .nullable(),
  /** The reader's roles in the body */
  myRoles: z.array(z.object({ role: bodyRoleSchema, unitId: z.string().nullable() })),
});
export type BodyDetailResponse = z.infer<typeof bodyDetailSchema>;

export const bodyDetailQuerySchema = z.object({ at: isoDateSchema.optional() });

export const publishBodyRequestSchema = z.object({ text: foundingTextSchema, corrections: correctionsSchema.optional() });
export type PublishBodyRequest = z.infer<typeof publishBodyRequestSchema>;

export const publishBodyResponseSchema = z.object({
  body: bodySummarySchema,
  charterVersion: charterVersionSummarySchema,
  findings: z.array(findingSchema),
});
export type PublishBodyResponse = z.infer<typeof publishBodyResponseSchema>;

export const dissolveBodyRequestSchema = z.object({
  /** First day the body no longer exists (YYYY-MM-DD), not later than today */
  on: isoDateSchema,
  reason: z.string().trim().min(1, { message: '请填写撤销依据或理由' }).max(2000),
});
export type DissolveBodyRequest = z.infer<typeof dissolveBodyRequestSchema>;
