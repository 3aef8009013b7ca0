/**
 * Factories of the service tier: accounts, a published body with its office, and the people holding
 * its roles, all made through the services themselves (as the routes would call them). Every call
 * makes its own body (a unique synthetic founding text from the integration factories) and users.
 */
import { randomBytes } from 'node:crypto';
import type { GrantableBodyRole, SystemRole } from '../../src/policy/roles.ts';
import { createAccount } from '../../src/services/accounts/create-account.ts';
import { grantRole } from '../../src/services/accounts/account-roles.ts';
import { publishBody } from '../../src/services/charter-service.ts';
import { getBodyDetail } from '../../src/services/body-service.ts';
import { listMemberships } from '../../src/services/membership-service.ts';
import type { MembershipItem } from '../../src/services/membership-service.ts';
import { shanghaiDateOf } from '../../src/domain/time/shanghai-date.ts';
import type { DecidedItemDraft } from '../../src/domain/meetings/meeting-types.ts';
import { createMeeting } from '../../src/services/meetings/create-meeting.ts';
import { scheduleMeeting } from '../../src/services/meetings/schedule-meeting.ts';
import { setPresider } from '../../src/services/meetings/set-presider.ts';
import { markHeld } from '../../src/services/meetings/meeting-lifecycle.ts';
import { draftMinutes } from '../../src/services/meetings/draft-minutes.ts';
import { signOffMinutes } from '../../src/services/meetings/sign-off-minutes.ts';
import { issueMinutes } from '../../src/services/meetings/issue-minutes.ts';
import { foundingText } from '../integration/factories/bodies.ts';
import type { FoundingTextOptions, RosterLine } from '../integration/factories/bodies.ts';
import type { ServiceContext } from './service-context.ts';
import { uniqueSuffix } from './service-context.ts';

export type { RosterLine };

/** A roster naming everyone who holds a post of the synthetic body (the default units). */
export const ROSTER: RosterLine[] = [
  { title: '召集人', person: '张三', position: '省人民政府副省长' },
  { title: '副召集人', person: '李四', position: '省商务厅厅长' },
  { title: '成员', person: '王五', position: '省发展改革委副主任' },
  { title: '成员', person: '赵六', position: '省财政厅副厅长' },
];

export interface ServiceAccount {
  id: string;
  username: string;
}

/** An account made by the account service (audited), with optional system roles and body grants. */
export async function account(
  s: ServiceContext,
  options: { systemRoles?: SystemRole[]; bodyGrants?: { bodyId: string; role: GrantableBodyRole }[]; personId?: string | null; displayName?: string } = {},
): Promise<ServiceAccount> {
  const username = `s${uniqueSuffix()}`;
  const origin = s.origin();
  const { account: created } = await createAccount(s.db, {
    config: s.config,
    clock: s.clock,
    username,
    displayName: options.displayName ?? `测试用户${username}`,
    password: `Pw-${randomBytes(6).toString('hex')}-Zq9`,
    systemRoles: options.systemRoles ?? [],
    personId: options.personId ?? null,
    origin,
  });
  for (const grant of options.bodyGrants ?? []) {
    await grantRole(s.db, { clock: s.clock, accountId: created.id, change: { kind: 'body', bodyId: grant.bodyId, role: grant.role }, origin });
  }
  return { id: created.id, username: created.username };
}

export interface ServiceBody {
  id: string;
  name: string;
  /** The system administrator who published it */
  admin: ServiceAccount;
  /** An office-staff account of the body */
  office: ServiceAccount;
  /** Member units on the day of publication, in charter order (the first is the lead unit) */
  units: { unitId: string; name: string; lead: boolean }[];
}

/** Publishes a synthetic founding text through the charter service and gives the body an office account. */
export async function publishTestBody(s: ServiceContext, options: FoundingTextOptions & { text?: string } = {}): Promise<ServiceBody> {
  const admin = await account(s, { systemRoles: ['system_admin'] });
  const text = options.text ?? foundingText(options).text;
  const { body } = await publishBody(s.db, { text, origin: s.origin(admin), clock: s.clock });
  const office = await account(s, { bodyGrants: [{ bodyId: body.id, role: 'office_staff' }], displayName: '办公室工作人员' });
  const detail = await getBodyDetail(s.db, { bodyId: body.id, at: shanghaiDateOf(s.clock.now()) });
  return { id: body.id, name: body.name, admin, office, units: detail.memberUnits.map((u) => ({ unitId: u.unitId, name: u.name, lead: u.lead })) };
}

/** The body's memberships holding on `at`. */
export async function membershipsOn(s: ServiceContext, bodyId: string, at: string): Promise<MembershipItem[]> {
  return listMemberships(s.db, { bodyId, at });
}

/** The membership of `roleKind` (held by `personName` when given), or a clear failure. */
export async function membershipOf(s: ServiceContext, bodyId: string, at: string, match: { roleKind: MembershipItem['roleKind']; personName?: string }): Promise<MembershipItem> {
  const found = (await membershipsOn(s, bodyId, at)).find(
    (m) => m.roleKind === match.roleKind && (match.personName === undefined || m.personName === match.personName),
  );
  if (found === undefined) throw new Error(`no ${match.roleKind} ${match.personName ?? ''} on ${at}`);
  return found;
}

/** An account linked to the person holding the membership (their roles come from it). */
export async function holderAccount(s: ServiceContext, membership: MembershipItem): Promise<ServiceAccount> {
  if (membership.personId === null) throw new Error(`membership ${membership.id} is vacant`);
  return account(s, { personId: membership.personId, displayName: membership.personName ?? '任职人员' });
}

/**
 * A meeting of the body held at `startsAt` whose minutes are issued with the decided items — the
 * whole path through the meeting services (create, schedule, presider, held, draft, sign-off by the
 * convener, issue). The clock ends one hour after the start. The body needs a named convener (ROSTER).
 */
export async function issueDecidedItems(
  s: ServiceContext,
  body: ServiceBody,
  options: { startsAt: Date; items: DecidedItemDraft[] },
): Promise<{ meetingId: string; minutesId: string; decisionIds: string[] }> {
  const day = shanghaiDateOf(options.startsAt);
  const convenerPost = await membershipOf(s, body.id, day, { roleKind: 'convener' });
  const convener = await holderAccount(s, convenerPost);
  s.clock.set(new Date(options.startsAt.getTime() - 24 * 3_600_000));
  const ids = { bodyId: body.id };
  const meeting = await createMeeting(s.db, { ...ids, input: { kind: 'plenary', title: '全体会议', startsAt: options.startsAt }, origin: s.origin(body.office) });
  await scheduleMeeting(s.db, { ...ids, meetingId: meeting.id, origin: s.origin(body.office) });
  await setPresider(s.db, { ...ids, meetingId: meeting.id, membershipId: convenerPost.id, origin: s.origin(body.office) });
  s.clock.set(new Date(options.startsAt.getTime() + 3_600_000));
  await markHeld(s.db, { ...ids, meetingId: meeting.id, origin: s.origin(body.office) });
  const draft = await draftMinutes(s.db, {
    ...ids,
    meetingId: meeting.id,
    input: { proceedings: '会议研究了有关事项。', decidedItems: options.items },
    origin: s.origin(body.office),
  });
  await signOffMinutes(s.db, { ...ids, minutesId: draft.id, origin: s.origin(convener) });
  const issued = await issueMinutes(s.db, { ...ids, minutesId: draft.id, origin: s.origin(body.office) });
  return { meetingId: meeting.id, minutesId: issued.id, decisionIds: issued.decisionIds };
}
