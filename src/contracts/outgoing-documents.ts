/** Contract of the outgoing-document routes (发文): drafts, the signing chain (审核 → 签发), the number registers. */
import { z } from 'zod';
import { idSchema } from './body-common.ts';
import { charterClauseSchema } from './common.ts';
import { OUTGOING_DOCUMENT_KINDS, OUTGOING_DOCUMENT_STATUSES } from '../domain/outgoing-documents/outgoing-types.ts';

export const outgoingDocumentKindSchema = z.enum(OUTGOING_DOCUMENT_KINDS, { message: '文种只能是通知、通报、简报、函或报告' });
export const issuingNameSchema = z.enum(['body', 'office'], { message: '发文名义只能是本机构（body）或办公室（office）' });

export const chainStepSchema = z.object({
  step: z.enum(['review', 'sign']),
  label: z.string().describe('如：办公室主任审核、组长或副组长签发'),
  clause: charterClauseSchema,
  byDefault: z.boolean().describe('制度未规定，按系统默认规则'),
  done: z.boolean(),
  by: z.string().nullable(),
  as: z.string().nullable(),
  at: z.string().nullable(),
});

export const outgoingDocumentSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  kind: outgoingDocumentKindSchema,
  kindLabel: z.string(),
  issuedInNameOf: issuingNameSchema,
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  status: z.enum(OUTGOING_DOCUMENT_STATUSES),
  statusLabel: z.string(),
  chain: z.array(chainStepSchema),
  docNumber: z.string().nullable().describe('发文字号，签发时编号'),
  issuedOn: z.string().nullable(),
  reviewComment: z.string().nullable(),
  source: z.object({ kind: z.string(), id: z.string() }).nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(['submit', 'review', 'sign'])).describe('当前用户此刻可办理的步骤'),
});
export type OutgoingDocumentResponse = z.infer<typeof outgoingDocumentSchema>;

export const listOutgoingDocumentsResponseSchema = z.object({ items: z.array(outgoingDocumentSchema) });

export const startOutgoingDocumentSchema = z.object({
  kind: outgoingDocumentKindSchema,
  issuedInNameOf: issuingNameSchema,
  groupId: idSchema.nullable().default(null).describe('工作组的发文：提出发文的工作组'),
  title: z.string().trim().min(1, { message: '请填写文件标题' }).max(200, { message: '标题不能超过200字' }),
  content: z.string().max(100_000, { message: '正文过长' }).default(''),
});
export type StartOutgoingDocumentRequest = z.infer<typeof startOutgoingDocumentSchema>;

export const reviewOutgoingDocumentSchema = z.object({
  comment: z.string().trim().max(2000, { message: '审核意见不能超过2000字' }).nullable().default(null),
});

export const outgoingDocumentParamsSchema = z.object({ bodyId: idSchema, documentId: idSchema });

export const signingChainQuerySchema = z.object({
  issuedInNameOf: issuingNameSchema,
  fromGroup: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export const signingChainResponseSchema = z.object({ steps: z.array(chainStepSchema) });

export const registerSchema = z.object({
  register: issuingNameSchema,
  prefix: z.string(),
  isDefault: z.boolean().describe('未设置前缀，使用默认'),
  year: z.number().int(),
  lastNumber: z.number().int(),
  nextDocNumber: z.string(),
});
export const listRegistersResponseSchema = z.object({ items: z.array(registerSchema) });
export const registerParamsSchema = z.object({ bodyId: idSchema, register: issuingNameSchema });
export const setRegisterPrefixSchema = z.object({
  prefix: z
    .string()
    .trim()
    .min(1, { message: '请填写发文字号前缀' })
    .max(40, { message: '前缀不能超过40字' })
    .refine((v) => !/[〔〕[\]\d]/u.test(v), { message: '前缀只写机关代字（如“某办”），年份和序号由系统编排' }),
});
