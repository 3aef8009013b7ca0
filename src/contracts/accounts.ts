/** Contracts of /api/accounts (security administrator). */
import { z } from 'zod';
import { GRANTABLE_BODY_ROLES, SYSTEM_ROLES } from '../domain/access/roles.ts';
import { idSchema, limitQuerySchema, pageSchema } from './common.ts';
import { personMembershipSchema } from './people.ts';

export const systemRoleSchema = z.enum(SYSTEM_ROLES);
export const grantableBodyRoleSchema = z.enum(GRANTABLE_BODY_ROLES);

/** A body role the account holds through its linked person: a membership holding today. */
export const accountPersonRoleSchema = z.object({
  membershipId: z.string(),
  ...personMembershipSchema.pick({ bodyId: true, bodyName: true, roleKind: true, title: true, unitId: true, unitName: true, validFrom: true }).shape,
});

/** The person an account is linked to, with the roles held through that person today. */
export const accountPersonSchema = z.object({ id: z.string(), name: z.string(), roles: z.array(accountPersonRoleSchema) });
export type AccountPerson = z.infer<typeof accountPersonSchema>;

export const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  systemRoles: z.array(systemRoleSchema),
  bodyGrants: z.array(
    z.object({ id: z.string(), bodyId: z.string(), bodyName: z.string(), role: grantableBodyRoleSchema, grantedAt: z.string() }),
  ),
  personId: z.string().nullable(),
  /** The linked person, its name and the body roles held through it today (null: no person linked) */
  person: accountPersonSchema.nullable(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  disabled: z.boolean(),
  /** A second factor (TOTP) is bound to the account (issue 17) */
  secondFactorEnrolled: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountParamsSchema = z.object({ id: idSchema });

export const listAccountsQuerySchema = z.object({
  limit: limitQuerySchema,
  cursor: z.string().max(100).optional().describe('上一页返回的 nextCursor'),
  search: z.string().trim().min(1).max(100).optional(),
});
export const accountPageSchema = pageSchema(accountSchema);
export type AccountPage = z.infer<typeof accountPageSchema>;

export const createAccountRequestSchema = z.object({
  username: z.string().trim().min(2).max(63).describe('小写字母、数字、点、下划线、连字符'),
  displayName: z.string().trim().min(1).max(100),
  /** Omit to let the system generate a one-time password. */
  password: z.string().min(1).max(256).optional(),
  systemRoles: z.array(systemRoleSchema).max(1).default([]),
  personId: z.string().min(1).max(100).nullable().optional(),
});
export type CreateAccountRequest = z.input<typeof createAccountRequestSchema>;

export const accountWithPasswordSchema = z.object({
  account: accountSchema,
  oneTimePassword: z.string().nullable().describe('系统生成的一次性密码，仅显示这一次'),
});
export type AccountWithPassword = z.infer<typeof accountWithPasswordSchema>;

export const roleChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('system'), role: systemRoleSchema }),
  z.object({ kind: z.literal('body'), bodyId: idSchema, role: grantableBodyRoleSchema }),
]);
export type RoleChangeRequest = z.infer<typeof roleChangeSchema>;

export const linkPersonRequestSchema = z.object({ personId: z.string().min(1).max(100).nullable() });

/** The accounts export: the list's filter (search), as XLSX or CSV. */
export const exportAccountsQuerySchema = z.object({
  search: z.string().trim().min(1).max(100).optional(),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
export type ExportAccountsQuery = z.infer<typeof exportAccountsQuerySchema>;
