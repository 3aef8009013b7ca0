/**
 * The security edges of the HTTP application (issue 19):
 * - headers: Content-Security-Policy without inline script (the web build loads one module script),
 *   frame-ancestors 'none' and X-Frame-Options DENY, X-Content-Type-Options nosniff (helmet);
 *   `Cache-Control: no-store` on every API answer unless its route set a cache policy;
 * - downloads (a Content-Disposition attachment) are served with their declared type only when it is
 *   on an allow-list of document and image types that browsers do not run; otherwise as
 *   application/octet-stream;
 * - access audit: every refused request (401, 403) leaves a `failure` audit row, and every read of the
 *   audit trail, attachment, meeting material or ledger a `success` row (one append each);
 * - cross-site requests (issue 17 point 6): every state-changing API request (POST, PUT, PATCH,
 *   DELETE) must come from the application's own origin or a configured one (Sec-Fetch-Site, else
 *   Origin), and carry JSON or nothing: a form or `text/plain` request is refused before it is read.
 */
import fastifyHelmet from '@fastify/helmet';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import { recordAudit } from '../services/audit-service.ts';
import { anchorAfterAppend } from '../services/audit-key.ts';
import type { AppDeps, LianxiApp } from './app-types.ts';
import { isApiPath } from './web-static.ts';

/** Download types served as they are: office and PDF/OFD documents, raster images, plain archives. */
export const DOWNLOAD_TYPE_ALLOW_LIST: readonly string[] = [
  'application/pdf',
  'application/ofd',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/zip',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/csv',
  'text/calendar',
];

/** The Content-Security-Policy directives (the web build and /api/docs pass them). */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Ant Design writes its CSS-in-JS rules into <style> elements at run time.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
} as const;

/** Reads whose every occurrence is audited: route pattern → audit action and entity. */
const AUDITED_READS: ReadonlyMap<string, { action: string; entityType: string; idParam: string | null }> = new Map([
  ['/api/audit', { action: 'audit.read', entityType: 'audit_log', idParam: null }],
  ['/api/audit/verify', { action: 'audit.verify', entityType: 'audit_log', idParam: null }],
  [
    '/api/bodies/:bodyId/decisions/:decisionId/attachments/:attachmentId',
    { action: 'attachment.download', entityType: 'progress_attachment', idParam: 'attachmentId' },
  ],
  [
    '/api/bodies/:bodyId/meetings/:meetingId/materials/:materialId/content',
    { action: 'material.download', entityType: 'meeting_material', idParam: 'materialId' },
  ],
  ['/api/bodies/:bodyId/ledger-document', { action: 'ledger.download', entityType: 'body', idParam: 'bodyId' }],
  ['/api/units/:unitId/ledger-document', { action: 'ledger.download', entityType: 'unit', idParam: 'unitId' }],
]);

/** Routes that audit their own refusals (sign-in failures are recorded with their reason). */
const SELF_AUDITED_REFUSALS = new Set(['/api/auth/sign-in']);

function headerText(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function param(request: FastifyRequest, name: string | null): string | null {
  if (name === null) return null;
  const value = (request.params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, 200) : null;
}

/** The media type of a download as served: declared when on the allow-list, else octet-stream. */
export function servedDownloadType(declared: string): string {
  const base = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  return DOWNLOAD_TYPE_ALLOW_LIST.includes(base) ? declared : 'application/octet-stream';
}

async function auditAccess(request: FastifyRequest, reply: FastifyReply, deps: AppDeps): Promise<void> {
  const route = request.routeOptions.url ?? null;
  const status = reply.statusCode;
  const refused = status === 401 || status === 403;
  const read = status >= 200 && status < 300 && route !== null ? AUDITED_READS.get(route) : undefined;
  if (!refused && read === undefined) return;
  if (refused && route !== null && SELF_AUDITED_REFUSALS.has(route)) return;
  const path = request.url.split('?')[0] ?? '';
  await deps.db.transaction(async (tx) => {
    await recordAudit(tx, {
      actorId: request.actor?.accountId ?? null,
      action: refused ? 'access.refused' : (read?.action ?? 'access.read'),
      entityType: refused ? 'request' : (read?.entityType ?? 'request'),
      entityId: refused ? `${request.method} ${path.slice(0, 300)}` : param(request, read?.idParam ?? null),
      before: null,
      after: refused
        ? { status, route, reason: request.sessionProblem ?? undefined }
        : { route, path: path.slice(0, 300) },
      requestId: request.id,
      clientAddress: request.ip,
      at: deps.clock.now(),
      result: refused ? 'failure' : 'success',
    });
  });
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Why a state-changing request is refused as cross-site, or null when it may go on: the browser's
 * Sec-Fetch-Site says same-origin; else its Origin is the server's own host or a configured origin.
 * A request with neither header comes from no browser (the CLI, scripts) and goes on: the session
 * cookie is SameSite=Strict, so a browser never sends it cross-site without these headers.
 */
export function crossSiteProblem(
  headers: { origin?: string | undefined; 'sec-fetch-site'?: string | undefined },
  ownHost: string,
  allowedOrigins: readonly string[],
): 'origin_not_allowed' | 'cross_site' | null {
  const origin = headers.origin?.trim().toLowerCase();
  if (origin !== undefined && allowedOrigins.includes(origin)) return null;
  const site = headers['sec-fetch-site']?.trim().toLowerCase();
  if (site !== undefined) return site === 'same-origin' || site === 'none' ? null : 'cross_site';
  if (origin === undefined) return null;
  try {
    return new URL(origin).host === ownHost.toLowerCase() ? null : 'origin_not_allowed';
  } catch {
    return 'origin_not_allowed';
  }
}

/** Whether a Content-Type is JSON (application/json, with parameters or not). */
function isJsonType(type: string): boolean {
  return (type.split(';')[0] ?? '').trim().toLowerCase() === 'application/json';
}

/** Registers helmet, the API cache policy, the download type rule and the access audit. */
export async function installSecurityHooks(app: LianxiApp, deps: AppDeps): Promise<void> {
  // Cross-site request refusal, before the body is read (issue 17 point 6); after the session is
  // resolved, so the refusal's audit row names the account.
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (!UNSAFE_METHODS.has(request.method) || !isApiPath(request.url)) return payload;
    const problem = crossSiteProblem(
      { origin: headerText(request.headers.origin) || undefined, 'sec-fetch-site': headerText(request.headers['sec-fetch-site']) || undefined },
      request.host,
      deps.config.allowedOrigins,
    );
    if (problem !== null) {
      throw new AppError('cross_site_request', '拒绝跨站请求：修改数据的请求须来自本系统页面', { details: { reason: problem } });
    }
    const type = headerText(request.headers['content-type']);
    if (type !== '' && !isJsonType(type)) {
      throw new AppError('unsupported_media_type', '不支持的请求内容类型，请使用 application/json', { details: { contentType: type.slice(0, 100) } });
    }
    return payload;
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    noSniff: true,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    // HSTS is the reverse proxy's (HTTPS ends there); a plain-HTTP intranet run must not pin it.
    strictTransportSecurity: false,
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!isApiPath(request.url)) return payload;
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    const disposition = headerText(reply.getHeader('content-disposition'));
    if (disposition.toLowerCase().startsWith('attachment')) {
      const declared = headerText(reply.getHeader('content-type'));
      reply.header('content-type', servedDownloadType(declared === '' ? 'application/octet-stream' : declared));
    }
    try {
      await auditAccess(request, reply, deps);
    } catch (error) {
      request.log.error({ err: error }, 'access audit row not written');
    }
    return payload;
  });

  // Move the audit anchor (kept outside the database) once rows this process appended are committed.
  app.addHook('onResponse', async (request) => {
    try {
      await anchorAfterAppend(deps.db);
    } catch (error) {
      request.log.error({ err: error }, 'audit anchor not advanced');
    }
  });
}
