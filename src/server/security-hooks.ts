/**
 * The security edges of the HTTP application (issue 19):
 * - headers: Content-Security-Policy without inline script (the web build loads one module script),
 *   frame-ancestors 'none' and X-Frame-Options DENY, X-Content-Type-Options nosniff (helmet);
 *   `Cache-Control: no-store` on every API answer unless its route set a cache policy;
 * - downloads (a Content-Disposition attachment) are served with their declared type only when it is
 *   on an allow-list of document and image types that browsers do not run; otherwise as
 *   application/octet-stream;
 * - access audit: every refused request (401, 403) leaves a `failure` audit row, and every read of the
 *   audit trail, attachment, meeting material or ledger a `success` row (one append each).
 */
import fastifyHelmet from '@fastify/helmet';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

/** Registers helmet, the API cache policy, the download type rule and the access audit. */
export async function installSecurityHooks(app: LianxiApp, deps: AppDeps): Promise<void> {
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
