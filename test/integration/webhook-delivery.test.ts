/**
 * Each webhook delivery arrives with a stable delivery id (`Idempotency-Key`, `X-Lianxi-Delivery`)
 * and event id (`X-Lianxi-Event-Id`), both also in the signed body (issue 18 item 3). Two senders
 * (two connection pools on one database) and a slow receiver that fails some deliveries after
 * receiving them: the distinct delivery ids equal the events, every duplicate carries the same ids,
 * and a delivery acknowledged once is never sent again — also when the first sender's lease ran out
 * while it was still sending and the second sender took the rows over.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { enqueueNotification } from '../../src/services/notification-service.ts';
import { updateOutboundAllowList } from '../../src/services/outbound-allow-list.ts';
import { sendDueOutbox } from '../../src/services/outbox-sender.ts';
import type { OutboxSenderDeps } from '../../src/services/outbox-sender.ts';
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from '../../src/services/webhook-signature.ts';
import { describeDatabases, secondDatabase } from './harness.ts';
import { bodyUser, publishTestBody } from './factories/bodies.ts';

const EVENTS = 24;

interface Receipt {
  deliveryId: string;
  idempotencyKey: string;
  eventId: string;
  body: { id: number; eventId: number; event: string };
  signed: boolean;
  receivedAt: number;
  status: number;
  respondedAt: number | null;
}

describeDatabases('webhook deliveries: stable ids, acknowledged once', (t) => {
  it('two senders and a slow, failing receiver: distinct delivery ids = events, duplicates carry the same ids', { timeout: 120_000 }, async () => {
    const app = await t.app();
    const body = await publishTestBody(t);
    const office = await bodyUser(t, body.id, 'office_staff');
    await updateOutboundAllowList(t.db, { allowed: ['127.0.0.1'], origin: { actorId: null, requestId: null, clientAddress: 'test', at: t.clock.now() } });

    const receipts: Receipt[] = [];
    const failOnce = new Set<string>();
    let secret = '';
    let onFirst: (() => Promise<void>) | null = null;
    let releaseFirst: (() => void) | null = null;
    const server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      req.on('end', () => {
        const header = String(req.headers[WEBHOOK_SIGNATURE_HEADER] ?? '');
        const timestamp = Number(/t=(\d+)/.exec(header)?.[1] ?? 0);
        const receipt: Receipt = {
          deliveryId: String(req.headers['x-lianxi-delivery'] ?? ''),
          idempotencyKey: String(req.headers['idempotency-key'] ?? ''),
          eventId: String(req.headers['x-lianxi-event-id'] ?? ''),
          body: JSON.parse(data) as Receipt['body'],
          signed: verifyWebhookSignature(secret, data, header, timestamp),
          receivedAt: performance.now(),
          status: 204,
          respondedAt: null,
        };
        // Every third delivery fails once after it arrived (the receiver took it, the sender must retry)
        const index = receipts.filter((r) => r.deliveryId !== receipt.deliveryId).length;
        const firstTime = !receipts.some((r) => r.deliveryId === receipt.deliveryId);
        if (firstTime && index % 3 === 1) failOnce.add(receipt.deliveryId);
        if (failOnce.has(receipt.deliveryId) && firstTime) receipt.status = 500;
        receipts.push(receipt);
        const respond = () => {
          res.writeHead(receipt.status).end();
          receipt.respondedAt = performance.now();
        };
        if (onFirst !== null) {
          // The very first delivery is slow: meanwhile the lease runs out and the second sender starts
          const start = onFirst;
          onFirst = null;
          void start();
          const timer = setTimeout(respond, 3_000);
          releaseFirst = () => {
            clearTimeout(timer);
            respond();
          };
          return;
        }
        if (releaseFirst !== null) {
          const release = releaseFirst;
          releaseFirst = null;
          setTimeout(release, 20);
        }
        setTimeout(respond, 40);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const second = await secondDatabase(t, 3);
    try {
      const settings = await app.inject({
        method: 'PATCH',
        url: `/api/bodies/${body.id}/notification-settings`,
        headers: { cookie: office.cookie },
        payload: { webhookUrl: `http://127.0.0.1:${port}/hook`, webhookEnabled: true, rotateSecret: true },
      });
      expect(settings.statusCode, settings.body).toBe(200);
      secret = settings.json<{ webhookSecret: string }>().webhookSecret;

      const notificationIds: number[] = [];
      for (let i = 0; i < EVENTS; i += 1) {
        notificationIds.push(
          await t.db.transaction((tx) =>
            enqueueNotification(tx, { bodyId: body.id, event: 'test.delivery', title: `事件${i}`, message: '测试', link: null, recipients: [{ kind: 'office' }], data: { i }, at: t.clock.now() }),
          ),
        );
      }
      const settingsOf = { maxAttempts: 10, backoffSeconds: 1 };
      const senderA: OutboxSenderDeps = { db: t.db, clock: t.clock, smtp: null, mailer: null, settings: settingsOf };
      const senderB: OutboxSenderDeps = { db: second.db, clock: t.clock, smtp: null, mailer: null, settings: settingsOf };

      // Fan out the notifications into webhook rows first (no webhook sent yet: they are due now)
      let runB: Promise<unknown> = Promise.resolve();
      onFirst = async () => {
        // Sender A is stuck on its first delivery: its lease (5 min) runs out, sender B takes over
        t.clock.advance(6 * 60_000);
        runB = sendDueOutbox(senderB);
        await runB;
      };
      await sendDueOutbox(senderA);
      await runB;
      // Then both senders keep going until nothing is due (retries after the backoff)
      for (let round = 0; round < 20; round += 1) {
        t.clock.advance(2 * 60_000);
        const [a, b] = await Promise.all([sendDueOutbox(senderA), sendDueOutbox(senderB)]);
        if (a.sent + a.failed + b.sent + b.failed === 0) break;
      }

      const deliveryIds = new Set(receipts.map((r) => r.deliveryId));
      const eventIds = new Set(receipts.map((r) => r.eventId));
      expect(deliveryIds.size).toBe(EVENTS);
      expect([...eventIds].map(Number).sort((x, y) => x - y)).toEqual([...notificationIds].sort((x, y) => x - y));
      for (const receipt of receipts) {
        expect(receipt.signed).toBe(true);
        expect(receipt.idempotencyKey).toBe(receipt.deliveryId);
        expect(String(receipt.body.id)).toBe(receipt.deliveryId);
        expect(String(receipt.body.eventId)).toBe(receipt.eventId);
      }
      // Duplicates carry the same delivery and event id
      const byDelivery = new Map<string, Receipt[]>();
      for (const receipt of receipts) byDelivery.set(receipt.deliveryId, [...(byDelivery.get(receipt.deliveryId) ?? []), receipt]);
      const duplicated = [...byDelivery.values()].filter((list) => list.length > 1);
      expect(duplicated.length).toBeGreaterThanOrEqual(failOnce.size);
      for (const list of duplicated) expect(new Set(list.map((r) => r.eventId)).size).toBe(1);
      // Each delivery was acknowledged, and none arrived again after an acknowledgement
      for (const [deliveryId, list] of byDelivery) {
        const acknowledged = list.filter((r) => r.status < 300 && r.respondedAt !== null).map((r) => r.respondedAt as number);
        expect(acknowledged.length, deliveryId).toBeGreaterThanOrEqual(1);
        const firstAck = Math.min(...acknowledged);
        expect(list.filter((r) => r.receivedAt > firstAck), `delivery ${deliveryId} sent again after it was acknowledged`).toEqual([]);
      }
      const [unsent] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE kind = 'webhook' AND sent_at IS NULL AND body_id = $1`, [body.id]);
      expect(unsent?.n).toBe(0);
      console.info(`webhook deliveries [${t.kind}]: ${EVENTS} events, ${receipts.length} receipts, ${duplicated.length} delivered more than once (same ids), ${failOnce.size} failed once`);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await second.close();
    }
  });
});
