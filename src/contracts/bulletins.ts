/** Contract of the bulletin routes (简报 / 专报): the charter's series, compiling an issue, reading it. */
import { z } from 'zod';
import { idSchema } from './body-common.ts';
import { charterClauseSchema } from './common.ts';
import { issuingNameSchema, outgoingDocumentSchema } from './outgoing-documents.ts';
import { RECIPIENT_ROLES } from '../domain/outgoing-documents/outgoing-types.ts';

const recipientRoleSchema = z.enum(RECIPIENT_ROLES, { message: '接收角色只能是召集人、副召集人、成员或联络员' });
const lineSchema = z.string().trim().min(1, { message: '报、送单位不能为空' }).max(100, { message: '单位名称过长' });

export const bulletinSeriesSchema = z.object({
  name: z.string().nullable().describe('制度规定的简报名称；未规定时为空'),
  namedByCharter: z.boolean(),
  reportTo: z.array(z.string()).describe('报'),
  copyTo: z.array(z.string()).describe('送'),
  clause: charterClauseSchema.nullable(),
  compiledBy: z.string().describe('编发单位'),
});

export const bulletinArticleSchema = z.object({
  title: z.string(),
  text: z.string(),
  reportId: z.string().nullable(),
  reporterName: z.string().nullable(),
});

export const bulletinSchema = z.object({
  document: outgoingDocumentSchema,
  series: z.string(),
  year: z.number().int(),
  issueNumber: z.number().int().nullable().describe('期数，签发时编号'),
  issueLabel: z.string().nullable(),
  compiledBy: z.string(),
  articles: z.array(bulletinArticleSchema),
  reportTo: z.array(z.string()),
  copyTo: z.array(z.string()),
  recipientUnits: z.array(z.object({ unitId: z.string(), name: z.string() })),
  recipientRoles: z.array(recipientRoleSchema),
});
export const listBulletinsResponseSchema = z.object({ items: z.array(bulletinSchema) });

export const compileBulletinSchema = z.object({
  series: z.string().trim().max(100, { message: '简报名称过长' }).nullable().default(null),
  title: z.string().trim().max(200, { message: '标题过长' }).nullable().default(null),
  issuedInNameOf: issuingNameSchema.default('body'),
  reportIds: z.array(idSchema).max(50, { message: '一期最多编入50篇信息' }).default([]),
  articles: z
    .array(z.object({ title: z.string().max(200, { message: '文章标题过长' }), text: z.string().max(50_000, { message: '文章正文过长' }) }))
    .max(50, { message: '一期最多50篇文章' })
    .default([]),
  reportTo: z.array(lineSchema).max(50).nullable().default(null),
  copyTo: z.array(lineSchema).max(50).nullable().default(null),
  recipientUnitIds: z.array(idSchema).max(500).default([]),
  recipientRoles: z.array(recipientRoleSchema).default([]),
});
export type CompileBulletinRequest = z.infer<typeof compileBulletinSchema>;

export const bulletinParamsSchema = z.object({ bodyId: idSchema, documentId: idSchema });
