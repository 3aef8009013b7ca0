/**
 * Serves the web application (the Vite build in `web/dist`, or LIANXI_WEB_DIR) on the API's port.
 *
 * Files of the build are served as they are (hashed assets with a long, immutable cache); where the
 * build wrote a brotli or gzip sibling (`x.js.br`, `x.js.gz`: web/vite.config.ts) and the client
 * accepts it, that sibling is sent with its `content-encoding` (files without one are compressed on
 * the fly by src/server/compression.ts). Any other GET outside `/api` answers `index.html`, so
 * that the client-side router can open a deep link such as `/bodies/…`. Paths under `/api` are never answered here: they fall through to the
 * app's not-found handler and its AppError body.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import type { LianxiApp, RouteModule } from './app-types.ts';

/** `web/dist` of this checkout. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface WebStaticOptions {
  /** Directory of the web build; defaults to `web/dist` */
  root?: string;
}

/** True for paths the API owns (`/api`, `/api/…`). */
export function isApiPath(url: string): boolean {
  const pathname = url.split('?')[0] ?? '';
  return pathname === '/api' || pathname.startsWith('/api/');
}

/**
 * Registers the web build and the single-page fallback on `app`. When the build is missing (the
 * `prepare` step did not run), pages answer 503 with an error that names the command to run.
 */
export async function registerWebStatic(app: LianxiApp, options: WebStaticOptions = {}): Promise<void> {
  const root = path.resolve(options.root ?? DEFAULT_WEB_DIR);
  const built = existsSync(path.join(root, 'index.html'));
  if (!built) app.log.warn({ root }, 'web build not found; run `npm run build:web`');

  await app.register(async (scope) => {
    if (built) {
      await scope.register(fastifyStatic, {
        root,
        prefix: '/',
        wildcard: false,
        index: false,
        schemaHide: true,
        preCompressed: true,
        setHeaders: (reply, filePath) => {
          const immutable = path.relative(root, filePath).startsWith(`assets${path.sep}`);
          reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    }

    const servePage = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      if (isApiPath(request.url)) {
        reply.callNotFound();
        return reply;
      }
      if (!built) {
        throw new AppError('web_not_built', '网页界面尚未构建，请先运行 npm run build:web。');
      }
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', root);
    };

    scope.get('/', { schema: { hide: true } }, servePage);
    scope.get('/*', { schema: { hide: true } }, servePage);
  });
}

/** Route module for the registry in src/server/routes.ts: serves `config.webDir` (default `web/dist`). */
export const webStaticRoutes: RouteModule = async (app, deps) => {
  await registerWebStatic(app, deps.config.webDir === undefined ? {} : { root: deps.config.webDir });
};
