/**
 * Issue 16: the number of SQL statements each busy read sends, counted per request on a small
 * generated data set (scripts/generate-bench-data.ts, PGlite). A read over its budget fails, so an
 * N+1 (a query per row, a policy check per row) cannot come back unnoticed. A read's budget counts
 * its statements beyond the session lookup (measured on GET /api/health, which adds one `select 1`).
 * Also: the reader's roles resolved for many bodies at once equal what the role resolvers give body
 * by body (the batch that makes the registry and the cross-body view bounded must never drift).
 */
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/config/clock.ts';
import { loadConfig } from '../../src/config/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { buildApp } from '../../src/server/app.ts';
import type { LianxiApp } from '../../src/server/app.ts';
import { configureAuditTrail } from '../../src/services/audit-key.ts';
import { bodyRoleResolvers } from '../../src/policy/body-role-resolvers.ts';
import { heldBodyRolesInBodies } from '../../src/policy/held-roles.ts';
import {
  AUDIT_ADMIN_NUMBER,
  SCALES,
  SYSTEM_ADMIN_NUMBER,
  ID_KIND,
  benchId,
  benchSessionToken,
  generateBenchData,
  liaisonAccountNumber,
  officeAccountNumber,
} from '../../scripts/generate-bench-data.ts';
import { writeBenchReaders } from '../../bench/bench-readers.ts';

const BODY = 1;
const OFFICE = officeAccountNumber(BODY);
const LIAISON = liaisonAccountNumber(BODY, 0);
/** A liaison of the newest body (on the registry's first page) */
const NEWEST_LIAISON = liaisonAccountNumber(SCALES.small.bodies, 0);
const FEED_TOKEN = 'budget-feed-token-0123456789';
/** Office staff made to work in 2 and in 5 active bodies, and liaisons made to speak for their unit in 2 and in 5 (set in beforeAll) */
const MANY = { office2: 0, office5: 0, liaison2: 0, liaison5: 0 };

/** Statements a read may send beyond the session lookup. */
const BUDGET = 6;
/** The session lookup's statements (set in beforeAll) */
let sessionCost = 0;

let handle: DatabaseHandle;
let app: LianxiApp;
let statements = 0;
/** The statements of the last counted request (printed with QUERY_BUDGET_DEBUG=1). */
let texts: string[] = [];
let unitId = '';

beforeAll(async () => {
  handle = await openDatabase({ kind: 'pglite' });
  await migrate(handle);
  const now = new Date();
  await generateBenchData(handle, { scale: 'small', now });
  await handle.rawTransaction(async (sql) => {
    // Active bodies other than those of the readers above
    const active = (await sql.query<{ n: number }>("SELECT ('x' || right(id, 12))::bit(48)::bigint::int AS n FROM bodies WHERE status = 'active' ORDER BY id"))
      .map((row) => Number(row.n))
      .filter((n) => n !== BODY && n !== SCALES.small.bodies);
    if (active.length < 12) throw new Error('the generated data set has too few active bodies');
    // Readers of 2 and of 5 bodies: the office staff of a body granted more bodies, the liaison of a
    // body made the liaison of the same unit in more bodies (the unit a member unit there too)
    const [a, b, c, d, ...rest] = active as [number, number, number, number, ...number[]];
    MANY.office2 = officeAccountNumber(a);
    MANY.office5 = officeAccountNumber(b);
    MANY.liaison2 = liaisonAccountNumber(c, 0);
    MANY.liaison5 = liaisonAccountNumber(d, 0);
    let n = 900_000;
    const grant = async (account: number, body: number) => {
      n += 1;
      await sql.query("INSERT INTO account_body_grants (id, account_id, body_id, role, granted_at) VALUES ($1, $2, $3, 'office_staff', now())", [
        benchId(ID_KIND.grant, n),
        benchId(ID_KIND.account, account),
        benchId(ID_KIND.body, body),
      ]);
    };
    const speakFor = async (account: number, body: number) => {
      n += 1;
      const [own] = await sql.query<{ unit_id: string }>('SELECT unit_id FROM memberships WHERE id = $1', [benchId(ID_KIND.membership, account)]);
      if (!own) throw new Error(`no membership ${account}`);
      const bodyId = benchId(ID_KIND.body, body);
      await sql.query(
        `INSERT INTO body_units (id, body_id, unit_id, lead, name_in_charter, position, valid_from, valid_to, source_charter_version_id)
         SELECT $1, b.id, $2, false, u.name, 99, DATE '2000-01-01', NULL, b.current_charter_version_id FROM bodies b, units u
         WHERE b.id = $3 AND u.id = $2 AND NOT EXISTS (SELECT 1 FROM body_units x WHERE x.body_id = b.id AND x.unit_id = $2)`,
        [benchId(ID_KIND.bodyUnit, n), own.unit_id, bodyId],
      );
      await sql.query(
        `INSERT INTO memberships (id, body_id, role_kind, title, unit_id, person_id, position, valid_from, valid_to, source_charter_version_id, created_at)
         SELECT $1, b.id, 'liaison', '联络员', $2, $3, '处长', DATE '2000-01-01', NULL, b.current_charter_version_id, now() FROM bodies b WHERE b.id = $4`,
        [benchId(ID_KIND.membership, n), own.unit_id, benchId(ID_KIND.person, account), bodyId],
      );
    };
    await grant(MANY.office2, rest[0] as number);
    for (const body of rest.slice(1, 5)) await grant(MANY.office5, body);
    await speakFor(MANY.liaison2, rest[0] as number);
    for (const body of rest.slice(1, 5)) await speakFor(MANY.liaison5, body);
  });
  unitId = await handle.rawTransaction((sql) =>
    writeBenchReaders(sql, {
      accounts: [OFFICE, LIAISON, NEWEST_LIAISON, AUDIT_ADMIN_NUMBER, MANY.office2, MANY.office5, MANY.liaison2, MANY.liaison5],
      liaison: LIAISON,
      feedToken: FEED_TOKEN,
      now,
    }),
  );
  // Count every statement the app sends (also inside transactions)
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const count = <F extends (...args: never[]) => unknown>(fn: F): F =>
    ((...args: Parameters<F>) => {
      statements += 1;
      texts.push(String(args[0]).replace(/\s+/g, ' ').slice(0, 160));
      return fn(...args);
    }) as F;
  client.query = count(client.query.bind(client));
  const transaction = client.transaction.bind(client);
  client.transaction = ((fn: Parameters<PGlite['transaction']>[0]) =>
    transaction((tx) => {
      tx.query = count(tx.query.bind(tx));
      return fn(tx);
    })) as PGlite['transaction'];
  const config = loadConfig({ LIANXI_DATA_DIR: path.join(os.tmpdir(), `lianxi-budget-${process.pid}`) });
  configureAuditTrail(config);
  app = await buildApp({ db: handle.db, config, clock: systemClock, logger: pino({ level: 'silent' }) });
  await app.ready();
  const health = await countRead('/api/health', LIAISON);
  sessionCost = health.statements - 1;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await handle?.close();
});

async function countRead(url: string, account: number | null): Promise<{ status: number; statements: number; body: string }> {
  const headers = account === null ? {} : { cookie: `lianxi_session=${benchSessionToken(account)}` };
  // Once to warm caches that live for the process (settings, calendars), then counted
  await app.inject({ method: 'GET', url, headers });
  statements = 0;
  texts = [];
  const res = await app.inject({ method: 'GET', url, headers });
  if (process.env.QUERY_BUDGET_DEBUG === '1') console.log(`${url}: ${statements}\n  ${texts.join('\n  ')}`);
  return { status: res.statusCode, statements, body: res.body };
}

describe('SQL statements per request (small generated data set)', () => {
  it('the session lookup itself stays small', () => {
    expect(sessionCost).toBeGreaterThan(0);
    expect(sessionCost).toBeLessThanOrEqual(BUDGET);
  });

  const body = benchId(ID_KIND.body, BODY);
  const decision = benchId(ID_KIND.decision, 1);
  const cases: Array<{ name: string; url: () => string; account: number | null; budget?: number }> = [
    { name: 'registry page (every body of the page with its activity)', url: () => '/api/bodies?limit=50', account: LIAISON },
    { name: 'registry filtered', url: () => '/api/bodies?kind=leading_group&limit=50', account: LIAISON },
    { name: 'registry as office staff', url: () => '/api/bodies?limit=50', account: OFFICE },
    { name: 'body workspace', url: () => `/api/bodies/${body}`, account: OFFICE },
    { name: "a body's decided items", url: () => `/api/bodies/${body}/decisions`, account: OFFICE },
    { name: 'overdue items', url: () => `/api/bodies/${body}/decisions?overdue=true`, account: OFFICE },
    { name: "a unit's cross-body items", url: () => `/api/units/${unitId}/decisions`, account: LIAISON },
    { name: 'my inbox', url: () => '/api/me/inbox?limit=50', account: LIAISON },
    // Issue 15 point 7, issue 16: the workspace's first screen in one request, one read per kind of data (the meetings
    // of every body at once, their agendas at once, the units' report tallies at once); each office body shown
    // (WORKSPACE_LIMITS.officeBodies at most) still adds its dashboard's reads
    { name: 'my workspace (liaison)', url: () => '/api/workspace', account: LIAISON, budget: 19 },
    { name: 'my workspace (office staff of one body)', url: () => '/api/workspace', account: OFFICE, budget: 32 },
    // Issue 15 point 4, issue 16: one read per kind of to-do item (and per unit represented), never one per body
    { name: 'my to-do centre (liaison)', url: () => '/api/todo', account: LIAISON, budget: 12 },
    { name: 'my to-do centre (office staff)', url: () => '/api/todo', account: OFFICE, budget: 11 },
    { name: "my bodies' meetings of a month", url: () => `/api/calendar/meetings?month=${new Date().toISOString().slice(0, 7)}`, account: OFFICE, budget: 4 },
    // Issue 15 point 4: lists sorted, filtered and counted on the server, and their streamed exports
    { name: 'registry sorted by level with its total', url: () => '/api/bodies?sort=level&order=desc&limit=50', account: LIAISON },
    { name: 'registry filtered and sorted by name', url: () => '/api/bodies?status=active&sort=name&q=%E4%BC%9A&limit=20', account: OFFICE },
    // Pages of 200: each page adds its rows, its member-unit counts, the reader's roles and activity
    { name: 'registry export (XLSX)', url: () => '/api/bodies/export?sort=name', account: LIAISON, budget: 12 },
    { name: "a body's decided items sorted by lead unit, filtered, with the total", url: () => `/api/bodies/${body}/decisions?sort=leadUnit&order=desc&status=assigned&limit=20`, account: OFFICE },
    { name: "a body's decided items searched by text", url: () => `/api/bodies/${body}/decisions?q=%E5%B7%A5%E4%BD%9C&overdue=false&limit=50`, account: OFFICE },
    { name: "a body's filtered decided items exported (XLSX)", url: () => `/api/bodies/${body}/decisions/export?sort=status`, account: OFFICE, budget: 8 },
    // Five kinds of child rows (deadlines, extensions, reports, their attachments, reminders): one bounded read each
    { name: 'a decision with its progress', url: () => `/api/bodies/${body}/decisions/${decision}`, account: OFFICE, budget: 10 },
    // Reading the trail is itself audited: the chained append takes five statements of its own
    { name: 'audit trail page', url: () => '/api/audit?limit=50', account: AUDIT_ADMIN_NUMBER, budget: 7 },
    {
      name: 'audit search',
      url: () => `/api/audit?limit=50&action=meeting.update&actorId=${benchId(ID_KIND.account, LIAISON)}`,
      account: AUDIT_ADMIN_NUMBER,
      budget: 7,
    },
    // Issue 15 point 5: by a person's name and free text, objects named: the page with its count, then one label statement
    { name: 'audit search by name and text', url: () => `/api/audit?limit=50&actor=${encodeURIComponent('人员')}&q=${encodeURIComponent('基准')}`, account: AUDIT_ADMIN_NUMBER, budget: 7 },
  ];
  for (const c of cases) {
    it(`${c.name}: at most ${c.budget ?? BUDGET} statements beyond the session`, async () => {
      const read = await countRead(c.url(), c.account);
      expect(read.status, read.body.slice(0, 300)).toBe(200);
      expect(read.statements - sessionCost).toBeLessThanOrEqual(c.budget ?? BUDGET);
    });
  }

  // Issue 16: the reader's number of bodies does not change the number of statements
  const perReader: Array<{ name: string; url: string; of2: () => number; of5: () => number }> = [
    { name: 'my workspace as a liaison', url: '/api/workspace', of2: () => MANY.liaison2, of5: () => MANY.liaison5 },
    { name: 'my to-do centre as a liaison', url: '/api/todo', of2: () => MANY.liaison2, of5: () => MANY.liaison5 },
    { name: 'my to-do centre as office staff', url: '/api/todo', of2: () => MANY.office2, of5: () => MANY.office5 },
  ];
  for (const c of perReader) {
    it(`${c.name}: no more statements for a reader of 5 bodies than of 2`, async () => {
      const two = await countRead(c.url, c.of2());
      const five = await countRead(c.url, c.of5());
      expect(two.status, two.body.slice(0, 300)).toBe(200);
      expect(five.status, five.body.slice(0, 300)).toBe(200);
      // The readers really sit in that many bodies
      const bodiesOf = (res: { body: string }) =>
        new Set(
          c.url === '/api/workspace'
            ? (JSON.parse(res.body) as { memberships: { bodyId: string }[] }).memberships.map((m) => m.bodyId)
            : (JSON.parse(res.body) as { items: { bodyId: string }[] }).items.map((item) => item.bodyId),
        ).size;
      if (c.url === '/api/workspace') {
        expect(bodiesOf(two)).toBe(2);
        expect(bodiesOf(five)).toBe(5);
      }
      // Never more for more bodies. (The reader's roles in the bodies a unit owes things to without the reader
      // sitting there are resolved at once by each source that finds such bodies: one statement or none, by the data.)
      expect(five.statements).toBeLessThanOrEqual(two.statements);
    });
  }

  it('the registry page costs the same for 5 and for 50 bodies (no query per row)', async () => {
    const few = await countRead('/api/bodies?limit=5', NEWEST_LIAISON);
    const many = await countRead('/api/bodies?limit=50', NEWEST_LIAISON);
    expect(JSON.parse(few.body).items.some((item: { activity: unknown }) => item.activity !== null)).toBe(true);
    expect(JSON.parse(many.body).items.length).toBeGreaterThan(5 * 2);
    expect(many.statements).toBe(few.statements);
  });
});

describe('roles resolved for many bodies at once', () => {
  it('equal the resolvers body by body (generated conveners, members, liaisons, office staff and administrators)', async () => {
    const bodyIds = Array.from({ length: SCALES.small.bodies }, (_, i) => benchId(ID_KIND.body, i + 1));
    const accounts = await handle.rawTransaction((sql) =>
      sql.query<{ id: string }>("SELECT id FROM accounts WHERE username LIKE 'p%' OR username LIKE 'office%' OR username LIKE 'bench%' ORDER BY id"),
    );
    const at = new Date();
    const sort = (grants: readonly { role: string; unitId: string | null }[]): string[] => grants.map((g) => `${g.role}:${g.unitId ?? '-'}`).sort();
    let compared = 0;
    let withRoles = 0;
    const administrators = new Set([benchId(ID_KIND.account, AUDIT_ADMIN_NUMBER), benchId(ID_KIND.account, SYSTEM_ADMIN_NUMBER)]);
    for (const { id } of accounts.filter((row, i) => i % 23 === 0 || administrators.has(row.id))) {
      const batch = await heldBodyRolesInBodies(handle.db, id, bodyIds, at);
      for (const bodyId of bodyIds) {
        const one = (await Promise.all(bodyRoleResolvers.map((resolve) => resolve(handle.db, id, bodyId, at)))).flat();
        expect(sort(batch.get(bodyId) ?? []), `${id} in ${bodyId}`).toEqual(sort(one));
        compared += 1;
        if (one.length > 0) withRoles += 1;
      }
    }
    expect(compared).toBeGreaterThan(300);
    expect(withRoles).toBeGreaterThan(10);
  }, 120_000);
});
