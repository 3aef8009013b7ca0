/**
 * Issue 19 points 6 and 8: security headers (CSP the web app passes, no framing, nosniff),
 * `Cache-Control: no-store` on API answers, downloads of active types served as octet-stream, and
 * the API description behind a setting.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { servedDownloadType } from '../../src/server/security-hooks.ts';
import { describeDatabases } from '../integration/harness.ts';
import { MeetingScenario } from '../integration/factories/meetings.ts';

describeDatabases('security: headers', (t) => {
  it('sends CSP without inline script, no framing, nosniff and no-store on personal data', async () => {
    const app = await t.app();
    const cookie = await t.signIn(await t.createAccount());
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const csp = String(me.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(me.headers['x-frame-options']).toBe('DENY');
    expect(me.headers['x-content-type-options']).toBe('nosniff');
    expect(me.headers['cache-control']).toBe('no-store');
    // The page of the web application gets the same policy.
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('the web app passes the CSP: no inline script in web/index.html or the build', () => {
    const files = [path.resolve('web/index.html'), path.resolve('web/dist/index.html')].filter((file) => fs.existsSync(file));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const html = fs.readFileSync(file, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes, file).toMatch(/\bsrc=/);
        expect((body ?? '').trim(), file).toBe('');
      }
      expect(html, file).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('serves an uploaded text/html or SVG material as application/octet-stream with nosniff', async () => {
    const s = await MeetingScenario.publish(t, { now: t.clock.now() });
    const meeting = await s.createMeeting({ kind: 'plenary', title: '全体会议', startsAt: new Date(t.clock.now().getTime() + 10 * 86_400_000).toISOString() });
    const item = await s.proposeItem(s.office, meeting.id, { title: '议题一' });
    await s.decideItem(s.office, meeting.id, item.id, true);
    const html = await s.call<{ id: string }>(s.office, 'POST', s.meetingUrl(meeting.id, `/agenda-items/${item.id}/materials`), { name: 'x.html', contentType: 'text/html', text: '<script>alert(1)</script>' }, 201);
    const res = await s.request(s.office, 'GET', s.meetingUrl(meeting.id, `/materials/${html.id}/content`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment/);
    expect(servedDownloadType('image/svg+xml')).toBe('application/octet-stream');
    expect(servedDownloadType('application/pdf')).toBe('application/pdf');
    expect(servedDownloadType('image/png')).toBe('image/png');
  });

  it('serves /api/docs and /api/openapi.json only when the setting allows', async () => {
    const on = await t.app();
    expect((await on.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
    const off = await t.createTestApp({ config: { ...t.config, apiDocs: false } });
    try {
      expect((await off.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(404);
      expect((await off.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(404);
    } finally {
      await off.close();
    }
  });
});

it('turns the API description off by default in production, on elsewhere', () => {
  const key = 'ab'.repeat(32);
  expect(loadConfig({ NODE_ENV: 'production', LIANXI_AUDIT_KEY: key, LIANXI_DATA_KEY: 'cd'.repeat(16) }).apiDocs).toBe(false);
  expect(loadConfig({ NODE_ENV: 'production', LIANXI_AUDIT_KEY: key, LIANXI_DATA_KEY: 'cd'.repeat(16), LIANXI_API_DOCS: 'true' }).apiDocs).toBe(true);
  expect(loadConfig({ NODE_ENV: 'test' }).apiDocs).toBe(true);
  expect(() => loadConfig({ LIANXI_API_DOCS: 'maybe' })).toThrow(/LIANXI_API_DOCS/);
});
