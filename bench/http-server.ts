/**
 * The server side of the HTTP benchmark (issue 16), run as a child process by bench/http-reads.ts so
 * that the load generator does not share its event loop: the app (all hooks, session, policy) on one
 * port and a bare Fastify server on another, both on the same database handle. Each bare route runs
 * one hand-written query for the same data as an app read, with no session, policy or schema: the
 * "how fast could it be" line of the table. Talks to the parent over IPC: `ready` with the ports,
 * `rss` (peak resident memory since the last ask), `sweep` (one reminder/escalation pass, timed).
 */
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { pino } from 'pino';
import { systemClock } from '../src/config/clock.ts';
import { loadConfig } from '../src/config/config.ts';
import { openDatabase } from '../src/db/client.ts';
import type { Database } from '../src/db/database.ts';
import { shanghaiDateOf } from '../src/domain/time/shanghai-date.ts';
import { buildApp } from '../src/server/app.ts';
import { sweepReminders } from '../src/services/reminder-sweep.ts';

export type ServerMessage =
  | { type: 'ready'; appPort: number; barePort: number }
  | { type: 'rss'; peakBytes: number; nowBytes: number }
  | { type: 'sweep'; seconds: number; result: unknown; rowsTouched: number }
  | { type: 'idle' };

/** `idle`: answered once no request is in flight (the backlog of the previous run is drained). */
export type ParentMessage = { type: 'rss' } | { type: 'sweep' } | { type: 'idle' } | { type: 'stop' };

/** One query returning JSON rows. */
async function rows(db: Database, query: SQL): Promise<unknown[]> {
  const result = await db.execute(query);
  return Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
}

/** The bare routes: `/bare/<read>` with the same parameters as the app's route. */
function registerBareRoutes(app: FastifyInstance, db: Database): void {
  const today = (): string => shanghaiDateOf(new Date());
  app.get<{ Querystring: { kind?: string; level?: string; account: string } }>('/bare/bodies', async (request) => {
    const q = request.query;
    const at = today();
    return {
      items: await rows(
        db,
        sql`SELECT b.id, b.name, b.kind, b.level, b.region_code, b.status, b.created_at,
                   (SELECT count(*) FROM body_units u WHERE u.body_id = b.id AND u.valid_from <= ${at} AND (u.valid_to IS NULL OR u.valid_to > ${at})) AS units,
                   CASE WHEN r.body_id IS NULL THEN NULL ELSE json_build_object(
                     'open', (SELECT count(*) FROM decisions d WHERE d.body_id = b.id AND d.status <> 'closed'),
                     'last', (SELECT max(m.starts_at) FROM meetings m WHERE m.body_id = b.id AND m.status = 'minutes_issued')) END AS activity
            FROM bodies b
            LEFT JOIN LATERAL (SELECT g.body_id FROM account_body_grants g WHERE g.account_id = ${q.account} AND g.body_id = b.id
                               UNION SELECT ms.body_id FROM memberships ms JOIN accounts a ON a.person_id = ms.person_id
                               WHERE a.id = ${q.account} AND ms.body_id = b.id LIMIT 1) r ON true
            WHERE (${q.kind ?? null}::text IS NULL OR b.kind = ${q.kind ?? null}) AND (${q.level ?? null}::text IS NULL OR b.level = ${q.level ?? null})
            ORDER BY b.created_at DESC, b.id DESC LIMIT 51`,
      ),
    };
  });
  app.get<{ Params: { bodyId: string } }>('/bare/bodies/:bodyId', async (request) => {
    const [body] = await rows(
      db,
      sql`SELECT b.*, cv.charter -> 'foundingDocument' AS founding,
                 (SELECT json_agg(json_build_object('unitId', u.unit_id, 'name', un.name, 'lead', u.lead) ORDER BY u.position)
                    FROM body_units u JOIN units un ON un.id = u.unit_id WHERE u.body_id = b.id AND u.valid_to IS NULL) AS units,
                 (SELECT row_to_json(o) FROM body_office o WHERE o.body_id = b.id) AS office
          FROM bodies b JOIN charter_versions cv ON cv.id = b.current_charter_version_id WHERE b.id = ${request.params.bodyId}`,
    );
    return body ?? {};
  });
  const decisionRows = (where: SQL): SQL =>
    sql`SELECT d.*, lu.name AS lead_unit_name,
               (SELECT json_agg(json_build_object('unitId', c.unit_id, 'name', cu.name) ORDER BY c.position)
                  FROM decision_co_units c JOIN units cu ON cu.id = c.unit_id WHERE c.decision_id = d.id) AS co_units
        FROM decisions d JOIN units lu ON lu.id = d.lead_unit_id
        WHERE ${where}
        ORDER BY d.deadline, d.issued_on, d.item_no, d.id`;
  app.get<{ Params: { bodyId: string }; Querystring: { overdue?: string } }>('/bare/bodies/:bodyId/decisions', async (request) => {
    const overdue = request.query.overdue === 'true';
    const where = overdue
      ? sql`d.body_id = ${request.params.bodyId} AND d.status <> 'closed' AND d.deadline < ${today()}`
      : sql`d.body_id = ${request.params.bodyId}`;
    return { items: await rows(db, decisionRows(where)) };
  });
  app.get<{ Params: { unitId: string }; Querystring: { account: string } }>('/bare/units/:unitId/decisions', async (request) => {
    const { unitId } = request.params;
    const account = request.query.account;
    const at = today();
    return {
      items: await rows(
        db,
        decisionRows(sql`d.status <> 'closed'
          AND (d.lead_unit_id = ${unitId} OR d.id IN (SELECT c.decision_id FROM decision_co_units c WHERE c.unit_id = ${unitId}))
          AND d.body_id IN (SELECT g.body_id FROM account_body_grants g WHERE g.account_id = ${account}
                            UNION SELECT ms.body_id FROM memberships ms JOIN accounts a ON a.person_id = ms.person_id
                            WHERE a.id = ${account} AND ms.valid_from <= ${at} AND (ms.valid_to IS NULL OR ms.valid_to > ${at}))`),
      ),
    };
  });
  app.get<{ Params: { bodyId: string; decisionId: string } }>('/bare/bodies/:bodyId/decisions/:decisionId', async (request) => {
    const [item] = await rows(
      db,
      sql`SELECT d.*,
                 (SELECT json_agg(dl ORDER BY dl.seq) FROM decision_deadlines dl WHERE dl.decision_id = d.id) AS deadlines,
                 (SELECT json_agg(p ORDER BY p.seq) FROM progress_reports p WHERE p.decision_id = d.id) AS progress,
                 (SELECT json_agg(e ORDER BY e.seq) FROM extension_requests e WHERE e.decision_id = d.id) AS extensions
          FROM decisions d WHERE d.id = ${request.params.decisionId} AND d.body_id = ${request.params.bodyId}`,
    );
    return item ?? {};
  });
  app.get<{ Querystring: { account: string } }>('/bare/me/inbox', async (request) => {
    const account = request.query.account;
    const items = await rows(db, sql`SELECT * FROM inbox_items WHERE account_id = ${account} ORDER BY created_at DESC, id DESC LIMIT 50`);
    const [unread] = await rows(db, sql`SELECT count(*) AS n FROM inbox_items WHERE account_id = ${account} AND read_at IS NULL`);
    return { unread, items };
  });
  app.get<{ Querystring: { action?: string; actorId?: string } }>('/bare/audit', async (request) => {
    const { action, actorId } = request.query;
    return {
      items: await rows(
        db,
        sql`SELECT l.*, a.username, a.display_name FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id
            WHERE (${action ?? null}::text IS NULL OR l.action = ${action ?? null}) AND (${actorId ?? null}::text IS NULL OR l.actor_id = ${actorId ?? null})
            ORDER BY l.seq DESC LIMIT 50`,
      ),
    };
  });
  app.get<{ Querystring: { account: string } }>('/bare/calendar-feed', async (request) => {
    const account = request.query.account;
    const at = today();
    return {
      items: await rows(
        db,
        sql`SELECT m.*, b.name AS body_name FROM meetings m JOIN bodies b ON b.id = m.body_id
            WHERE m.starts_at >= now() - interval '90 days'
              AND m.body_id IN (SELECT ms.body_id FROM memberships ms JOIN accounts a ON a.person_id = ms.person_id
                                WHERE a.id = ${account} AND ms.valid_from <= ${at} AND (ms.valid_to IS NULL OR ms.valid_to > ${at}))
            ORDER BY m.starts_at`,
      ),
    };
  });
}

async function countTouched(db: Database): Promise<number> {
  const [row] = await rows(db, sql`SELECT (SELECT count(*) FROM escalation_sends) + (SELECT count(*) FROM reminder_sends) + (SELECT count(*) FROM outbox) AS n`);
  return Number((row as { n: string | number }).n);
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const dataDir = process.env.BENCH_PGLITE_DIR;
  const handle = await openDatabase(url ? { kind: 'postgres', url, max: 20 } : { kind: 'pglite', ...(dataDir ? { dataDir } : {}) });
  const config = loadConfig({ LIANXI_DATA_DIR: path.join(os.tmpdir(), `lianxi-bench-${process.pid}`) });
  const app = await buildApp({ db: handle.db, config, clock: systemClock, logger: pino({ level: 'silent' }) });
  const bare = Fastify({ logger: false });
  registerBareRoutes(bare, handle.db);
  // Requests in flight on both servers: a run that ends leaves its slow requests queued, and the
  // next run must not pay for them
  let inFlight = 0;
  for (const server of [app.server, bare.server]) {
    server.on('request', (_request, response) => {
      inFlight += 1;
      response.on('close', () => {
        inFlight -= 1;
      });
    });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const portOf = (address: ReturnType<typeof app.server.address>): number => (typeof address === 'object' && address !== null ? address.port : 0);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const send = (message: ServerMessage): void => {
    process.send?.(message);
  };
  process.on('message', (message: ParentMessage) => {
    void (async () => {
      if (message.type === 'idle') {
        while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 50));
        send({ type: 'idle' });
      } else if (message.type === 'rss') {
        const now = process.memoryUsage().rss;
        send({ type: 'rss', peakBytes: Math.max(peak, now), nowBytes: now });
        peak = now;
      } else if (message.type === 'sweep') {
        const before = await countTouched(handle.db);
        const t0 = performance.now();
        const result = await sweepReminders({ db: handle.db, clock: systemClock });
        const seconds = (performance.now() - t0) / 1000;
        send({ type: 'sweep', seconds, result, rowsTouched: (await countTouched(handle.db)) - before });
      } else {
        clearInterval(sampler);
        await app.close();
        await bare.close();
        await handle.close();
        process.exit(0);
      }
    })();
  });
  send({ type: 'ready', appPort: portOf(app.server.address()), barePort: portOf(bare.server.address()) });
}

await main();
