import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';

describeDatabases('API document and error handling', (t) => {
  it('serves OpenAPI 3.1 JSON with the platform paths, and the docs page', async () => {
    const app = await t.app();
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const doc = JSON.parse(res.body) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/auth/sign-in', '/api/auth/sign-out', '/api/auth/me', '/api/auth/change-password', '/api/accounts', '/api/accounts/{id}/roles', '/api/settings', '/api/health', '/api/audit', '/api/audit/verify']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const signIn = doc.paths['/api/auth/sign-in']?.post as { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } };
    expect(Object.keys(signIn.requestBody.content['application/json']?.schema.properties ?? {})).toEqual(['username', 'password', 'code']);
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });

  it('answers invalid JSON with 400 invalid_json, not 500', async () => {
    const res = await (await t.app()).inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "x", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_json', status: 400 });
  });

  it('names the field of a schema violation', async () => {
    const app = await t.app();
    const missing = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'someone' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'validation_failed', field: 'password', details: { location: 'body' } });
    const wrongType = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: ['a'], password: 'x' } });
    expect(wrongType.json().error.field).toBe('username');
    expect(wrongType.json().error.message).toBe('用户名应为文字');
    const security = await t.createAccount({ systemRoles: ['security_admin'] });
    const cookie = await t.signIn(security);
    const badQuery = await app.inject({ method: 'GET', url: '/api/accounts?limit=100000', headers: { cookie } });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().error).toMatchObject({ field: 'limit', details: { location: 'querystring' } });
    const badRole = await app.inject({ method: 'POST', url: `/api/accounts/${security.id}/roles`, payload: { kind: 'system', role: 'root' }, headers: { cookie } });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.field).toBe('role');
  });

  it('refuses unknown content types and unknown routes with the error body', async () => {
    const app = await t.app();
    const xml = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe('unsupported_media_type');
    const missing = await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('route_not_found');
  });

  it('returns 404 with a code for an unknown account, and a request id on every answer', async () => {
    const security = await t.createAccount({ systemRoles: ['security_admin'] });
    const cookie = await t.signIn(security);
    const res = await (await t.app()).inject({ method: 'GET', url: '/api/accounts/nope', headers: { cookie, 'x-request-id': 'trace-42' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('account_not_found');
    expect(res.headers['x-request-id']).toBe('trace-42');
  });

  it('hides an unexpected failure behind a generic 500 naming the request id', async () => {
    const app = await t.createTestApp({
      routeModules: [
        async (scoped) => {
          scoped.get('/api/test/boom', async () => {
            throw new Error('database password is hunter2');
          });
        },
      ],
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/test/boom' });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('internal_error');
      expect(res.body).not.toContain('hunter2');
      expect(res.json().error.details.requestId).toBe(res.headers['x-request-id']);
    } finally {
      await app.close();
    }
  });
});
