/**
 * Benchmark data generator (issue 16): fills an empty, migrated Lianxi database (PostgreSQL or
 * PGlite) through the project's own schema with SQL only (`INSERT … SELECT … generate_series`), in
 * the shape of national use: bodies of every kind and level, units sitting in many bodies, members
 * and liaisons over time (with ended memberships), meetings with issued minutes, decided items with
 * lead and co-handling units, deadlines (≈ 5 % overdue), progress reports, inbox items and audit rows.
 *
 * Every row is consistent with the app's invariants: each body has its charter version (a real
 * charter imported from a seed document), member units, an office and office staff; members and
 * liaisons are people with accounts; decisions belong to issued minutes of held meetings and their
 * units are member units of the body. Ids are UUID-shaped and deterministic, so the benchmark can
 * name them without a lookup (see `benchId`).
 *
 * The audit rows carry placeholder hashes: the chain of generated rows does not verify (SM3 cannot
 * be computed in SQL); the chain head is moved past them so that new appends chain on.
 *
 *   node --import tsx scripts/generate-bench-data.ts --scale tenth --database-url postgres://postgres@127.0.0.1:5432/lianxi_bench
 *   node --import tsx scripts/generate-bench-data.ts --scale small --pglite /tmp/lianxi-bench-pglite
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import smCrypto from 'sm-crypto';
import { openDatabase } from '../src/db/client.ts';
import type { DatabaseHandle, RawSql } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { importCharter } from '../src/domain/charter/import-charter.ts';
import { hashPassword } from '../src/services/passwords.ts';

export type BenchScale = 'small' | 'tenth' | 'national';

/** Row counts of a scale. Per-body and per-item counts are the same at every scale but `small`. */
export interface ScaleShape {
  units: number;
  bodies: number;
  meetingsPerBody: number;
  decisionsPerMeeting: number;
  progressPerDecision: number;
  inboxItems: number;
  auditRows: number;
}

export const SCALES: Record<BenchScale, ScaleShape> = {
  national: { units: 3000, bodies: 10_000, meetingsPerBody: 20, decisionsPerMeeting: 10, progressPerDecision: 5, inboxItems: 5_000_000, auditRows: 20_000_000 },
  tenth: { units: 300, bodies: 1000, meetingsPerBody: 20, decisionsPerMeeting: 10, progressPerDecision: 5, inboxItems: 500_000, auditRows: 2_000_000 },
  small: { units: 30, bodies: 24, meetingsPerBody: 5, decisionsPerMeeting: 4, progressPerDecision: 2, inboxItems: 3000, auditRows: 6000 },
};

/** The password of every generated account. */
export const BENCH_PASSWORD = 'Bench-Pw-9z-Long!';

/** Id kinds of the deterministic ids. */
export const ID_KIND = {
  unit: 1,
  body: 2,
  charterVersion: 3,
  person: 4,
  membership: 5,
  account: 6,
  meeting: 7,
  minutes: 8,
  decision: 9,
  deadline: 10,
  progress: 11,
  inbox: 12,
  session: 13,
  grant: 14,
  bodyUnit: 15,
} as const;

/** The deterministic UUID-shaped id of the `n`th row of a kind (same formula as the SQL below). */
export function benchId(kind: number, n: number): string {
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function idSql(kind: number, expr: string): string {
  return `(lpad(to_hex(${kind}), 8, '0') || '-0000-4000-8000-' || lpad(to_hex((${expr})::bigint), 12, '0'))`;
}

/** Deterministic pseudo-random non-negative integer of `expr` (bigint) and a seed. */
function h(expr: string, seed: number): string {
  return `abs(hashint8extended((${expr})::bigint, ${seed}))`;
}

/** Person/membership/account slots of a body: n = body * 32 + slot. */
export const SLOT = { convener: 0, deputy: 1, member: 3, liaison: 13, former: 23, office: 31 } as const;
/** Member units of body b: n_b = 2 + h(b) % 9 (2 … 10); unit j of body b = 1 + (s_b + j) % units. */
const UNITS_OF_BODY = (b: string): string => `(2 + ${h(b, 11)} % 9)`;

/** Ids of the accounts the benchmark signs in as, with the number of their person/account slot. */
export function officeAccountNumber(body: number): number {
  return body * 32 + SLOT.office;
}
export function liaisonAccountNumber(body: number, j: number): number {
  return body * 32 + SLOT.liaison + j;
}
export const AUDIT_ADMIN_NUMBER = 1;
export const SYSTEM_ADMIN_NUMBER = 2;

/** The session cookie value of a generated session for an account number. */
export function benchSessionToken(accountNumber: number): string {
  return `bench-session-${accountNumber}`;
}

export interface GenerateOptions {
  scale: BenchScale;
  /** Today, for deadlines and "overdue" (ISO date); default: now */
  now?: Date;
  /** Account numbers to give a session (the benchmark's readers) */
  sessionAccounts?: readonly number[];
  log?: (line: string) => void;
}

export interface GenerateResult {
  rows: Record<string, number>;
  seconds: number;
}

const TOPICS = ['安全生产', '食品安全', '河湖长制', '乡村振兴', '防汛抗旱', '就业促进', '生态环境保护', '数字政府建设', '优化营商环境', '应急管理'];
const KIND_NAMES: Record<string, string> = {
  joint_meeting: '联席会议',
  task_force: '工作专班',
  coordination_group: '协调小组',
  leading_group: '领导小组',
  other: '工作机制',
};
const DEPARTMENTS = ['发展改革委', '教育厅', '科技厅', '工业和信息化厅', '公安厅', '民政厅', '司法厅', '财政厅', '人力资源社会保障厅', '自然资源厅',
  '生态环境厅', '住房城乡建设厅', '交通运输厅', '水利厅', '农业农村厅', '商务厅', '文化和旅游厅', '卫生健康委', '应急管理厅', '市场监管局'];
const PROVINCES = ['11', '12', '31', '32', '33', '37', '42', '44', '51', '61'];

function sqlArray(values: readonly string[]): string {
  return `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;
}

/** Fills the database; the database must be migrated and hold no bodies yet. */
export async function generateBenchData(handle: DatabaseHandle, options: GenerateOptions): Promise<GenerateResult> {
  const shape = SCALES[options.scale];
  const log = options.log ?? (() => undefined);
  const now = options.now ?? new Date();
  const nowSql = `'${now.toISOString()}'::timestamptz`;
  const today = `(${nowSql} AT TIME ZONE 'Asia/Shanghai')::date`;
  const { units: U, bodies: B, meetingsPerBody: M, decisionsPerMeeting: D, progressPerDecision: P } = shape;
  const issuedMeetings = M - 2;
  const fast = handle.driver === 'postgres' && options.scale !== 'small';

  const seedText = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../test/fixtures/seeds/000_8eacc7e0459cf840.txt'), 'utf8');
  const imported = importCharter(seedText);
  if (!imported.ok) throw new Error(`seed charter does not import: ${imported.error.message}`);
  const charterJson = JSON.stringify(imported.charter);
  const flagsJson = JSON.stringify(imported.charter.flags);
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  const rows: Record<string, number> = {};
  const started = performance.now();
  const step = async (table: string, fn: (sql: RawSql) => Promise<number>): Promise<void> => {
    const t0 = performance.now();
    const n = await handle.rawTransaction(async (sql) => {
      // Bulk load: generated rows are consistent by construction; skip per-row FK triggers on PostgreSQL
      if (fast) await sql.exec(`SET LOCAL session_replication_role = replica; SET LOCAL synchronous_commit = off; SET LOCAL work_mem = '64MB'`);
      return fn(sql);
    });
    const seconds = (performance.now() - t0) / 1000;
    rows[table] = (rows[table] ?? 0) + n;
    log(`${table.padEnd(22)} ${String(n).padStart(10)} rows ${seconds.toFixed(1).padStart(7)} s ${Math.round(n / Math.max(seconds, 0.001)).toString().padStart(9)} rows/s`);
  };
  const run = async (sql: RawSql, text: string, params: unknown[] = []): Promise<number> => {
    const out = await sql.query<{ n: number | string }>(`WITH ins AS (${text} RETURNING 1) SELECT count(*) AS n FROM ins`, params);
    return Number(out[0]?.n ?? 0);
  };

  const existing = await handle.rawTransaction((sql) => sql.query<{ n: string | number }>('SELECT count(*) AS n FROM bodies'));
  if (Number(existing[0]?.n ?? 0) > 0) throw new Error('the database already holds bodies: generate into a fresh, migrated database');

  // Body b: created over five years, newest last; kind, level and region by b.
  const bodyCreated = (b: string): string => `(${nowSql} - ((${B} - ${b}) * ${Math.floor((5 * 365 * 86400) / B)} + 86400 * 30) * interval '1 second')`;
  const bodyStart = (b: string): string => `(${bodyCreated(b)} AT TIME ZONE 'Asia/Shanghai')::date`;
  const unitOf = (b: string, j: string): string => `(1 + ((floor(${U} * power((${h(b, 12)} % 1000000) / 1000000.0, 1.3))::bigint + (${j})) % ${U}))`;
  const dissolved = (b: string): string => `(${h(b, 13)} % 100 < 3)`;
  /** Dissolved bodies end 20 days ago */
  const dissolvedOn = (_b: string): string => `(${today} - 20)`;

  await step('units', (sql) =>
    run(
      sql,
      `INSERT INTO units (id, name, normalized_key, region_code, created_at)
       SELECT ${idSql(ID_KIND.unit, 'u')}, n, n, NULL, ${nowSql} - interval '6 years'
       FROM generate_series(1, ${U}) u, LATERAL (SELECT (${sqlArray(DEPARTMENTS)})[1 + (u - 1) % ${DEPARTMENTS.length}] || '（' || u || '）' AS n) x`,
    ),
  );

  await step('bodies + charter_versions', async (sql) =>
    (await run(
      sql,
      `INSERT INTO bodies (id, name, kind, level, region_code, region_name, status, dissolved_on, flags, current_charter_version_id, created_at, updated_at)
       SELECT ${idSql(ID_KIND.body, 'b')},
              (${sqlArray(TOPICS)})[1 + ${h('b', 1)} % ${TOPICS.length}] || (${sqlArray(Object.values(KIND_NAMES))})[1 + b % 5] || '（' || b || '）',
              (${sqlArray(Object.keys(KIND_NAMES))})[1 + b % 5],
              lv,
              CASE lv WHEN 'national' THEN NULL WHEN 'provincial' THEN p || '0000' WHEN 'municipal' THEN p || '0100' ELSE p || '0103' END,
              NULL,
              CASE WHEN ${dissolved('b')} THEN 'dissolved' ELSE 'active' END,
              CASE WHEN ${dissolved('b')} THEN ${dissolvedOn('b')} END,
              $1::jsonb, ${idSql(ID_KIND.charterVersion, 'b')}, ${bodyCreated('b')}, ${bodyCreated('b')}
       FROM generate_series(1, ${B}) b,
            LATERAL (SELECT (ARRAY['national', 'provincial', 'municipal', 'county'])[1 + (b / 5) % 4] AS lv,
                            (${sqlArray(PROVINCES)})[1 + ${h('b', 2)} % ${PROVINCES.length}] AS p) x`,
      [flagsJson],
    )) +
    // The charter version in the same transaction (the body's foreign key to it is deferred)
    (await run(
      sql,
      `INSERT INTO charter_versions (id, body_id, version, charter, original_text, text_hash, imported_at)
       SELECT ${idSql(ID_KIND.charterVersion, 'b')}, ${idSql(ID_KIND.body, 'b')}, 1, $1::jsonb, $2, md5($2), ${bodyCreated('b')}
       FROM generate_series(1, ${B}) b`,
      [charterJson, seedText],
    )),
  );

  await step('body_units', (sql) =>
    run(
      sql,
      `INSERT INTO body_units (id, body_id, unit_id, lead, name_in_charter, position, valid_from, valid_to, source_charter_version_id)
       SELECT ${idSql(ID_KIND.bodyUnit, 'b * 16 + j')}, ${idSql(ID_KIND.body, 'b')}, ${idSql(ID_KIND.unit, unitOf('b', 'j'))}, j = 0,
              (${sqlArray(DEPARTMENTS)})[1 + (${unitOf('b', 'j')} - 1) % ${DEPARTMENTS.length}] || '（' || ${unitOf('b', 'j')} || '）', j,
              ${bodyStart('b')}, CASE WHEN ${dissolved('b')} THEN ${dissolvedOn('b')} END, ${idSql(ID_KIND.charterVersion, 'b')}
       FROM generate_series(1, ${B}) b, generate_series(0, 9) j
       WHERE j < ${UNITS_OF_BODY('b')}`,
    ),
  );

  await step('body_office', (sql) =>
    run(
      sql,
      `INSERT INTO body_office (body_id, host_unit_id, host_unit_name)
       SELECT ${idSql(ID_KIND.body, 'b')}, ${idSql(ID_KIND.unit, unitOf('b', '0'))}, '办公室'
       FROM generate_series(1, ${B}) b`,
    ),
  );

  // People and memberships: slot 0 convener, 1–2 deputies, 3+j member and 13+j liaison of unit j,
  // 23+j a former member of unit j (ended a year after the body started).
  const membershipRows = `
    SELECT b, s,
           CASE WHEN s = 0 THEN 'convener' WHEN s < 3 THEN 'deputy_convener' WHEN s < 13 OR s >= 23 THEN 'member' ELSE 'liaison' END AS role_kind,
           CASE WHEN s < 3 THEN 0 WHEN s < 13 THEN s - 3 WHEN s < 23 THEN s - 13 ELSE s - 23 END AS j
    FROM generate_series(1, ${B}) b, generate_series(0, 30) s
    WHERE s < 3 OR (s < 13 AND s - 3 < ${UNITS_OF_BODY('b')}) OR (s >= 13 AND s < 23 AND s - 13 < ${UNITS_OF_BODY('b')})
       OR (s >= 23 AND s - 23 < ${UNITS_OF_BODY('b')} AND ${h('b', 14)} % 2 = 0)`;
  await step('people', (sql) =>
    run(
      sql,
      `INSERT INTO people (id, name, normalized_name, created_at)
       SELECT ${idSql(ID_KIND.person, 'b * 32 + s')}, '人员' || (b * 32 + s), '人员' || (b * 32 + s), ${bodyCreated('b')}
       FROM (${membershipRows}) m`,
    ),
  );
  await step('memberships', (sql) =>
    run(
      sql,
      `INSERT INTO memberships (id, body_id, role_kind, title, unit_id, person_id, position, valid_from, valid_to, source_charter_version_id, created_at)
       SELECT ${idSql(ID_KIND.membership, 'b * 32 + s')}, ${idSql(ID_KIND.body, 'b')}, role_kind,
              CASE role_kind WHEN 'convener' THEN '召集人' WHEN 'deputy_convener' THEN '副召集人' WHEN 'member' THEN '成员' ELSE '联络员' END,
              ${idSql(ID_KIND.unit, unitOf('b', 'j'))}, ${idSql(ID_KIND.person, 'b * 32 + s')}, '处长',
              CASE WHEN s >= 23 THEN ${bodyStart('b')} WHEN s >= 3 AND s < 13 AND ${h('b * 32 + s', 15)} % 2 = 0 THEN ${bodyStart('b')} + 366 ELSE ${bodyStart('b')} END,
              CASE WHEN s >= 23 THEN ${bodyStart('b')} + 366 WHEN ${dissolved('b')} THEN ${dissolvedOn('b')} END,
              ${idSql(ID_KIND.charterVersion, 'b')}, ${bodyCreated('b')}
       FROM (${membershipRows}) m
       WHERE NOT (${dissolved('b')} AND ${bodyStart('b')} + 366 >= ${dissolvedOn('b')} AND (s >= 23 OR (s >= 3 AND s < 13 AND ${h('b * 32 + s', 15)} % 2 = 0)))`,
    ),
  );

  // Accounts: every current member, liaison and convener; an office-staff account per body; two administrators.
  await step('accounts', async (sql) => {
    let n = await run(
      sql,
      `INSERT INTO accounts (id, username, display_name, password_hash, must_change_password, person_id, password_changed_at, created_at, updated_at)
       SELECT ${idSql(ID_KIND.account, 'b * 32 + s')}, 'p' || (b * 32 + s), '人员' || (b * 32 + s), $1, false, ${idSql(ID_KIND.person, 'b * 32 + s')}, ${nowSql}, ${bodyCreated('b')}, ${nowSql}
       FROM (${membershipRows}) m WHERE s < 23`,
      [passwordHash],
    );
    n += await run(
      sql,
      `INSERT INTO accounts (id, username, display_name, password_hash, must_change_password, password_changed_at, created_at, updated_at)
       SELECT ${idSql(ID_KIND.account, `b * 32 + ${SLOT.office}`)}, 'office' || b, '办公室' || b, $1, false, ${nowSql}, ${bodyCreated('b')}, ${nowSql}
       FROM generate_series(1, ${B}) b`,
      [passwordHash],
    );
    n += await run(
      sql,
      `INSERT INTO accounts (id, username, display_name, password_hash, must_change_password, password_changed_at, created_at, updated_at, is_audit_admin, is_system_admin)
       VALUES (${idSql(ID_KIND.account, String(AUDIT_ADMIN_NUMBER))}, 'bench_audit', '审计管理员', $1, false, ${nowSql}, ${nowSql}, ${nowSql}, true, false),
              (${idSql(ID_KIND.account, String(SYSTEM_ADMIN_NUMBER))}, 'bench_sys', '系统管理员', $1, false, ${nowSql}, ${nowSql}, ${nowSql}, false, true)`,
      [passwordHash],
    );
    return n;
  });
  await step('account_body_grants', (sql) =>
    run(
      sql,
      `INSERT INTO account_body_grants (id, account_id, body_id, role, granted_at)
       SELECT ${idSql(ID_KIND.grant, 'b')}, ${idSql(ID_KIND.account, `b * 32 + ${SLOT.office}`)}, ${idSql(ID_KIND.body, 'b')}, 'office_staff', ${bodyCreated('b')}
       FROM generate_series(1, ${B}) b`,
    ),
  );

  // Meetings: M per body over the last two years, the last two still to come.
  const meetingN = `((b - 1) * ${M} + i + 1)`;
  const meetingStart = (b: string, i: string): string =>
    `(CASE WHEN ${i} < ${issuedMeetings} THEN ${nowSql} - (${issuedMeetings} - ${i}) * interval '${Math.floor(730 / issuedMeetings)} days' - (${h(b, 16)} % 20) * interval '1 day' ELSE ${nowSql} + (${i} - ${issuedMeetings} + 1) * interval '20 days' END)`;
  await step('meetings', (sql) =>
    run(
      sql,
      `INSERT INTO meetings (id, body_id, kind, kind_name, title, starts_at, ends_at, location, status, held_at, created_at, updated_at)
       SELECT ${idSql(ID_KIND.meeting, meetingN)}, ${idSql(ID_KIND.body, 'b')}, 'plenary', '全体会议', '第' || (i + 1) || '次全体会议',
              ${meetingStart('b', 'i')}, ${meetingStart('b', 'i')} + interval '2 hours', '第一会议室',
              CASE WHEN i < ${issuedMeetings} THEN 'minutes_issued' ELSE 'scheduled' END,
              CASE WHEN i < ${issuedMeetings} THEN ${meetingStart('b', 'i')} END,
              ${meetingStart('b', 'i')} - interval '14 days', ${meetingStart('b', 'i')} - interval '14 days'
       FROM generate_series(1, ${B}) b, generate_series(0, ${M - 1}) i
       WHERE NOT ${dissolved('b')} OR i < ${issuedMeetings}`,
    ),
  );
  await step('minutes', (sql) =>
    run(
      sql,
      `INSERT INTO minutes (id, meeting_id, body_id, status, title, proceedings, year, number, issued_on, issued_at, created_at, updated_at)
       SELECT ${idSql(ID_KIND.minutes, meetingN)}, ${idSql(ID_KIND.meeting, meetingN)}, ${idSql(ID_KIND.body, 'b')}, 'issued',
              '第' || (i + 1) || '次全体会议纪要', '会议听取了各成员单位工作情况汇报。',
              extract(year FROM ${meetingStart('b', 'i')} AT TIME ZONE 'Asia/Shanghai')::int, i + 1,
              (${meetingStart('b', 'i')} AT TIME ZONE 'Asia/Shanghai')::date + 3, ${meetingStart('b', 'i')} + interval '3 days',
              ${meetingStart('b', 'i')}, ${meetingStart('b', 'i')} + interval '3 days'
       FROM generate_series(1, ${B}) b, generate_series(0, ${issuedMeetings - 1}) i`,
    ),
  );

  // Decided items: D per issued meeting. r = h(n) % 100: < 45 closed, 45–49 overdue, else open (future deadline).
  const decisionSource = `
    SELECT b, i, k, ((b - 1) * ${M} + i) * ${D} + k + 1 AS n, ${meetingN} AS mn, ${UNITS_OF_BODY('b')} AS nb,
           (${meetingStart('b', 'i')} AT TIME ZONE 'Asia/Shanghai')::date + 3 AS issued_on
    FROM generate_series(1, ${B}) b, generate_series(0, ${issuedMeetings - 1}) i, generate_series(0, ${D - 1}) k`;
  const r = `(${h('n', 17)} % 100)`;
  const leadJ = `(${h('n', 18)} % nb)`;
  await step('decisions', (sql) =>
    run(
      sql,
      `INSERT INTO decisions (id, body_id, meeting_id, minutes_id, item_no, text, lead_unit_id, issued_on, status, deadline,
                              completion_reported_at, closed_at, created_at, updated_at)
       SELECT ${idSql(ID_KIND.decision, 'n')}, ${idSql(ID_KIND.body, 'b')}, ${idSql(ID_KIND.meeting, 'mn')}, ${idSql(ID_KIND.minutes, 'mn')}, k + 1,
              '研究落实第' || (k + 1) || '项工作任务，按期报送进展。', ${idSql(ID_KIND.unit, unitOf('b', leadJ))}, issued_on,
              st, dl,
              CASE WHEN st = 'completion_reported' THEN ${nowSql} - interval '2 days' END,
              CASE WHEN st = 'closed' THEN (issued_on + 20)::timestamptz END,
              issued_on::timestamptz, issued_on::timestamptz
       FROM (${decisionSource}) s,
            LATERAL (SELECT CASE WHEN ${r} < 45 THEN 'closed' WHEN ${r} < 50 THEN 'in_progress'
                                 WHEN ${r} < 75 THEN 'assigned' WHEN ${r} < 92 THEN 'in_progress' ELSE 'completion_reported' END AS st,
                            CASE WHEN ${r} < 45 THEN issued_on + 30 + (${h('n', 19)} % 60)::int
                                 WHEN ${r} < 50 THEN ${today} - 1 - (${h('n', 19)} % 60)::int
                                 ELSE greatest(${today} + 1 + (${h('n', 19)} % 180)::int, issued_on + 10) END AS dl) x`,
    ),
  );
  await step('decision_co_units', (sql) =>
    run(
      sql,
      `INSERT INTO decision_co_units (decision_id, unit_id, position)
       SELECT ${idSql(ID_KIND.decision, 'n')}, ${idSql(ID_KIND.unit, unitOf('b', `(${leadJ} + c) % nb`))}, c - 1
       FROM (${decisionSource}) s, generate_series(1, 2) c
       WHERE c <= least(nb - 1, ${h('n', 20)} % 3)`,
    ),
  );
  await step('decision_deadlines', (sql) =>
    run(
      sql,
      `INSERT INTO decision_deadlines (id, decision_id, deadline, basis, set_at)
       SELECT ${idSql(ID_KIND.deadline, 'd.n')}, d.id, d.deadline, '{"kind":"date"}'::jsonb, d.created_at
       FROM (SELECT id, deadline, created_at, ('x' || right(id, 12))::bit(48)::bigint AS n FROM decisions) d`,
    ),
  );
  await step('progress_reports', (sql) =>
    run(
      sql,
      `INSERT INTO progress_reports (id, decision_id, kind, unit_id, text, created_at)
       SELECT ${idSql(ID_KIND.progress, `d.n * ${P} + p`)}, d.id, 'progress', d.lead_unit_id, '已召开专题会议研究部署，正在推进。',
              d.created_at + (p + 1) * interval '5 days'
       FROM (SELECT id, lead_unit_id, created_at, ('x' || right(id, 12))::bit(48)::bigint AS n FROM decisions) d, generate_series(0, ${P - 1}) p`,
    ),
  );

  // Inbox items and audit rows: spread over the liaison accounts, skewed towards the first bodies.
  const liaisonAccount = (x: string, seed: number): string => {
    const b = `(1 + floor(${B} * power((${h(x, seed)} % 1000000) / 1000000.0, 2))::bigint)`;
    return `(${b} * 32 + ${SLOT.liaison})`;
  };
  await step('inbox_items', (sql) =>
    run(
      sql,
      `INSERT INTO inbox_items (id, account_id, body_id, event, title, message, link, created_at, read_at)
       SELECT ${idSql(ID_KIND.inbox, 'x')}, ${idSql(ID_KIND.account, 'a')}, ${idSql(ID_KIND.body, 'a / 32')}, 'decision.reminder',
              '督办事项提醒', '您单位承办的督办事项即将到期，请按期报送办理进展。', NULL,
              ${nowSql} - (${shape.inboxItems} - x) * interval '${Math.max(1, Math.floor((365 * 86400) / shape.inboxItems))} seconds',
              CASE WHEN ${h('x', 21)} % 2 = 0 THEN ${nowSql} END
       FROM generate_series(1, ${shape.inboxItems}) x, LATERAL (SELECT ${liaisonAccount('x', 22)} AS a) y`,
    ),
  );
  const auditChunk = 2_000_000;
  for (let from = 1; from <= shape.auditRows; from += auditChunk) {
    const to = Math.min(shape.auditRows, from + auditChunk - 1);
    await step('audit_log', (sql) =>
      run(
        sql,
        `INSERT INTO audit_log (seq, occurred_at, actor_id, action, entity_type, entity_id, before, after, request_id, client_address, prev_hash, hash, result, hash_version)
         SELECT x, ${nowSql} - (${shape.auditRows} - x) * interval '${Math.max(1, Math.floor((2 * 365 * 86400) / shape.auditRows))} seconds',
                ${idSql(ID_KIND.account, 'a')}, (ARRAY['decision.report_progress', 'meeting.update', 'auth.sign_in', 'decision.assign'])[1 + x % 4],
                'decision', ${idSql(ID_KIND.decision, `1 + ${h('x', 23)} % ${B * issuedMeetings * D}`)}, NULL,
                jsonb_build_object('note', '生成的基准数据'), NULL, '10.0.0.1',
                md5((x - 1)::text) || md5((x - 1)::text), md5(x::text) || md5(x::text), 'success', 2
         FROM generate_series(${from}, ${to}) x, LATERAL (SELECT ${liaisonAccount('x', 24)} AS a) y`,
      ),
    );
  }
  await step('audit_chain_head', (sql) =>
    run(sql, `UPDATE audit_chain_head SET last_seq = ${shape.auditRows}, last_hash = md5('${shape.auditRows}') || md5('${shape.auditRows}') WHERE id = 1`),
  );

  const sessionAccounts = options.sessionAccounts ?? [];
  if (sessionAccounts.length > 0) {
    await step('sessions', (sql) => writeBenchSessions(sql, sessionAccounts, now));
  }
  await step('analyze', async (sql) => {
    await sql.exec('ANALYZE');
    return 0;
  });
  return { rows, seconds: (performance.now() - started) / 1000 };
}

/** (Re)creates a live session for each account number (token `benchSessionToken(n)`), last seen at `now`. */
export async function writeBenchSessions(sql: RawSql, accountNumbers: readonly number[], now: Date): Promise<number> {
  const ids = accountNumbers.map((n) => benchId(ID_KIND.account, n));
  const hashes = accountNumbers.map((n) => smCrypto.sm3(benchSessionToken(n)));
  const sessionIds = accountNumbers.map((n) => benchId(ID_KIND.session, n));
  await sql.query('DELETE FROM sessions WHERE id = ANY($1::text[])', [sessionIds]);
  const out = await sql.query<{ n: string | number }>(
    `WITH ins AS (
       INSERT INTO sessions (id, token_hash, account_id, created_at, last_seen_at, client_address, user_agent)
       SELECT s, t, a, $4::timestamptz, $4::timestamptz, '127.0.0.1', 'bench'
       FROM unnest($1::text[], $2::text[], $3::text[]) AS u(s, t, a)
       RETURNING 1)
     SELECT count(*) AS n FROM ins`,
    [sessionIds, hashes, ids, now.toISOString()],
  );
  return Number(out[0]?.n ?? 0);
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

/** Command line: generate into a PostgreSQL database (`--database-url`) or a PGlite directory (`--pglite`). */
async function main(): Promise<void> {
  const scale = (argValue('--scale') ?? 'small') as BenchScale;
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const url = argValue('--database-url');
  const dataDir = argValue('--pglite');
  if (url === undefined && dataDir === undefined) throw new Error('give --database-url postgres://… or --pglite <dir>');
  const handle = await openDatabase(url !== undefined ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: dataDir as string });
  try {
    await migrate(handle);
    const result = await generateBenchData(handle, { scale, log: (line) => console.log(line) });
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    console.log(`${scale}: ${total} rows in ${result.seconds.toFixed(1)} s (${Math.round(total / result.seconds)} rows/s)`);
  } finally {
    await handle.close();
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
