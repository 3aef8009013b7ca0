/**
 * Issue 15 point 3: a schema violation reads in Chinese and names the field by its label (新密码),
 * never by its key (newPassword) or in developer words ("期望 string <=100 字符"); `details.issues`
 * keeps the path for the web form. Issue 15 point 6: the idle timeout has a floor the server keeps.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldLabel, formatValidationIssues, labelFromDescription } from '../../src/server/validation-messages.ts';
import { describeDatabases } from './harness.ts';

interface ErrorBody {
  error: {
    code: string;
    message: string;
    field?: string;
    details: { location: string; issues: { field: string; path: (string | number)[]; label: string; code: string; message: string }[] };
  };
}

const DEVELOPER_WORDS = /期望|expected|string|number|undefined|<=|>=|Invalid/u;

describe('Chinese validation messages (pure)', () => {
  const schema = z.object({
    title: z.string().min(1).max(10),
    items: z.array(z.object({ deadline: z.iso.date(), note: z.string().max(5).describe('办理说明（可选）') })).max(2),
    q: z.string().describe('缺省为上海时间的今天'),
    zzzUnknown: z.number(),
  });
  const format = (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) throw new Error('expected a violation');
    return formatValidationIssues({
      issues: result.error.issues.map((issue) => ({
        instancePath: `/${issue.path.join('/')}`,
        keyword: issue.code,
        message: issue.message,
        params: { ...issue },
      })),
      schema,
      data,
      part: 'body',
    });
  };

  it('labels from the description, else the table, else a neutral word; items by their number', () => {
    expect(labelFromDescription('空闲超时（分钟）')).toBe('空闲超时');
    expect(labelFromDescription('缺省为上海时间的今天')).toBeUndefined();
    expect(labelFromDescription('ISO 8601, UTC (Z)')).toBeUndefined();
    expect(fieldLabel(schema, ['title'])).toBe('标题');
    expect(fieldLabel(schema, ['items', 1, 'note'])).toBe('第 2 项的办理说明');
    expect(fieldLabel(schema, ['q'])).toBe('搜索内容');
    expect(fieldLabel(schema, ['zzzUnknown'])).toBe('此项');
    expect(fieldLabel(schema, [])).toBe('请求内容');
  });

  it('says what is wrong in Chinese with the label, and never the key', () => {
    const issues = format({ title: 'x'.repeat(11), items: [{ deadline: '2026/3/1', note: '太长的办理说明' }] });
    const byField = Object.fromEntries(issues.map((issue) => [issue.field, issue.message]));
    expect(byField).toMatchObject({
      title: '标题不能超过 10 个字符',
      'items.0.deadline': '第 1 项的截止日期格式应为 YYYY-MM-DD',
      'items.0.note': '第 1 项的办理说明不能超过 5 个字符',
      q: '搜索内容为必填项',
      zzzUnknown: '此项为必填项',
    });
    for (const issue of issues) {
      expect(issue.message).not.toMatch(DEVELOPER_WORDS);
      expect(issue.message).not.toContain(String(issue.path.at(-1)));
    }
    expect(format({ title: '', items: [], q: 1, zzzUnknown: 'x' }).map((issue) => issue.message)).toEqual([
      '标题不能为空',
      '搜索内容应为文字',
      '此项应为数字',
    ]);
  });

  it('gives each issue in English too, for the English UI: the field in words and what is wrong', () => {
    const issues = format({ title: 'x'.repeat(11), items: [{ deadline: '2026/3/1', note: '太长的办理说明' }] });
    const byField = Object.fromEntries(issues.map((issue) => [issue.field, [issue.messageEn, issue.predicateEn]]));
    expect(byField).toMatchObject({
      title: ['Title must not exceed 10 characters', 'must not exceed 10 characters'],
      'items.0.deadline': ['Deadline of item 1 of items must be a date as YYYY-MM-DD', 'must be a date as YYYY-MM-DD'],
      q: ['Q is required', 'is required'],
    });
    for (const issue of issues) expect(issue.messageEn).not.toMatch(/[\u3400-\u9fff]/u);
  });
});

describeDatabases('Chinese validation messages through HTTP', (t) => {
  it('names the new password by its label when it is too long, and keeps the path for the form', async () => {
    const app = await t.app();
    const account = await t.createAccount();
    const cookie = await t.signIn(account);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { cookie },
      payload: { currentPassword: account.password, newPassword: 'Kt8#vq-'.repeat(40) },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json<ErrorBody>();
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('新密码不能超过 256 个字符');
    expect(error.message).not.toMatch(/newPassword|字段/u);
    expect(error.field).toBe('newPassword');
    expect(error.details.issues).toEqual([
      {
        field: 'newPassword',
        path: ['newPassword'],
        label: '新密码',
        code: 'too_big',
        message: '新密码不能超过 256 个字符',
        // Issue 15: the English UI's words, beside the Chinese default.
        labelEn: 'New password',
        predicateEn: 'must not exceed 256 characters',
        messageEn: 'New password must not exceed 256 characters',
      },
    ]);
  });

  it('says which fields are missing, and keeps the message the contract wrote', async () => {
    const app = await t.app();
    const missing = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'someone' } });
    expect(missing.json<ErrorBody>().error.message).toBe('密码为必填项');
    const account = await t.createAccount();
    const cookie = await t.signIn(account);
    const empty = await app.inject({ method: 'POST', url: '/api/auth/change-password', headers: { cookie }, payload: { currentPassword: account.password, newPassword: '' } });
    // auth.ts writes its own wording for an empty new password.
    expect(empty.json<ErrorBody>().error.message).toBe('请输入新密码');
  });

  it('refuses an idle timeout under 5 minutes with the setting named by its label', async () => {
    const app = await t.app();
    const cookie = await t.signIn(await t.createAccount({ systemRoles: ['system_admin'] }));
    const current = (await app.inject({ method: 'GET', url: '/api/settings', headers: { cookie } })).json<{ session: Record<string, number> }>();
    for (const idleMinutes of [0, 4]) {
      const res = await app.inject({ method: 'PUT', url: '/api/settings', headers: { cookie }, payload: { ...current, session: { ...current.session, idleMinutes } } });
      expect(res.statusCode).toBe(400);
      const { error } = res.json<ErrorBody>();
      expect(error.message).toBe('空闲超时不能小于 5');
      expect(error.details.issues[0]?.path).toEqual(['session', 'idleMinutes']);
    }
    const limit = await app.inject({ method: 'GET', url: '/api/accounts?limit=100000', headers: { cookie: await t.signIn(await t.createAccount({ systemRoles: ['security_admin'] })) } });
    expect(limit.json<ErrorBody>().error).toMatchObject({ field: 'limit', details: { location: 'querystring' } });
    expect(limit.json<ErrorBody>().error.message).toMatch(/^每页条数不能大于 \d+$/u);
  });
});
