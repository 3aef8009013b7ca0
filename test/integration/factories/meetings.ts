/**
 * Scenario steps of the meetings part, shared by the meeting tests and the per-seed scenarios
 * (seed-00X.test.ts here, seed-00X-decisions.test.ts of the decisions part): publish a body (a real
 * seed text or a synthetic one), sign in its office and the people holding its roles, and drive
 * meetings and minutes through HTTP. Users signed in through a scenario are signed in again when
 * the clock moves (sessions expire), so steps can move the clock freely.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { TestAccount, TestContext } from '../harness.ts';
import type { LianxiApp } from '../../../src/server/app.ts';
import { publishTestBody } from './bodies.ts';
import type { GrantableBodyRole } from '../../../src/policy/roles.ts';
import type { GroupResponse } from '../../../src/contracts/groups.ts';
import type { InviteeResponse } from '../../../src/contracts/meetings.ts';

export const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/seeds');

/** The text of a seed document, byte for byte. `prefix` is the file's leading number: '000' … '004'. */
export function seedText(prefix: string): string {
  const file = fs.readdirSync(SEEDS_DIR).find((name) => name.startsWith(`${prefix}_`) && name.endsWith('.txt'));
  if (file === undefined) throw new Error(`no seed ${prefix}`);
  return fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8');
}

export interface ScenarioUser {
  account: TestAccount;
  cookie: string;
  label: string;
}

export interface Membership {
  id: string;
  roleKind: 'convener' | 'deputy_convener' | 'member' | 'liaison';
  title: string;
  unitId: string | null;
  unitName: string | null;
  personId: string | null;
  personName: string | null;
  position: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface BodyUnit {
  unitId: string;
  name: string;
  lead: boolean;
}

export type Invitee = InviteeResponse;

export interface AgendaItem {
  id: string;
  title: string;
  status: string;
  proposedByUnitId: string | null;
  decidedAs: string | null;
  decisionReason: string | null;
  materials: { id: string; name: string; circulatedAt: string | null; sizeBytes: number; sha256: string }[];
}

export interface Meeting {
  id: string;
  kind: string;
  kindName: string;
  title: string;
  status: string;
  statusReason: string | null;
  startsAt: string;
  icsSequence: number;
  preMeetingOf: string | null;
  presider: { membershipId: string; personName: string | null; roleKind: string; title: string } | null;
  delegations: { fromMembershipId: string; toMembershipId: string }[];
  agenda: AgendaItem[];
  invitees: Invitee[];
  attendance: { unitId: string; status: string; substituteName: string | null; opinion: string | null; leaveReason: string | null }[];
  findings: { severity: string; code: string; message: string; unitId?: string; clause?: { clause: string | null; text: string } }[];
  minutes: { id: string; status: string; year: number | null; number: number | null }[];
}

export interface DecidedItem {
  text: string;
  leadUnitId: string;
  coUnitIds: string[];
  deadline: { kind: 'date'; date: string } | { kind: 'working_days'; days: number } | { kind: 'charter_default' };
}

export interface Minutes {
  id: string;
  meetingId: string;
  status: string;
  title: string;
  proceedings: string;
  decidedItems: DecidedItem[];
  signedOffAs: string | null;
  year: number | null;
  number: number | null;
  issuedOn: string | null;
  distribution: { memberUnits: { unitId: string; name: string }[]; reportCopyTo: string[]; copyTo: string[] } | null;
  decisionIds: string[];
  correctsMinutesId: string | null;
  correctedBy: string[];
  attendance: {
    attended: { unitName: string; personName: string | null; substitute: boolean }[];
    liaisonsWithOpinion: { unitName: string; opinion: string }[];
    absentWithLeave: { unitName: string; reason: string }[];
    absent: { unitName: string }[];
  };
  observers: { name: string }[];
  version: number;
}

export interface ApiError {
  error: {
    code: string;
    status: number;
    message: string;
    field?: string;
    clause?: { document: string | null; clause: string | null; text: string };
    details?: Record<string, unknown>;
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** An instant `days` days (and `hours` hours) after `from`, as ISO text. */
export function isoAfter(from: Date, days: number, hours = 0): string {
  return new Date(from.getTime() + days * 86_400_000 + hours * 3_600_000).toISOString();
}

/** A body under test with its office and the people signed in for it. */
export class MeetingScenario {
  readonly users: ScenarioUser[] = [];

  private constructor(
    readonly t: TestContext,
    readonly app: LianxiApp,
    readonly bodyId: string,
    readonly bodyName: string,
    readonly office: ScenarioUser,
  ) {}

  /**
   * Publishes a founding text (a seed's real text, or a synthetic one) with the clock set to `now`
   * and signs in an office staff account of the new body.
   */
  static async publish(t: TestContext, options: { text?: string; now: Date }): Promise<MeetingScenario> {
    t.clock.set(options.now);
    const app = await t.app();
    const body = await publishTestBody(t, options.text === undefined ? {} : { text: options.text });
    const account = await t.createAccount({ bodyGrants: [{ bodyId: body.id, role: 'office_staff' }], displayName: '办公室工作人员' });
    const office: ScenarioUser = { account, cookie: await t.signIn(account), label: 'office' };
    const scenario = new MeetingScenario(t, app, body.id, body.name, office);
    scenario.users.push(office);
    return scenario;
  }

  /** Publishes the seed document `prefix` ('000' … '004'). */
  static async seed(t: TestContext, prefix: string, now: Date): Promise<MeetingScenario> {
    return MeetingScenario.publish(t, { text: seedText(prefix), now });
  }

  /** Moves the clock and signs every scenario user in again (their sessions would have expired). */
  /**
   * Seed 004 (协调小组) on 2021-03-01: its 组长 post held by 组长甲 since 2021-02-01 and signed in, and
   * the member units `unitNames` the charter does not list, recorded by the office (a re-import of the
   * same text with corrections) from 2021-03-01; the units in the order the body lists them.
   */
  static async seed004WithUnits(t: TestContext, unitNames: string[]): Promise<{ s: MeetingScenario; leader: { user: ScenarioUser; membership: Membership }; units: BodyUnit[] }> {
    const s = await MeetingScenario.seed(t, '004', new Date('2021-03-01T01:00:00Z'));
    const roster = await s.memberships('?at=2021-03-01');
    const leaderPost = roster.find((m) => m.roleKind === 'convener');
    if (!leaderPost) throw new Error('组长 missing');
    const leader = await s.holderUser(leaderPost, { date: '2021-02-01', personName: '组长甲', label: 'leader' });
    await s.call(s.office, 'POST', `${s.base}/charter-versions`, {
      text: seedText('004'),
      corrections: { memberUnits: { add: unitNames.map((name) => ({ name })) } },
      effectiveDate: '2021-03-01',
    }, 201);
    return { s, leader, units: await s.units('2021-03-01') };
  }

  async moveClock(to: Date): Promise<void> {
    this.t.clock.set(to);
    for (const user of this.users) user.cookie = await this.t.signIn(user.account);
  }

  /** An account linked to a person (their memberships give its body roles), signed in. */
  async personUser(personId: string, label: string): Promise<ScenarioUser> {
    const account = await this.t.createAccount({ personId, displayName: label });
    const user: ScenarioUser = { account, cookie: await this.t.signIn(account), label };
    this.users.push(user);
    return user;
  }

  /** An account with a direct grant (office staff, viewer) in this body, signed in. */
  async grantUser(role: GrantableBodyRole, label: string): Promise<ScenarioUser> {
    const account = await this.t.createAccount({ bodyGrants: [{ bodyId: this.bodyId, role }], displayName: label });
    const user: ScenarioUser = { account, cookie: await this.t.signIn(account), label };
    this.users.push(user);
    return user;
  }

  /** A raw request as `user`. */
  async request(user: ScenarioUser | null, method: Method, url: string, payload?: unknown) {
    return this.app.inject({
      method,
      url,
      headers: user === null ? {} : { cookie: user.cookie },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }

  /** A request that must answer `status` (default 200); returns the JSON body. */
  async call<T>(user: ScenarioUser, method: Method, url: string, payload?: unknown, status = 200): Promise<T> {
    const res = await this.request(user, method, url, payload);
    expect(res.statusCode, `${user.label} ${method} ${url}: ${res.body.slice(0, 600)}`).toBe(status);
    return res.json<T>();
  }

  /** A request that must be refused with `status` and `code`; returns the error body. */
  async refused(user: ScenarioUser, method: Method, url: string, payload: unknown, status: number, code: string): Promise<ApiError['error']> {
    const res = await this.request(user, method, url, payload);
    expect(res.statusCode, `${user.label} ${method} ${url}: ${res.body.slice(0, 600)}`).toBe(status);
    const error = res.json<ApiError>().error;
    expect(error.code, res.body).toBe(code);
    return error;
  }

  get base(): string {
    return `/api/bodies/${this.bodyId}`;
  }

  meetingUrl(meetingId: string, rest = ''): string {
    return `${this.base}/meetings/${meetingId}${rest}`;
  }

  // Directory

  async memberships(query = ''): Promise<Membership[]> {
    return (await this.call<{ items: Membership[] }>(this.office, 'GET', `${this.base}/memberships${query}`)).items;
  }

  /** The body's groups (categories, thematic groups…) with their lead and member units and leaders, as the office sees them. */
  async groups(): Promise<GroupResponse[]> {
    return (await this.call<{ items: GroupResponse[] }>(this.office, 'GET', `${this.base}/groups`)).items;
  }

  async units(at: string): Promise<BodyUnit[]> {
    return (await this.call<{ items: BodyUnit[] }>(this.office, 'GET', `${this.base}/units?at=${at}`)).items;
  }

  async unitByName(name: string, at: string): Promise<BodyUnit> {
    const unit = (await this.units(at)).find((u) => u.name === name);
    if (!unit) throw new Error(`no member unit ${name} on ${at}`);
    return unit;
  }

  /** Names the holder of a post from `date` on (a vacancy or a change of person): the successor membership. */
  async changeHolder(membershipId: string, date: string, personName: string, position?: string): Promise<Membership> {
    const res = await this.call<{ started: Membership }>(this.office, 'POST', `${this.base}/memberships/${membershipId}/change`, {
      date,
      personName,
      ...(position === undefined ? {} : { position }),
    });
    return res.started;
  }

  /** Starts a membership (e.g. a unit's liaison). */
  async startMembership(input: { roleKind: Membership['roleKind']; title: string; unitId: string | null; personName: string; validFrom: string; position?: string }): Promise<Membership> {
    return this.call<Membership>(this.office, 'POST', `${this.base}/memberships`, { position: null, ...input }, 201);
  }

  /** The holder of a post signed in: names a person first when the post is vacant. */
  async holderUser(membership: Membership, options: { date: string; personName: string; label: string }): Promise<{ user: ScenarioUser; membership: Membership }> {
    const held = membership.personId === null ? await this.changeHolder(membership.id, options.date, options.personName) : membership;
    if (held.personId === null) throw new Error('membership has no person');
    return { user: await this.personUser(held.personId, options.label), membership: held };
  }

  // Meetings

  async createMeeting(input: { kind: string; title: string; startsAt: string; endsAt?: string; location?: string; groupId?: string; preMeetingOf?: string }): Promise<Meeting> {
    return this.call<Meeting>(this.office, 'POST', `${this.base}/meetings`, input, 201);
  }

  async getMeeting(meetingId: string, user: ScenarioUser = this.office): Promise<Meeting> {
    return this.call<Meeting>(user, 'GET', this.meetingUrl(meetingId));
  }

  async schedule(meetingId: string, payload: Record<string, unknown> = {}): Promise<Meeting> {
    return this.call<Meeting>(this.office, 'POST', this.meetingUrl(meetingId, '/schedule'), payload);
  }

  async delegate(convener: ScenarioUser, meetingId: string, toMembershipId: string): Promise<Meeting> {
    return this.call<Meeting>(convener, 'POST', this.meetingUrl(meetingId, '/delegations'), { toMembershipId });
  }

  async setPresider(meetingId: string, membershipId: string): Promise<Meeting> {
    return this.call<Meeting>(this.office, 'PUT', this.meetingUrl(meetingId, '/presider'), { membershipId });
  }

  async proposeItem(user: ScenarioUser, meetingId: string, input: { title: string; unitId?: string; description?: string }): Promise<AgendaItem> {
    return this.call<AgendaItem>(user, 'POST', this.meetingUrl(meetingId, '/agenda-items'), input, 201);
  }

  async decideItem(user: ScenarioUser, meetingId: string, itemId: string, approve: boolean, reason?: string): Promise<AgendaItem> {
    return this.call<AgendaItem>(user, 'POST', this.meetingUrl(meetingId, `/agenda-items/${itemId}/decision`), { approve, ...(reason === undefined ? {} : { reason }) });
  }

  async attachText(user: ScenarioUser, meetingId: string, itemId: string, name: string, text: string): Promise<{ id: string; sizeBytes: number; sha256: string }> {
    return this.call(user, 'POST', this.meetingUrl(meetingId, `/agenda-items/${itemId}/materials`), { name, contentType: 'text/plain', text }, 201);
  }

  async circulate(meetingId: string): Promise<Meeting> {
    return this.call<Meeting>(this.office, 'POST', this.meetingUrl(meetingId, '/materials/circulate'));
  }

  async markHeld(meetingId: string): Promise<Meeting> {
    return this.call<Meeting>(this.office, 'POST', this.meetingUrl(meetingId, '/held'));
  }

  async recordAttendance(meetingId: string, entries: Record<string, unknown>[]): Promise<Meeting> {
    return this.call<Meeting>(this.office, 'PUT', this.meetingUrl(meetingId, '/attendance'), { entries });
  }

  /** Everyone invited as a member unit attended (the default record before exceptions). */
  async allAttended(meetingId: string): Promise<Meeting> {
    const meeting = await this.getMeeting(meetingId);
    const units = [...new Set(meeting.invitees.filter((i) => i.kind === 'member' && i.unitId !== null && i.roleKind !== 'convener' && i.roleKind !== 'deputy_convener').map((i) => i.unitId as string))];
    if (units.length === 0) return meeting;
    return this.recordAttendance(meetingId, units.map((unitId) => ({ unitId, status: 'attended' })));
  }

  // Minutes

  async draftMinutes(meetingId: string, input: { proceedings: string; decidedItems?: DecidedItem[]; title?: string }): Promise<Minutes> {
    return this.call<Minutes>(this.office, 'POST', this.meetingUrl(meetingId, '/minutes'), input, 201);
  }

  async signOff(user: ScenarioUser, minutesId: string): Promise<Minutes> {
    return this.call<Minutes>(user, 'POST', `${this.base}/minutes/${minutesId}/sign-off`);
  }

  async issue(minutesId: string): Promise<Minutes> {
    return this.call<Minutes>(this.office, 'POST', `${this.base}/minutes/${minutesId}/issue`);
  }

  async getMinutes(minutesId: string): Promise<Minutes> {
    return this.call<Minutes>(this.office, 'GET', `${this.base}/minutes/${minutesId}`);
  }

  /**
   * A meeting from creation to held: created and scheduled at `startsAt`, the presider set (after
   * `beforeHeld`, e.g. a delegation), the clock moved past the start and the meeting marked held.
   */
  async heldMeeting(options: {
    kind: string;
    title: string;
    startsAt: string;
    presiderMembershipId: string;
    groupId?: string;
    beforeHeld?: (meeting: Meeting) => Promise<void>;
  }): Promise<Meeting> {
    const created = await this.createMeeting({
      kind: options.kind,
      title: options.title,
      startsAt: options.startsAt,
      ...(options.groupId === undefined ? {} : { groupId: options.groupId }),
    });
    await this.schedule(created.id);
    if (options.beforeHeld) await options.beforeHeld(created);
    await this.setPresider(created.id, options.presiderMembershipId);
    await this.moveClock(new Date(new Date(options.startsAt).getTime() + 3 * 3_600_000));
    return this.markHeld(created.id);
  }
}
