/** Contracts of /api/auth: sign in, sign out, me, the session probe, change password. */
import { z } from 'zod';
import { accountSchema } from './accounts.ts';

export const signInRequestSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(63),
  password: z.string().min(1, '请输入密码').max(256),
  /** The second factor (issue 17): a 6-digit TOTP code or a recovery code */
  code: z.string().trim().max(64).optional(),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const meResponseSchema = z.object({
  account: accountSchema,
  session: z.object({
    id: z.string(),
    createdAt: z.string(),
    idleTimeoutMinutes: z.number().int(),
    absoluteTimeoutHours: z.number().int(),
    /** When the session ends if unused (idle) and at the latest (absolute): shown before it happens (issue 17) */
    idleExpiresAt: z.string(),
    absoluteExpiresAt: z.string(),
  }),
  /** When the password must be changed (null: it does not expire) */
  passwordExpiresAt: z.string().nullable(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/**
 * The session probe (issue 15 point 8): answers 200 whether or not someone is signed in, so that a
 * signed-out first visit makes no failing request. `/api/auth/me` stays as it is for API users.
 */
export const sessionProbeResponseSchema = z.object({
  signedIn: z.boolean(),
  /** What /api/auth/me answers, when signed in; null otherwise */
  me: meResponseSchema.nullable(),
});
export type SessionProbeResponse = z.infer<typeof sessionProbeResponseSchema>;

export const signInResponseSchema = meResponseSchema.extend({
  /** Recovery codes made by a second-factor enrolment in this sign-in: shown once, never again */
  recoveryCodes: z.array(z.string()).nullable(),
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;
