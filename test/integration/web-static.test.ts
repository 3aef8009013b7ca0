import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApiPath, registerWebStatic } from '../../src/server/web-static.ts';

describe('serving the web build', () => {
  let dir: string;
  const app = Fastify().withTypeProvider<ZodTypeProvider>();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lianxi-web-static-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("app")');
    app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: { code: 'route_not_found', status: 404, message: request.url } }));
    await registerWebStatic(app, { root: dir });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers index.html for the start page and for deep links of the client-side router', async () => {
    for (const url of ['/', '/bodies', '/bodies/1f0c?tab=chart']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log("app")');
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('leaves unknown /api paths to the API not-found answer', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'route_not_found' } });
    expect(isApiPath('/api')).toBe(true);
    expect(isApiPath('/apiary')).toBe(false);
  });

  it('answers 503 naming the build command when the build is missing', async () => {
    const bare = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
    bare.setErrorHandler((error: Error & { status?: number }, _request, reply) => reply.code(error.status ?? 500).send({ message: error.message }));
    await registerWebStatic(bare, { root: path.join(dir, 'missing') });
    const response = await bare.inject({ method: 'GET', url: '/bodies' });
    expect(response.statusCode).toBe(503);
    expect(response.json().message).toContain('npm run build:web');
    await bare.close();
  });
});
