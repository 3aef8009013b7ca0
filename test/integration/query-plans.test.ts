/**
 * Issue 16: the busy reads reach large tables through an index. Each read is made over HTTP on a
 * small generated data set (scripts/generate-bench-data.ts); every SELECT it sent is then run again
 * under `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` with sequential scans priced out
 * (`enable_seqscan = off`: on small tables the planner would rightly prefer them, so a sequential
 * scan that remains means no index serves the access path). A sequential scan of a large table fails
 * the test, naming the read, the table and the statement. PostgreSQL when TEST_DATABASE_URL is set,
 * and PGlite.
 */
import { beforeAll, expect, it } from 'vitest';
import {
  AUDIT_ADMIN_NUMBER,
  ID_KIND,
  benchId,
  benchSessionToken,
  generateBenchData,
  liaisonAccountNumber,
  officeAccountNumber,
} from '../../scripts/generate-bench-data.ts';
import { writeBenchReaders } from '../../bench/bench-readers.ts';
import { sweepReminders } from '../../src/services/reminder-sweep.ts';
import { describeDatabases } from './harness.ts';

/** Tables that grow with national use (millions of rows at national scale). */
const LARGE_TABLES = new Set([
  'decisions',
  'decision_co_units',
  'decision_deadlines',
  'progress_reports',
  'inbox_items',
  'audit_log',
  'memberships',
  'meetings',
  'minutes',
  'body_units',
  'people',
  'accounts',
  'sessions',
  'account_body_grants',
  'extension_requests',
  'reminder_sends',
]);

const BODY = 1;
const OFFICE = officeAccountNumber(BODY);
const LIAISON = liaisonAccountNumber(BODY, 0);
const FEED_TOKEN = 'plans-feed-token-0123456789';

interface Captured {
  text: string;
  params: unknown[];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode, found: string[] = []): string[] {
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] !== undefined) found.push(node['Relation Name']);
  for (const child of node.Plans ?? []) seqScans(child, found);
  return found;
}

describeDatabases('query plans of the busy reads', (t) => {
  let captured: Captured[] = [];
  let unitId = '';

  beforeAll(async () => {
    const now = t.clock.now();
    await generateBenchData(t.handle, { scale: 'small', now });
    unitId = await t.handle.rawTransaction((sql) =>
      writeBenchReaders(sql, { accounts: [OFFICE, LIAISON, AUDIT_ADMIN_NUMBER], liaison: LIAISON, feedToken: FEED_TOKEN, now }),
    );
    // Capture the statements the app sends outside transactions (reads)
    const client = (t.db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
    const query = client.query.bind(client);
    client.query = (...args: unknown[]) => {
      const first = args[0];
      const text = typeof first === 'string' ? first : (first as { text?: string }).text ?? '';
      const params = Array.isArray(args[1]) ? args[1] : ((first as { values?: unknown[] }).values ?? []);
      captured.push({ text, params });
      return query(...args);
    };
  }, 120_000);

  const body = benchId(ID_KIND.body, BODY);
  const reads: Array<{ name: string; url: () => string; account: number | null }> = [
    { name: 'registry page', url: () => '/api/bodies?limit=50', account: LIAISON },
    { name: 'registry filtered', url: () => '/api/bodies?kind=leading_group&level=provincial&limit=50', account: LIAISON },
    { name: 'body workspace', url: () => `/api/bodies/${body}`, account: OFFICE },
    { name: "a body's decided items", url: () => `/api/bodies/${body}/decisions`, account: OFFICE },
    { name: 'overdue items', url: () => `/api/bodies/${body}/decisions?overdue=true`, account: OFFICE },
    { name: "a unit's cross-body items", url: () => `/api/units/${unitId}/decisions`, account: LIAISON },
    { name: 'my inbox', url: () => '/api/me/inbox?limit=50', account: LIAISON },
    { name: 'a decision with its progress', url: () => `/api/bodies/${body}/decisions/${benchId(ID_KIND.decision, 1)}`, account: OFFICE },
    { name: 'audit trail page', url: () => '/api/audit?limit=50', account: AUDIT_ADMIN_NUMBER },
    { name: 'audit search by actor and action', url: () => `/api/audit?limit=50&action=meeting.update&actorId=${benchId(ID_KIND.account, LIAISON)}`, account: AUDIT_ADMIN_NUMBER },
    { name: 'calendar feed', url: () => `/api/calendar-feeds/${FEED_TOKEN}.ics`, account: null },
    // Issue 16: free text of three characters or more, over the rows' details and the actors' and objects' names (trigram indexes, 0021)
    { name: 'audit search by free text', url: () => `/api/audit?limit=50&q=${encodeURIComponent('基准数据')}`, account: AUDIT_ADMIN_NUMBER },
  ];

  for (const read of reads) {
    it(`${read.name}: no sequential scan of a large table`, async () => {
      const app = await t.app();
      captured = [];
      const headers = read.account === null ? {} : { cookie: `lianxi_session=${benchSessionToken(read.account)}` };
      const res = await app.inject({ method: 'GET', url: read.url(), headers });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const selects = captured.filter((c) => /^\s*(select|with)\b/i.test(c.text) && !/\b(insert|update|delete)\b/i.test(c.text) && !/\bfor update\b/i.test(c.text));
      expect(selects.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const statement of selects) {
        const plan = await t.handle.rawTransaction(async (sql) => {
          await sql.exec('SET LOCAL enable_seqscan = off');
          const rows = await sql.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, statement.params);
          const raw = rows[0]?.['QUERY PLAN'];
          const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
          return parsed[0]?.Plan;
        });
        if (plan === undefined) throw new Error(`no plan for ${statement.text}`);
        for (const table of seqScans(plan)) {
          if (LARGE_TABLES.has(table)) problems.push(`${table}: ${statement.text.replace(/\s+/g, ' ').slice(0, 300)}`);
        }
      }
      expect(problems, `sequential scans in "${read.name}"`).toEqual([]);
    });
  }

  // Issue 16: the reminder/escalation sweep reads only the items due today, by index
  it('reminder/escalation sweep: no sequential scan of a large table', async () => {
    captured = [];
    const result = await sweepReminders({ db: t.db, clock: t.clock });
    const reads = captured.filter((c) => /^\s*(select|with)\b/i.test(c.text) && /"decisions"/.test(c.text) && !/\b(insert|update|delete)\b/i.test(c.text));
    expect(reads.length, JSON.stringify(result)).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const statement of reads) {
      const plan = await t.handle.rawTransaction(async (sql) => {
        await sql.exec('SET LOCAL enable_seqscan = off');
        const rows = await sql.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.params);
        const raw = rows[0]?.['QUERY PLAN'];
        return ((typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>)[0]?.Plan;
      });
      if (plan === undefined) throw new Error(`no plan for ${statement.text}`);
      for (const table of seqScans(plan)) if (LARGE_TABLES.has(table)) problems.push(`${table}: ${statement.text.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
    expect(problems, 'sequential scans in the sweep').toEqual([]);
  });
});
