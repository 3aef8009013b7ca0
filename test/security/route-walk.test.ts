/**
 * Issue 17, the suite walk: every route of the generated OpenAPI document (new routes are walked
 * without being listed) × every kind of caller who has no business in the body under test —
 * anonymous, an account without roles, one that must change its password, each of the three
 * administrators (三员), office staff of another body. A 2xx is unexpected unless the route is the
 * caller's own (self-service), of its administrator duty, or a read that shows nothing of the body.
 * test/integration/policy-matrix.test.ts checks the platform routes' allowed roles exactly; this
 * walk checks that nobody outside a body gets anything of it, on every route.
 */
import { expect, it } from 'vitest';
import type { SystemRole } from '../../src/policy/roles.ts';
import { describeDatabases } from '../integration/harness.ts';
import type { TestAccount } from '../integration/harness.ts';
import { MeetingScenario } from '../integration/factories/meetings.ts';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  minimum?: number;
  pattern?: string;
}

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | null;
}

type Caller = 'anonymous' | 'no_role' | 'must_change' | SystemRole | 'other_body_office';
const CALLERS: Caller[] = ['anonymous', 'no_role', 'must_change', 'system_admin', 'security_admin', 'audit_admin', 'other_body_office'];

/** Routes anyone may call. */
const PUBLIC = new Set(['GET /api/health', 'POST /api/auth/sign-in', 'GET /api/auth/session', 'GET /api/calendar-feeds/{feedFile}']);
/** A signed-in account's own things (also while a password change is required: the first three). */
const SELF_WHILE_MUST_CHANGE = new Set(['GET /api/auth/me', 'POST /api/auth/sign-out', 'POST /api/auth/change-password']);
const SELF_SERVICE = new Set([
  ...SELF_WHILE_MUST_CHANGE,
  'GET /api/me/inbox',
  'POST /api/me/inbox/read',
  'GET /api/me/notification-address',
  'PUT /api/me/notification-address',
  'GET /api/me/calendar-feed',
  'POST /api/me/calendar-feed',
  'DELETE /api/me/calendar-feed',
  // The reader's own to-do list and first screen: what waits for them, in the bodies they sit in.
  'GET /api/todo',
  'GET /api/workspace',
  // Previews compute and store nothing.
  'POST /api/charters/preview',
  'POST /api/calendar/notices/preview',
]);
/** Platform routes of each administrator duty (state changes and reads of the platform, not of a body). */
const DUTY_ROUTES: Record<SystemRole, RegExp> = {
  system_admin: /^(GET|PUT) \/api\/settings|^POST \/api\/calendar\/notices$|^POST \/api\/bodies$/,
  security_admin: /^(GET|POST|PUT) \/api\/accounts|^(GET|POST) \/api\/people$|^(GET|PUT) \/api\/security-policy$|^GET \/api\/security-alerts$/,
  audit_admin: /^GET \/api\/audit|^GET \/api\/security-alerts$|^POST \/api\/security-alerts\/\{id\}\/acknowledge$/,
};
/**
 * Reads every signed-in account has: reference data of no body, and a unit's views across bodies
 * (filtered to the bodies the reader is inside): checked not to show the body under test.
 */
const SHARED_READS = /^GET \/api\/(calendar\/|units$|units\/\{unitId\}(\/(decisions|obligations|ledger-document))?$)/;
/** The registry of bodies (名录: name, kind, level, region, status) is open to every signed-in account ('body.list'). */
const REGISTRY = new Set(['GET /api/bodies', 'GET /api/bodies/export']);

function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null') ?? 'string';
  if (schema.type !== undefined) return schema.type;
  const variant = schema.anyOf?.find((s) => s.type !== 'null') ?? schema.oneOf?.[0];
  return variant === undefined ? 'string' : typeOf(variant);
}

/** A plausible value, with ids of the body under test where a field names one. */
function plausible(schema: JsonSchema, ids: Record<string, string>, today: string, key = '', depth = 0): unknown {
  if (key in ids) return ids[key];
  if (schema.enum !== undefined && schema.enum.length > 0) return schema.enum[0];
  const variant = schema.anyOf?.find((s) => s.type !== 'null') ?? schema.oneOf?.[0];
  if (schema.type === undefined && variant !== undefined) return plausible(variant, ids, today, key, depth);
  switch (typeOf(schema)) {
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return false;
    case 'array':
      return depth > 3 || schema.items === undefined ? [] : [plausible(schema.items, ids, today, '', depth + 1)];
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 3) return out;
      for (const [name, property] of Object.entries(schema.properties ?? {})) out[name] = plausible(property, ids, today, name, depth + 1);
      return out;
    }
    default:
      if (schema.format === 'date' || /date|from|to$/i.test(key)) return today;
      if (schema.format === 'date-time' || /At$/.test(key)) return `${today}T08:00:00.000Z`;
      if (schema.format === 'email') return 'walk@example.org';
      if (schema.format === 'uri') return 'https://example.org/';
      return '路径测试文本';
  }
}

describeDatabases('security: every route × every caller outside the body', (t) => {
  it('gives no caller outside a body an unexpected 2xx on any route of the OpenAPI document', { timeout: 600_000 }, async () => {
    const now = t.clock.now();
    const today = now.toISOString().slice(0, 10);
    const s = await MeetingScenario.publish(t, { now });
    const units = await s.units(today);
    const meeting = await s.createMeeting({ kind: 'plenary', title: '路径测试会议', startsAt: new Date(now.getTime() + 7 * 86_400_000).toISOString() });
    const [membership] = await s.memberships(`?at=${today}`);
    const other = await MeetingScenario.publish(t, { now });
    const app = await t.app();

    // Real ids of the body under test, by the names routes and fields give them.
    const ids: Record<string, string> = { bodyId: s.bodyId, meetingId: meeting.id };
    if (units[0] !== undefined) ids['unitId'] = units[0].unitId;
    if (membership !== undefined) {
      ids['membershipId'] = membership.id;
      if (membership.personId !== null) ids['personId'] = membership.personId;
    }
    const idQueries: Record<string, string> = {
      decisionId: 'SELECT id FROM decisions WHERE body_id = $1 LIMIT 1',
      groupId: 'SELECT id FROM body_groups WHERE body_id = $1 LIMIT 1',
      versionId: 'SELECT id FROM charter_versions WHERE body_id = $1 LIMIT 1',
      charterVersionId: 'SELECT id FROM charter_versions WHERE body_id = $1 LIMIT 1',
    };
    for (const [name, query] of Object.entries(idQueries)) {
      try {
        const [row] = await t.sql<{ id: string }>(query, [s.bodyId]);
        if (row !== undefined) ids[name] = row.id;
      } catch {
        // a table of a part not built: the route gets a made-up id (and so a 4xx)
      }
    }

    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
    };
    const operations: Operation[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const parameters = op.parameters ?? [];
        operations.push({
          method: method.toUpperCase(),
          path,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} })),
          body: op.requestBody?.content?.['application/json']?.schema ?? null,
        });
      }
    }
    expect(operations.length).toBeGreaterThan(100);

    const accounts = new Map<Caller, TestAccount>();
    for (const caller of CALLERS) {
      if (caller === 'anonymous') continue;
      if (caller === 'no_role') accounts.set(caller, await t.createAccount());
      else if (caller === 'must_change') accounts.set(caller, await t.createAccount({ mustChangePassword: true }));
      else if (caller === 'other_body_office') accounts.set(caller, other.office.account);
      else accounts.set(caller, await t.createAccount({ systemRoles: [caller] }));
    }
    const cookies = new Map<Caller, string>();
    const cookieOf = async (caller: Caller, fresh = false): Promise<string | undefined> => {
      const account = accounts.get(caller);
      if (account === undefined) return undefined;
      if (fresh || !cookies.has(caller)) cookies.set(caller, await t.signIn(account));
      return cookies.get(caller);
    };

    const leaks = [s.bodyId, s.bodyName];
    const unexpected: string[] = [];
    let requests = 0;
    for (const op of operations) {
      const key = `${op.method} ${op.path}`;
      if (key === 'POST /api/auth/sign-out' || key === 'POST /api/auth/change-password' || key === 'POST /api/auth/sign-in') continue;
      const url = op.path.replace(/\{([^}]+)\}/g, (_all, name: string) => encodeURIComponent(ids[name] ?? '00000000-0000-4000-8000-000000000000'));
      const query = op.query
        .filter((q) => q.required || q.name in ids)
        .map((q) => `${encodeURIComponent(q.name)}=${encodeURIComponent(String(plausible(q.schema, ids, today, q.name)))}`)
        .join('&');
      const payload = op.body === null ? undefined : JSON.stringify(plausible(op.body, ids, today));
      for (const caller of CALLERS) {
        let response: Awaited<ReturnType<typeof app.inject>> | undefined;
        for (let attempt = 0; attempt < 2; attempt += 1) {
          const cookie = await cookieOf(caller, attempt > 0);
          response = await app.inject({
            method: op.method as 'GET',
            url: query === '' ? url : `${url}?${query}`,
            headers: { ...(cookie === undefined ? {} : { cookie }), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
            ...(payload === undefined ? {} : { payload }),
          });
          requests += 1;
          // A session ended by the walk itself (an administrator's single session): sign in again once.
          if (!(response.statusCode === 401 && caller !== 'anonymous')) break;
        }
        if (response === undefined || response.statusCode < 200 || response.statusCode >= 300) continue;
        if (PUBLIC.has(key)) continue;
        const leaked = leaks.some((text) => response.body.includes(text));
        let expected: boolean;
        if (caller === 'anonymous') expected = false;
        else if (caller === 'must_change') expected = SELF_WHILE_MUST_CHANGE.has(key);
        else if (SELF_SERVICE.has(key)) expected = !leaked;
        // The security administrator's account pages name the bodies of grants; the audit trail names everything.
        else if (caller in DUTY_ROUTES && DUTY_ROUTES[caller as SystemRole].test(key)) expected = true;
        else if (REGISTRY.has(key)) expected = true;
        else if (op.method === 'GET' && SHARED_READS.test(key)) expected = !leaked;
        else expected = false;
        if (!expected) unexpected.push(`${caller} ${key} → ${response.statusCode}${leaked ? ' (shows the body)' : ''}: ${response.body.slice(0, 160)}`);
      }
    }
    console.info(`route walk [${t.kind}]: ${operations.length} operations × ${CALLERS.length} callers, ${requests} requests, ${unexpected.length} unexpected 2xx`);
    expect(unexpected).toEqual([]);
  });
});
