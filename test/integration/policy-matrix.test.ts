/**
 * Role × route: every platform route, called by every kind of account, allows exactly the roles the
 * policy declares and refuses the others with 401/403. Body-scoped actions are walked through the
 * policy with each body role (a liaison changes only its own unit's records; outsiders see nothing).
 */
import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, actions } from '../../src/policy/actions.ts';
import type { ActionName } from '../../src/policy/actions.ts';
import { bodyResource, decide } from '../../src/policy/policy.ts';
import type { ActionRule, Actor, BodyRoleGrant, SystemRole } from '../../src/policy/policy.ts';
import { BODY_ROLES } from '../../src/policy/roles.ts';
import { describeDatabases, strongPassword } from './harness.ts';
import type { TestAccount } from './harness.ts';

type Caller = 'anonymous' | 'no_role' | 'must_change' | SystemRole;
const CALLERS: Caller[] = ['anonymous', 'no_role', 'must_change', 'system_admin', 'security_admin', 'audit_admin'];

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  /** The route pattern as OpenAPI lists it. */
  path: string;
  payload?: (ctx: { targetId: string }) => unknown;
  allowed: readonly Caller[];
}

const SECURITY: Caller[] = ['security_admin'];
const ALL_SIGNED_IN: Caller[] = ['no_role', 'must_change', 'system_admin', 'security_admin', 'audit_admin'];

const ROUTES: RouteCase[] = [
  { method: 'GET', url: '/api/health', path: '/api/health', allowed: CALLERS },
  // Decisions part: one's own inbox and e-mail address (any signed-in account past the forced change)
  { method: 'GET', url: '/api/me/inbox', path: '/api/me/inbox', allowed: ['no_role', 'system_admin', 'security_admin', 'audit_admin'] },
  { method: 'GET', url: '/api/me/notification-address', path: '/api/me/notification-address', allowed: ['no_role', 'system_admin', 'security_admin', 'audit_admin'] },
  { method: 'GET', url: '/api/auth/me', path: '/api/auth/me', allowed: ALL_SIGNED_IN },
  { method: 'GET', url: '/api/auth/session', path: '/api/auth/session', allowed: CALLERS },
  { method: 'GET', url: '/api/settings', path: '/api/settings', allowed: ['system_admin'] },
  {
    method: 'PUT',
    url: '/api/settings',
    path: '/api/settings',
    payload: () => ({
      session: { idleMinutes: 30, absoluteHours: 12 },
      passwordPolicy: { minLength: 10, minClasses: 3 },
      lockout: { threshold: 5, minutes: 30 },
    }),
    allowed: ['system_admin'],
  },
  { method: 'GET', url: '/api/settings/outbound-allow-list', path: '/api/settings/outbound-allow-list', allowed: ['system_admin'] },
  { method: 'PUT', url: '/api/settings/outbound-allow-list', path: '/api/settings/outbound-allow-list', payload: () => ({ allowed: [] }), allowed: ['system_admin'] },
  { method: 'GET', url: '/api/accounts', path: '/api/accounts', allowed: SECURITY },
  { method: 'GET', url: '/api/accounts/:target', path: '/api/accounts/{id}', allowed: SECURITY },
  { method: 'GET', url: '/api/accounts/export?format=csv', path: '/api/accounts/export', allowed: SECURITY },
  {
    method: 'POST',
    url: '/api/accounts',
    path: '/api/accounts',
    payload: () => ({ username: `m${Math.random().toString(36).slice(2, 10)}`, displayName: '矩阵' }),
    allowed: SECURITY,
  },
  {
    method: 'POST',
    url: '/api/accounts/:target/roles',
    path: '/api/accounts/{id}/roles',
    payload: () => ({ kind: 'system', role: 'system_admin' }),
    allowed: SECURITY,
  },
  {
    method: 'POST',
    url: '/api/accounts/:target/roles/revoke',
    path: '/api/accounts/{id}/roles/revoke',
    payload: () => ({ kind: 'system', role: 'system_admin' }),
    allowed: SECURITY,
  },
  { method: 'POST', url: '/api/accounts/:target/unlock', path: '/api/accounts/{id}/unlock', allowed: SECURITY },
  { method: 'POST', url: '/api/accounts/:target/disable', path: '/api/accounts/{id}/disable', allowed: SECURITY },
  { method: 'POST', url: '/api/accounts/:target/enable', path: '/api/accounts/{id}/enable', allowed: SECURITY },
  { method: 'POST', url: '/api/accounts/:target/reset-password', path: '/api/accounts/{id}/reset-password', allowed: SECURITY },
  {
    method: 'PUT',
    url: '/api/accounts/:target/person',
    path: '/api/accounts/{id}/person',
    payload: () => ({ personId: null }),
    allowed: SECURITY,
  },
  { method: 'POST', url: '/api/accounts/:target/second-factor/reset', path: '/api/accounts/{id}/second-factor/reset', allowed: SECURITY },
  // Issue 17: the security policy (password rules, session limits, second factor) is the security administrator's.
  { method: 'GET', url: '/api/security-policy', path: '/api/security-policy', allowed: SECURITY },
  {
    method: 'PUT',
    url: '/api/security-policy',
    path: '/api/security-policy',
    payload: () => ({
      password: { minLength: 10, minClasses: 3, blockCommon: true, minUnpredictable: 4, maxAgeDays: 0, historyCount: 5, bannedWords: [] },
      sessions: { userLimit: 0, adminLimit: 5 },
      // Off for this walk: the matrix signs administrators in with passwords (TOTP: test/security/second-factor.test.ts).
      secondFactor: 'off',
    }),
    allowed: SECURITY,
  },
  { method: 'GET', url: '/api/audit', path: '/api/audit', allowed: ['audit_admin'] },
  { method: 'GET', url: '/api/audit/verify', path: '/api/audit/verify', allowed: ['audit_admin'] },
  { method: 'GET', url: '/api/audit/catalogue', path: '/api/audit/catalogue', allowed: ['audit_admin'] },
  { method: 'GET', url: '/api/audit/export?format=csv', path: '/api/audit/export', allowed: ['audit_admin'] },
  { method: 'GET', url: '/api/security-alerts', path: '/api/security-alerts', allowed: ['audit_admin', 'security_admin'] },
  { method: 'POST', url: '/api/auth/sign-out', path: '/api/auth/sign-out', allowed: ALL_SIGNED_IN },
];

const PLATFORM_TAGS = new Set(['auth', 'accounts', 'system', 'audit']);
/** Routes whose allow/deny is tested in auth.test.ts with their own flows (they change the caller's own state). */
// Activation depends on the target's duty (same duty only): tested in test/security/administrators.test.ts.
// Acknowledging needs a fresh alert for each allowed caller: tested in test/security/security-alerts.test.ts.
const COVERED_ELSEWHERE = new Set(['POST /api/auth/sign-in', 'POST /api/auth/change-password', 'POST /api/accounts/{id}/activate', 'POST /api/security-alerts/{id}/acknowledge']);

describeDatabases('policy matrix (platform routes)', (t) => {
  // One account per kind of caller for the suite, signed in once (again after it signed out): each
  // account made and each sign-in hashes a password (argon2), which made most of this file's time
  // when every route made its callers afresh. The targets of account actions stay fresh per call.
  const callers = new Map<Caller, TestAccount>();
  const cookies = new Map<Caller, string>();
  async function callerAccount(caller: Exclude<Caller, 'anonymous'>): Promise<TestAccount> {
    const known = callers.get(caller);
    if (known !== undefined) return known;
    const account =
      caller === 'no_role'
        ? await t.createAccount()
        : caller === 'must_change'
          ? await t.createAccount({ mustChangePassword: true, systemRoles: ['security_admin'] })
          : await t.createAccount({ systemRoles: [caller] });
    callers.set(caller, account);
    return account;
  }
  async function cookieFor(caller: Caller): Promise<string | undefined> {
    if (caller === 'anonymous') return undefined;
    const known = cookies.get(caller);
    if (known !== undefined) return known;
    const cookie = await t.signIn(await callerAccount(caller));
    cookies.set(caller, cookie);
    return cookie;
  }

  it('covers every platform route in the OpenAPI document', async () => {
    const doc = (await (await t.app()).inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const platform: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if ((op.tags ?? []).some((tag) => PLATFORM_TAGS.has(tag))) platform.push(`${method.toUpperCase()} ${path}`);
      }
    }
    const covered = new Set([...ROUTES.map((r) => `${r.method} ${r.path}`), ...COVERED_ELSEWHERE]);
    expect(platform.filter((route) => !covered.has(route))).toEqual([]);
    expect(platform.length).toBeGreaterThanOrEqual(ROUTES.length);
  });

  for (const route of ROUTES) {
    it(`${route.method} ${route.path}: allows ${route.allowed.join(', ')}; refuses the others`, async () => {
      const app = await t.app();
      for (const caller of CALLERS) {
        const cookie = await cookieFor(caller);
        // A fresh target account for a route that acts on one (or whose payload names it).
        const needsTarget = route.url.includes(':target') || (route.payload !== undefined && route.payload.length > 0);
        const targetId = needsTarget ? (await t.createAccount({ password: strongPassword() })).id : '';
        const response = await app.inject({
          method: route.method,
          url: route.url.replace(':target', targetId),
          headers: cookie === undefined ? {} : { cookie },
          ...(route.payload === undefined ? {} : { payload: route.payload({ targetId }) as object }),
        });
        // Signing out ends the caller's session: the next route signs it in again.
        if (route.path === '/api/auth/sign-out') cookies.delete(caller);
        const allowed = route.allowed.includes(caller);
        const label = `${caller} → ${route.method} ${route.path}: ${response.statusCode} ${response.body.slice(0, 200)}`;
        if (allowed) {
          expect([401, 403], label).not.toContain(response.statusCode);
          expect(response.statusCode, label).toBeLessThan(300);
        } else {
          const expected = caller === 'anonymous' ? 401 : 403;
          expect(response.statusCode, label).toBe(expected);
          const code = (response.json() as { error: { code: string } }).error.code;
          expect(code, label).toBe(
            caller === 'anonymous' ? 'unauthenticated' : caller === 'must_change' ? 'password_change_required' : 'forbidden',
          );
        }
      }
    });
  }
});

describe('policy matrix (body-scoped actions)', () => {
  const BODY = 'body-1';
  const OTHER_BODY = 'body-2';
  const UNIT_A = 'unit-a';
  const UNIT_B = 'unit-b';

  function actorWith(grants: Record<string, BodyRoleGrant[]>, systemRoles: SystemRole[] = []): Actor {
    return {
      accountId: 'acc',
      username: 'acc',
      displayName: '测试',
      systemRoles,
      personId: null,
      mustChangePassword: false,
      sessionId: null,
      bodyRoles: async (bodyId) => grants[bodyId] ?? [],
    };
  }

  const bodyActionNames = ACTION_NAMES.filter((name) => actions[name].scope === 'body');

  /** Who may do each action, by body role: in the whole body, for their own unit only, or not at all (absent). */
  type ScopesByRole = Record<string, Partial<Record<(typeof BODY_ROLES)[number], 'body' | 'own_unit'>>>;

  /**
   * Each action for every body role: allowed on the body and on another unit only with scope 'body', on
   * the actor's own unit with any scope (and, with `otherBody`, never on a unit of another body); no
   * administrator does it by their system role.
   */
  async function expectScopes(expected: ScopesByRole, options: { otherBody?: boolean } = {}): Promise<void> {
    for (const [action, allowed] of Object.entries(expected)) {
      expect(ACTION_NAMES).toContain(action);
      for (const role of BODY_ROLES) {
        const unitId = role === 'member' || role === 'liaison' ? UNIT_A : null;
        const actor = actorWith({ [BODY]: [{ role, unitId }] });
        const scope = allowed[role];
        const name = action as ActionName;
        expect((await decide(actor, name, bodyResource(BODY))).allowed, `${role} ${action} body`).toBe(scope === 'body');
        expect((await decide(actor, name, bodyResource(BODY, UNIT_A))).allowed, `${role} ${action} own unit`).toBe(scope !== undefined);
        expect((await decide(actor, name, bodyResource(BODY, UNIT_B))).allowed, `${role} ${action} other unit`).toBe(scope === 'body');
        if (options.otherBody === true) {
          expect((await decide(actor, name, bodyResource(OTHER_BODY, UNIT_A))).allowed, `${role} ${action} other body`).toBe(false);
        }
      }
      for (const systemRole of ['system_admin', 'security_admin', 'audit_admin'] as SystemRole[]) {
        expect((await decide(actorWith({}, [systemRole]), action as ActionName, bodyResource(BODY))).allowed, `${systemRole} ${action}`).toBe(false);
      }
    }
  }

  it('declares body-scoped actions', () => {
    expect(bodyActionNames.length).toBeGreaterThan(0);
  });

  for (const role of BODY_ROLES) {
    it(`${role}: allowed exactly where declared, never in another body`, async () => {
      const unitId = role === 'member' || role === 'liaison' ? UNIT_A : null;
      const actor = actorWith({ [BODY]: [{ role, unitId }] });
      for (const action of bodyActionNames) {
        const rule: ActionRule = actions[action as ActionName];
        const bodyWide = rule.bodyRoles?.includes(role) === true;
        const ownUnit = rule.unitBodyRoles?.includes(role) === true && unitId !== null;
        expect((await decide(actor, action, bodyResource(BODY))).allowed, `${role} ${action} body`).toBe(bodyWide);
        expect((await decide(actor, action, bodyResource(BODY, UNIT_A))).allowed, `${role} ${action} own unit`).toBe(
          bodyWide || ownUnit,
        );
        expect((await decide(actor, action, bodyResource(BODY, UNIT_B))).allowed, `${role} ${action} other unit`).toBe(bodyWide);
        expect((await decide(actor, action, bodyResource(OTHER_BODY))).allowed, `${role} ${action} other body`).toBe(false);
        expect((await decide(actor, action, bodyResource(OTHER_BODY, UNIT_A))).allowed).toBe(false);
      }
    });
  }

  it('a liaison of one unit cannot change another unit’s records', async () => {
    const liaison = actorWith({ [BODY]: [{ role: 'liaison', unitId: UNIT_A }] });
    expect((await decide(liaison, 'unit.update', bodyResource(BODY, UNIT_A))).allowed).toBe(true);
    expect(await decide(liaison, 'unit.update', bodyResource(BODY, UNIT_B))).toMatchObject({ allowed: false, code: 'forbidden' });
  });

  it('nobody outside a body reads it, not even the administrators', async () => {
    for (const systemRoles of [[], ['system_admin'], ['security_admin'], ['audit_admin']] as SystemRole[][]) {
      const outsider = actorWith({ [OTHER_BODY]: [{ role: 'office_staff', unitId: null }] }, systemRoles);
      for (const action of bodyActionNames) {
        const rule: ActionRule = actions[action];
        if (rule.systemRoles?.some((r) => systemRoles.includes(r))) continue;
        expect((await decide(outsider, action, bodyResource(BODY))).allowed, `${systemRoles.join()} ${action}`).toBe(false);
      }
    }
  });

  it('meetings: the office runs them; liaisons and members propose for their own unit; conveners decide; viewers read', async () => {
    const expected: ScopesByRole = {
      'meeting.read': { office_staff: 'body', convener: 'body', deputy_convener: 'body', member: 'body', liaison: 'body', viewer: 'body' },
      'meeting.manage': { office_staff: 'body' },
      'meeting.delegate': { convener: 'body' },
      'meeting.issue_notice': { office_staff: 'body', convener: 'body', deputy_convener: 'body' },
      'agenda.propose': { office_staff: 'body', liaison: 'own_unit', member: 'own_unit' },
      'agenda.decide': { office_staff: 'body', convener: 'body', deputy_convener: 'body' },
      'material.attach': { office_staff: 'body', liaison: 'own_unit' },
      'observer.decide': { office_staff: 'body', convener: 'body', deputy_convener: 'body' },
      'minutes.read': { office_staff: 'body', convener: 'body', deputy_convener: 'body', member: 'body', liaison: 'body', viewer: 'body' },
      'minutes.draft': { office_staff: 'body' },
      'minutes.sign_off': { office_staff: 'body', convener: 'body', deputy_convener: 'body' },
      'minutes.issue': { office_staff: 'body' },
    };
    // No administrator acts inside a body's meetings by their system role.
    await expectScopes(expected);
  });

  it('decisions: everyone inside reads; assigned units report for their own unit; the office supervises', async () => {
    const expected: ScopesByRole = {
      'decision.read': { office_staff: 'body', convener: 'body', deputy_convener: 'body', member: 'body', liaison: 'body', viewer: 'body' },
      'decision.report': { office_staff: 'body', liaison: 'own_unit', member: 'own_unit' },
      'decision.request_extension': { office_staff: 'body', liaison: 'own_unit', member: 'own_unit' },
      'decision.supervise': { office_staff: 'body' },
      'circular.read': { office_staff: 'body', convener: 'body', deputy_convener: 'body', member: 'body', liaison: 'body', viewer: 'body' },
      'circular.create': { office_staff: 'body' },
      'notification_settings.manage': { office_staff: 'body' },
      'delivery.read': { office_staff: 'body' },
      'delivery.retry': { office_staff: 'body' },
    };
    await expectScopes(expected);
  });

  it('incoming documents: everyone inside reads; the office registers and closes; the convener or the office assigns; the lead unit replies for itself', async () => {
    const expected: ScopesByRole = {
      'incoming_document.read': { office_staff: 'body', convener: 'body', deputy_convener: 'body', member: 'body', liaison: 'body', viewer: 'body' },
      'incoming_document.register': { office_staff: 'body' },
      'incoming_document.assign': { office_staff: 'body', convener: 'body', deputy_convener: 'body' },
      'incoming_document.reply': { office_staff: 'body', liaison: 'own_unit', member: 'own_unit' },
      'incoming_document.close': { office_staff: 'body' },
    };
    // No administrator handles a body's incoming documents by their system role.
    await expectScopes(expected, { otherBody: true });
  });

  it('outgoing documents and bulletins: everyone inside reads; the acting roles draft and take chain steps (the charter gate decides who); the office compiles bulletins and sets prefixes', async () => {
    const inside = { office_staff: 'body', convener: 'body', deputy_convener: 'body', member: 'body', liaison: 'body', viewer: 'body' } as const;
    const acting = { office_staff: 'body', convener: 'body', deputy_convener: 'body', member: 'body', liaison: 'body' } as const;
    const expected: ScopesByRole = {
      'outgoing_document.read': inside,
      'outgoing_document.create': acting,
      'outgoing_document.submit': acting,
      'outgoing_document.review': acting,
      'outgoing_document.sign': acting,
      'document_register.read': inside,
      'document_register.manage': { office_staff: 'body' },
      'bulletin.read': inside,
      'bulletin.compile': { office_staff: 'body' },
      'document.bulletin': inside,
    };
    // No administrator issues a body's documents by their system role.
    await expectScopes(expected, { otherBody: true });
  });

  it('memberships: units propose for their own unit only; the office and the convener confirm; only the office records directly', async () => {
    const expected: ScopesByRole = {
      'membership.read': { office_staff: 'body', convener: 'body', deputy_convener: 'body', member: 'body', liaison: 'body', viewer: 'body' },
      'membership.manage': { office_staff: 'body' },
      'membership.propose': { office_staff: 'body', liaison: 'own_unit', member: 'own_unit' },
      'membership.confirm': { office_staff: 'body', convener: 'body' },
      // Issue 15: the office's person picker for a post (GET /api/bodies/{bodyId}/person-choices).
      'person.find': { office_staff: 'body' },
      'group.read': { office_staff: 'body', convener: 'body', deputy_convener: 'body', member: 'body', liaison: 'body', viewer: 'body' },
      'group.manage': { office_staff: 'body' },
    };
    // No administrator changes a body's memberships or groups by their system role.
    await expectScopes(expected, { otherBody: true });
    // A liaison no longer changes its own unit's memberships directly: it proposes.
    const liaison = actorWith({ [BODY]: [{ role: 'liaison', unitId: UNIT_A }] });
    expect(await decide(liaison, 'membership.manage', bodyResource(BODY, UNIT_A))).toMatchObject({ allowed: false, code: 'forbidden' });
    expect((await decide(liaison, 'membership.propose', bodyResource(BODY, UNIT_A))).allowed).toBe(true);
    expect((await decide(liaison, 'membership.confirm', bodyResource(BODY, UNIT_A))).allowed).toBe(false);
  });

  it('change notices: only the office previews and applies an adjustment or abolition notice to its body', async () => {
    await expectScopes({ 'change_notice.apply': { office_staff: 'body' } }, { otherBody: true });
  });

  it('information reports and the annual cycle: units submit for their own unit; the office reviews, sets defaults and runs the year; leaders read compliance', async () => {
    await expectScopes(
      {
        'info_report.submit': { office_staff: 'body', member: 'own_unit', liaison: 'own_unit' },
        'info_report.read_own': { office_staff: 'body', convener: 'body', deputy_convener: 'body', member: 'own_unit', liaison: 'own_unit' },
        'info_report.review': { office_staff: 'body' },
        'info_report.compliance': { office_staff: 'body', convener: 'body', deputy_convener: 'body' },
        'info_report_settings.manage': { office_staff: 'body' },
        'annual_cycle.read': { office_staff: 'body', convener: 'body', deputy_convener: 'body', member: 'body', liaison: 'body', viewer: 'body' },
        'annual_cycle.manage': { office_staff: 'body' },
        'annual_task.submit': { office_staff: 'body', member: 'own_unit', liaison: 'own_unit' },
      },
      { otherBody: true },
    );
  });

  it('refuses everything but the password change while it is required', async () => {
    const actor = { ...actorWith({ [BODY]: [{ role: 'office_staff', unitId: null }] }), mustChangePassword: true };
    expect(await decide(actor, 'body.read', bodyResource(BODY))).toMatchObject({ allowed: false, code: 'password_change_required' });
    expect((await decide(actor, 'session.change_password')).allowed).toBe(true);
  });
});
