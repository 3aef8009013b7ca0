/**
 * The request context: who is signed in (the actor) and where the request came from. The
 * `onRequest` hook resolves the session cookie once per request; routes read `request.actor`
 * and pass `auditOrigin(request, deps)` to services.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../policy/actor.ts';
import { actorOf, resolveSession, SESSION_COOKIE } from '../services/auth-service.ts';
import type { SessionLookup } from '../services/auth-service.ts';
import type { AuditOrigin } from '../services/audit-service.ts';
import type { AppDeps, LianxiApp } from './app-types.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, or null. */
    actor: Actor | null;
    /** The live session of the request, or null. */
    session: { id: string; createdAt: Date } | null;
    /** Why there is no actor although a session cookie came (expired, ended…), else null. */
    sessionProblem: Exclude<SessionLookup, { ok: true }>['reason'] | null;
  }
}

/** Installs the actor resolution on every `/api` request. */
export function installRequestContext(app: LianxiApp, deps: AppDeps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionProblem', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request, reply) => {
    request.actor = null;
    request.sessionProblem = null;
    request.session = null;
    reply.header('x-request-id', request.id);
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined) return;
    const lookup = await resolveSession(deps.db, {
      config: deps.config,
      clock: deps.clock,
      token,
      origin: { requestId: request.id, clientAddress: request.ip },
    });
    if (!lookup.ok) {
      request.sessionProblem = lookup.reason;
      clearSessionCookie(reply, deps);
      return;
    }
    request.session = { id: lookup.session.id, createdAt: lookup.session.createdAt };
    request.actor = actorOf(deps.db, {
      account: lookup.account,
      sessionId: lookup.session.id,
      resolvers: deps.bodyRoleResolvers,
      at: deps.clock.now(),
    });
  });
}

/** Who acts, from where, now: pass to services for their audit rows. */
export function auditOrigin(request: FastifyRequest, deps: Pick<AppDeps, 'clock'>): AuditOrigin {
  return {
    actorId: request.actor?.accountId ?? null,
    requestId: request.id,
    clientAddress: request.ip,
    at: deps.clock.now(),
  };
}

export function setSessionCookie(reply: FastifyReply, deps: Pick<AppDeps, 'config'>, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.config.cookieSecure,
    path: '/',
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: Pick<AppDeps, 'config'>): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: deps.config.cookieSecure, path: '/' });
}
