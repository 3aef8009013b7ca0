/**
 * Factories of the bodies part: a small synthetic founding text (written here, never a seed), a
 * published body, and accounts holding roles in it. Every call makes its own body (its name carries
 * a unique tag) and its own users.
 */
import { expect } from 'vitest';
import type { TestAccount, TestContext } from '../harness.ts';
import type { GrantableBodyRole } from '../../../src/policy/roles.ts';

const TAG_CHARS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
let tagCounter = 0;

/** A unique two-to-four character Chinese tag for a body's name. */
export function uniqueTag(): string {
  tagCounter += 1;
  let n = tagCounter * 7919 + Math.floor(Math.random() * 1_000_000);
  let tag = '';
  for (let i = 0; i < 4; i++) {
    tag += TAG_CHARS[n % TAG_CHARS.length];
    n = Math.floor(n / TAG_CHARS.length);
  }
  return tag;
}

export interface RosterLine {
  title: '召集人' | '副召集人' | '成员';
  person: string;
  position: string;
}

export interface FoundingTextOptions {
  /** Unique part of the body's name */
  tag?: string;
  /** Member units; the first is the lead unit */
  units?: string[];
  /** Issue date as written: 2023年3月1日 */
  issueDate?: string;
  /** A named roster (成员名单) appended to the rules */
  roster?: RosterLine[];
}

export const DEFAULT_UNITS = ['省商务厅', '省发展改革委', '省财政厅', '省教育厅'];

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function countWord(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n] ?? String(n);
  if (n < 20) return `十${CHINESE_DIGITS[n - 10] ?? ''}`;
  return String(n);
}

/** A founding letter of a provincial joint meeting (广东), in the shape such letters take. */
export function foundingText(options: FoundingTextOptions = {}): { text: string; name: string; tag: string } {
  const tag = options.tag ?? uniqueTag();
  const units = options.units ?? DEFAULT_UNITS;
  const lead = units[0] ?? '省商务厅';
  const name = `广东省${tag}测试工作部门间联席会议`;
  const roster =
    options.roster === undefined
      ? ''
      : [
          '',
          `${name}成员名单`,
          ...options.roster.map((line) => `${line.title}：${line.person}\u3000\u3000${line.position}`),
        ].join('\n');
  const text = `广东省人民政府办公厅关于同意建立${name}制度的函
粤办函〔2023〕7号
${lead}：
《${lead}关于建立${name}制度的请示》收悉。经省人民政府同意，现函复如下：
省人民政府同意建立${name}制度。联席会议不刻制印章，不正式行文。
附件：${name}制度
省政府办公厅
${options.issueDate ?? '2023年3月1日'}
附件
${name}制度
为加强对${tag}测试工作的组织领导，省政府同意建立${name}（以下简称联席会议）制度。
一、主要职能
统筹推进${tag}测试工作；协调解决工作中的重大问题。
二、成员单位
联席会议由${units.join('、')}等${countWord(units.length)}个部门组成，${lead}为牵头单位。
联席会议召集人由省政府分管副省长担任，副召集人由${lead}主要负责同志担任，成员由各成员单位有关负责同志担任。联席会议办公室设在${lead}，承担联席会议日常工作，办公室主任由${lead}分管负责同志兼任。联席会议设联络员，由各成员单位有关处室负责同志担任。
三、工作规则
联席会议原则上每年召开一次全体会议，由召集人或召集人委托的副召集人主持。
${roster}`;
  return { text, name, tag };
}

export interface PublishedBody {
  id: string;
  name: string;
  text: string;
  /** The system administrator who published it */
  admin: TestAccount;
  adminCookie: string;
}

/** Publishes a founding text (default: a fresh synthetic one) through POST /api/bodies. */
export async function publishTestBody(t: TestContext, options: { text?: string; admin?: TestAccount } = {}): Promise<PublishedBody> {
  const app = await t.app();
  const admin = options.admin ?? (await t.createAccount({ systemRoles: ['system_admin'] }));
  const adminCookie = await t.signIn(admin);
  const text = options.text ?? foundingText().text;
  const response = await app.inject({ method: 'POST', url: '/api/bodies', headers: { cookie: adminCookie }, payload: { text } });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json<{ body: { id: string; name: string } }>().body;
  return { id: body.id, name: body.name, text, admin, adminCookie };
}

/** An account with a direct grant in the body (office staff or viewer), signed in. */
export async function bodyUser(t: TestContext, bodyId: string, role: GrantableBodyRole): Promise<{ account: TestAccount; cookie: string }> {
  const account = await t.createAccount({ bodyGrants: [{ bodyId, role }] });
  return { account, cookie: await t.signIn(account) };
}

/** An account linked to a person (accounts.person_id), signed in. */
export async function personUser(t: TestContext, personId: string): Promise<{ account: TestAccount; cookie: string }> {
  const account = await t.createAccount({ personId });
  return { account, cookie: await t.signIn(account) };
}

/** A signed-in account with no role anywhere. */
export async function outsider(t: TestContext): Promise<{ account: TestAccount; cookie: string }> {
  const account = await t.createAccount();
  return { account, cookie: await t.signIn(account) };
}
