/**
 * Webhook and SMTP targets cannot be pointed inside the network (issue 18 item 2): each address
 * class is refused when a webhook is registered, https is required, the system administrator's
 * allow-list (audited) lets an internal target through, and at send time the host is resolved,
 * every address checked and the connection made to the checked address (DNS rebinding), within a
 * time budget and reading a bounded response.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { guardedPost, outboundPolicyOf, resolveAllowedAddresses } from '../../src/adapters/outbound-target.ts';
import type { Resolver } from '../../src/adapters/outbound-target.ts';
import { enqueueNotification } from '../../src/services/notification-service.ts';
import { createSmtpMailer, sendDueOutbox } from '../../src/services/outbox-sender.ts';
import { updateOutboundAllowList } from '../../src/services/outbound-allow-list.ts';
import { describeDatabases } from './harness.ts';
import { bodyUser, publishTestBody } from './factories/bodies.ts';
import { startSmtpSink } from './factories/smtp-sink.ts';

interface ErrorBody {
  error: { code: string; field?: string; message: string; details?: { addressClass?: string } };
}

let server: http.Server;
let port = 0;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let mode: 'ok' | 'slow' | 'huge' = 'ok';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body: data });
      if (mode === 'slow') {
        setTimeout(() => res.writeHead(204).end(), 2_000).unref();
        return;
      }
      if (mode === 'huge') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(1024 * 1024));
        return;
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const fixedResolver =
  (addresses: string[]): Resolver =>
  async () =>
    addresses;

describeDatabases('outbound targets (webhooks, SMTP)', (t) => {
  it('refuses a webhook inside the network for every address class, and plain http', async () => {
    const app = await t.app();
    const body = await publishTestBody(t);
    const office = await bodyUser(t, body.id, 'office_staff');
    const refused: [string, string][] = [
      ['https://10.0.0.1/hook', 'private'],
      ['https://192.168.1.1/', 'private'],
      ['https://172.20.0.3/hook', 'private'],
      ['https://[fd00::5]/hook', 'private'],
      ['https://[::ffff:10.0.0.1]/hook', 'private'],
      ['https://127.0.0.1:8443/', 'loopback'],
      ['https://localhost:8443/', 'loopback'],
      ['https://[::1]/hook', 'loopback'],
      ['https://169.254.169.254/latest/meta-data/', 'metadata'],
      ['https://[::ffff:169.254.169.254]/latest/meta-data/', 'metadata'],
      ['https://169.254.10.10/', 'link_local'],
      ['https://[fe80::1]/hook', 'link_local'],
      ['https://224.0.0.1/hook', 'multicast'],
      ['https://[ff02::1]/hook', 'multicast'],
      ['https://0.0.0.0/hook', 'unspecified'],
      ['https://[::]/hook', 'unspecified'],
    ];
    for (const [webhookUrl, addressClass] of refused) {
      const response = await app.inject({ method: 'PATCH', url: `/api/bodies/${body.id}/notification-settings`, headers: { cookie: office.cookie }, payload: { webhookUrl } });
      expect(response.statusCode, `${webhookUrl} ${response.body}`).toBe(400);
      const error = response.json<ErrorBody>().error;
      expect(error.field, webhookUrl).toBe('webhookUrl');
      expect(error.code, webhookUrl).toBe('outbound_target_refused');
      expect(error.details?.addressClass, webhookUrl).toBe(addressClass);
      expect(error.message).toContain('白名单');
    }
    for (const webhookUrl of ['http://203.0.114.9/hook', 'ftp://hooks.example.org/', 'https://user:pw@8.8.8.8/hook']) {
      const response = await app.inject({ method: 'PATCH', url: `/api/bodies/${body.id}/notification-settings`, headers: { cookie: office.cookie }, payload: { webhookUrl } });
      expect(response.statusCode, `${webhookUrl} ${response.body}`).toBe(400);
      expect(response.json<ErrorBody>().error.code).toBe('invalid_webhook_url');
    }
    const publicHook = await app.inject({ method: 'PATCH', url: `/api/bodies/${body.id}/notification-settings`, headers: { cookie: office.cookie }, payload: { webhookUrl: 'https://8.8.8.8/hook' } });
    expect(publicHook.statusCode, publicHook.body).toBe(200);
  });

  it('lets the system administrator allow-list an internal target (audited); others may not', async () => {
    const app = await t.app();
    const body = await publishTestBody(t);
    const office = await bodyUser(t, body.id, 'office_staff');
    const adminCookie = body.adminCookie;
    const target = `http://127.0.0.1:${port}/hook`;
    const before = await app.inject({ method: 'PATCH', url: `/api/bodies/${body.id}/notification-settings`, headers: { cookie: office.cookie }, payload: { webhookUrl: target } });
    expect(before.statusCode, before.body).toBe(400);

    const byOffice = await app.inject({ method: 'PUT', url: '/api/settings/outbound-allow-list', headers: { cookie: office.cookie }, payload: { allowed: ['127.0.0.1'] } });
    expect(byOffice.statusCode).toBe(403);
    const bad = await app.inject({ method: 'PUT', url: '/api/settings/outbound-allow-list', headers: { cookie: adminCookie }, payload: { allowed: ['10.0.0.0/99'] } });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json<ErrorBody>().error.field).toBe('allowed.0');

    const put = await app.inject({ method: 'PUT', url: '/api/settings/outbound-allow-list', headers: { cookie: adminCookie }, payload: { allowed: ['127.0.0.1', 'Hooks.Intra.Example '] } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ allowed: ['127.0.0.1', 'hooks.intra.example'] });
    const get = await app.inject({ method: 'GET', url: '/api/settings/outbound-allow-list', headers: { cookie: adminCookie } });
    expect(get.json()).toEqual({ allowed: ['127.0.0.1', 'hooks.intra.example'] });
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE action = 'settings.outbound_allow_list'`);
    expect(audit.length).toBeGreaterThanOrEqual(1);

    const after = await app.inject({ method: 'PATCH', url: `/api/bodies/${body.id}/notification-settings`, headers: { cookie: office.cookie }, payload: { webhookUrl: target, webhookEnabled: true, rotateSecret: true } });
    expect(after.statusCode, after.body).toBe(200);
    // Other loopback addresses stay refused
    const other = await app.inject({ method: 'PATCH', url: `/api/bodies/${body.id}/notification-settings`, headers: { cookie: office.cookie }, payload: { webhookUrl: 'https://127.0.0.2/hook' } });
    expect(other.statusCode).toBe(400);

    // Taken off the list again: the next delivery is refused when it is sent, nothing reaches the receiver
    await app.inject({ method: 'PUT', url: '/api/settings/outbound-allow-list', headers: { cookie: adminCookie }, payload: { allowed: [] } });
    received.length = 0;
    await t.db.transaction(async (tx) => {
      await enqueueNotification(tx, { bodyId: body.id, event: 'test.event', title: '测试', message: '测试消息', link: null, recipients: [{ kind: 'office' }], data: {}, at: t.clock.now() });
    });
    const deps = { db: t.db, clock: t.clock, smtp: null, mailer: null, settings: { maxAttempts: 3, backoffSeconds: 60 } };
    const result = await sendDueOutbox(deps);
    expect(result.failed).toBe(1);
    expect(received).toHaveLength(0);
    const failing = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/failing-deliveries`, headers: { cookie: office.cookie } });
    const items = failing.json<{ items: { kind: string; lastError: string }[] }>().items;
    expect(items[0]?.kind).toBe('webhook');
    expect(items[0]?.lastError).toContain('白名单');
  });

  it('resolves at send time: every address checked (DNS rebinding), connects to the checked address', async () => {
    const none = outboundPolicyOf([]);
    // A public name that also resolves inside the network is refused
    await expect(resolveAllowedAddresses('hooks.example.org', none, fixedResolver(['93.184.216.34', '10.0.0.5']))).rejects.toMatchObject({ code: 'outbound_target_refused' });
    await expect(resolveAllowedAddresses('rebind.example.org', none, fixedResolver(['::ffff:169.254.169.254']))).rejects.toMatchObject({ code: 'outbound_target_refused' });
    await expect(resolveAllowedAddresses('hooks.example.org', none, fixedResolver(['93.184.216.34']))).resolves.toEqual(['93.184.216.34']);
    await expect(resolveAllowedAddresses('nowhere.invalid', none, async () => { throw new Error('ENOTFOUND'); })).rejects.toMatchObject({ code: 'outbound_target_unresolved' });
    // A name that resolves to loopback is refused at send time, before any connection
    received.length = 0;
    mode = 'ok';
    await expect(
      guardedPost({ url: `https://receiver.test:${port}/hook`, headers: {}, body: '{}', policy: none, timeoutMs: 1_000, maxResponseBytes: 1024, resolver: fixedResolver(['127.0.0.1']) }),
    ).rejects.toMatchObject({ code: 'outbound_target_refused' });
    expect(received).toHaveLength(0);
    // Allow-listed by name: the connection goes to the address checked (the name is not in any DNS)
    const listed = outboundPolicyOf(['receiver.test']);
    const ok = await guardedPost({ url: `http://receiver.test:${port}/hook`, headers: { 'x-test': '1' }, body: '{"a":1}', policy: listed, timeoutMs: 2_000, maxResponseBytes: 1024, resolver: fixedResolver(['127.0.0.1']) });
    expect(ok).toMatchObject({ status: 204, address: '127.0.0.1' });
    expect(received[0]?.headers.host).toBe(`receiver.test:${port}`);
    expect(received[0]?.body).toBe('{"a":1}');
  });

  it('refuses an SMTP server inside the network until it is allow-listed, then sends to the checked address', { timeout: 60_000 }, async () => {
    const app = await t.app();
    const body = await publishTestBody(t);
    const office = await bodyUser(t, body.id, 'office_staff');
    const address = await app.inject({ method: 'PUT', url: '/api/me/notification-address', headers: { cookie: office.cookie }, payload: { email: 'office@example.test' } });
    expect(address.statusCode, address.body).toBe(200);
    const sink = await startSmtpSink();
    const smtp = { host: '127.0.0.1', port: sink.port, secure: false, from: '办公室 <office@example.test>', auth: null };
    const mailer = createSmtpMailer(smtp);
    const origin = { actorId: null, requestId: null, clientAddress: 'test', at: t.clock.now() };
    try {
      await updateOutboundAllowList(t.db, { allowed: [], origin });
      await t.db.transaction(async (tx) => {
        await enqueueNotification(tx, { bodyId: body.id, event: 'test.mail', title: '测试邮件', message: '测试', link: null, recipients: [{ kind: 'office' }], data: {}, at: t.clock.now() });
      });
      const deps = { db: t.db, clock: t.clock, smtp, mailer, settings: { maxAttempts: 3, backoffSeconds: 1 } };
      const refused = await sendDueOutbox(deps);
      expect(refused.failed).toBeGreaterThanOrEqual(1);
      expect(sink.messages.filter((m) => m.to.includes('office@example.test'))).toHaveLength(0);
      const [failing] = await t.sql<{ last_error: string }>(`SELECT last_error FROM outbox WHERE kind = 'email' AND body_id = $1`, [body.id]);
      expect(failing?.last_error).toContain('本机回环地址');

      await updateOutboundAllowList(t.db, { allowed: ['127.0.0.1'], origin });
      t.clock.advance(60_000);
      await sendDueOutbox(deps);
      const mails = sink.messages.filter((m) => m.to.includes('office@example.test'));
      expect(mails).toHaveLength(1);
      expect(mails[0]?.headers.get('x-lianxi-event-id')).toMatch(/^\d+$/);
      expect(mails[0]?.headers.get('x-lianxi-delivery')).toMatch(/^\d+$/);
    } finally {
      mailer.close();
      await sink.close();
      await updateOutboundAllowList(t.db, { allowed: [], origin });
    }
  });

  it('gives a receiver a time budget and reads a bounded response', async () => {
    const policy = outboundPolicyOf(['127.0.0.1']);
    mode = 'slow';
    const started = Date.now();
    await expect(guardedPost({ url: `http://127.0.0.1:${port}/hook`, headers: {}, body: '{}', policy, timeoutMs: 300, maxResponseBytes: 1024 })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_500);
    mode = 'huge';
    const big = await guardedPost({ url: `http://127.0.0.1:${port}/hook`, headers: {}, body: '{}', policy, timeoutMs: 2_000, maxResponseBytes: 4096 });
    expect(big.status).toBe(200);
    expect(big.body.length).toBe(4096);
    mode = 'ok';
  });
});
