/** /api/auth: sign in, sign out, me, the session probe, change password. */
import { changePasswordRequestSchema, meResponseSchema, sessionProbeResponseSchema, signInRequestSchema, signInResponseSchema } from '../../contracts/auth.ts';
import type { MeResponse } from '../../contracts/auth.ts';
import { errorResponses, okResponseSchema } from '../../contracts/common.ts';
import { authorize, authorizeActor } from '../../policy/policy.ts';
import { getAccountView } from '../../services/accounts/account-views.ts';
import { changePassword, signIn, signOut } from '../../services/auth-service.ts';
import { getSecuritySettings } from '../../services/settings-service.ts';
import { passwordExpiryOf } from '../../services/accounts/security-policy.ts';
import type { AppDeps, RouteModule } from '../app-types.ts';
import { auditOrigin, clearSessionCookie, setSessionCookie } from '../request-context.ts';

async function meOf(deps: AppDeps, accountId: string, session: { id: string; createdAt: Date }): Promise<MeResponse> {
  const settings = await getSecuritySettings(deps.db, { config: deps.config });
  const now = deps.clock.now();
  const passwordExpiry = await passwordExpiryOf(deps.db, { config: deps.config, accountId });
  return {
    account: await getAccountView(deps.db, { accountId, now }),
    session: {
      id: session.id,
      createdAt: session.createdAt.toISOString(),
      idleTimeoutMinutes: settings.session.idleMinutes,
      absoluteTimeoutHours: settings.session.absoluteHours,
      // The request touched the session: the idle timer starts now.
      idleExpiresAt: new Date(now.getTime() + settings.session.idleMinutes * 60_000).toISOString(),
      absoluteExpiresAt: new Date(session.createdAt.getTime() + settings.session.absoluteHours * 3_600_000).toISOString(),
    },
    passwordExpiresAt: passwordExpiry?.toISOString() ?? null,
  };
}

export const authRoutes: RouteModule = async (app, deps) => {
  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: signInRequestSchema,
        response: { 200: signInResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'session.sign_in');
      const result = await signIn(deps.db, {
        config: deps.config,
        clock: deps.clock,
        username: request.body.username,
        password: request.body.password,
        code: request.body.code,
        origin: {
          requestId: request.id,
          clientAddress: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        },
      });
      setSessionCookie(reply, deps, result.token);
      return { ...(await meOf(deps, result.account.id, result.session)), recoveryCodes: result.recoveryCodes };
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      schema: { tags: ['auth'], summary: '退出登录', response: { 200: okResponseSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const actor = await authorizeActor(request.actor, 'session.sign_out');
      await signOut(deps.db, { clock: deps.clock, actor, origin: auditOrigin(request, deps) });
      clearSessionCookie(reply, deps);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], summary: '当前登录账号', response: { 200: meResponseSchema, ...errorResponses } },
    },
    async (request) => {
      const actor = await authorizeActor(request.actor, 'session.read_self');
      const session = request.session ?? { id: actor.sessionId ?? '', createdAt: deps.clock.now() };
      return meOf(deps, actor.accountId, session);
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: '是否已登录（未登录时应答 signedIn: false，不报 401；已登录时带上 /api/auth/me 的内容）',
        response: { 200: sessionProbeResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'session.probe');
      const actor = request.actor;
      if (actor === null) return { signedIn: false, me: null };
      const session = request.session ?? { id: actor.sessionId ?? '', createdAt: deps.clock.now() };
      return { signedIn: true, me: await meOf(deps, actor.accountId, session) };
    },
  );

  app.post(
    '/api/auth/change-password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改本人密码（首次登录必须修改）',
        body: changePasswordRequestSchema,
        response: { 200: okResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await authorizeActor(request.actor, 'session.change_password');
      await changePassword(deps.db, {
        config: deps.config,
        clock: deps.clock,
        actor,
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        origin: auditOrigin(request, deps),
      });
      return { ok: true as const };
    },
  );
};
