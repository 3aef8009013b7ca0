/**
 * Compressed responses (issue 15 point 7): API answers and the web build in brotli or gzip as the
 * client accepts; the build's precompressed `.br` / `.gz` siblings sent as they are, with the
 * immutable cache of hashed assets; already-compressed downloads (DOCX, PNG …) and small bodies sent
 * as they are; downloads keep their Content-Disposition; HEAD and 304 still answer.
 */
import { Readable } from 'node:stream';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCompression } from '../../src/server/compression.ts';
import { registerWebStatic } from '../../src/server/web-static.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const bigJson = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `议定事项 ${i}` })) };
const script = `console.log(${JSON.stringify('联席'.repeat(2000))});`;

describe('compressed responses', () => {
  let dir: string;
  const app = Fastify().withTypeProvider<ZodTypeProvider>();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lianxi-compression-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(path.join(dir, 'assets', 'index-abc123.js'), script);
    await writeFile(path.join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
    await writeFile(path.join(dir, 'assets', 'index-abc123.js.gz'), gzipSync(script));
    // A hashed asset the build did not precompress: compressed on the fly
    await writeFile(path.join(dir, 'assets', 'chunk-def456.js'), script);
    await registerCompression(app);
    app.get('/api/big', async () => bigJson);
    app.get('/api/small', async () => ({ ok: true }));
    app.get('/api/docx', async (_request, reply) =>
      reply.type(DOCX).header('content-disposition', 'attachment; filename="minutes.docx"').send(Buffer.from('PK'.repeat(4000))),
    );
    app.get('/api/csv', async (_request, reply) =>
      reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit.csv"').send(Readable.from(['a,b\n', '1,2\n'.repeat(2000)])),
    );
    await registerWebStatic(app, { root: dir });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('compresses API answers over 1 KB in brotli or gzip as accepted, and leaves small ones as they are', async () => {
    const br = await app.inject({ method: 'GET', url: '/api/big', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toContain('accept-encoding');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(bigJson);
    const gzip = await app.inject({ method: 'GET', url: '/api/big', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(bigJson);
    const plain = await app.inject({ method: 'GET', url: '/api/big' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(bigJson);
    const small = await app.inject({ method: 'GET', url: '/api/small', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('sends office files as they are and streams text downloads compressed, keeping their Content-Disposition', async () => {
    const docx = await app.inject({ method: 'GET', url: '/api/docx', headers: { 'accept-encoding': 'br, gzip' } });
    expect(docx.headers['content-encoding']).toBeUndefined();
    expect(docx.headers['content-disposition']).toBe('attachment; filename="minutes.docx"');
    expect(docx.rawPayload.length).toBe(8000);
    const csv = await app.inject({ method: 'GET', url: '/api/csv', headers: { 'accept-encoding': 'gzip' } });
    expect(csv.headers['content-encoding']).toBe('gzip');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="audit.csv"');
    expect(gunzipSync(csv.rawPayload).toString('utf8')).toBe(`a,b\n${'1,2\n'.repeat(2000)}`);
  });

  it("serves the build's precompressed files with the immutable cache, HEAD and 304 included", async () => {
    const br = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(script);
    const gzip = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString('utf8')).toBe(script);
    const plain = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);

    const onTheFly = await app.inject({ method: 'GET', url: '/assets/chunk-def456.js', headers: { 'accept-encoding': 'br' } });
    expect(onTheFly.headers['content-encoding']).toBe('br');
    expect(onTheFly.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(onTheFly.rawPayload).toString('utf8')).toBe(script);

    const head = await app.inject({ method: 'HEAD', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br' } });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    const etag = br.headers['etag'];
    expect(typeof etag).toBe('string');
    const again = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, br', 'if-none-match': String(etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});
