/** Accounts (security administrator), settings (system administrator) and health (public). */
import { sql } from 'drizzle-orm';
import {
  accountPageSchema,
  accountParamsSchema,
  accountSchema,
  accountWithPasswordSchema,
  createAccountRequestSchema,
  exportAccountsQuerySchema,
  linkPersonRequestSchema,
  listAccountsQuerySchema,
  roleChangeSchema,
} from '../../contracts/accounts.ts';
import { z } from 'zod';
import { errorResponses } from '../../contracts/common.ts';
import { healthResponseSchema } from '../../contracts/health.ts';
import { outboundAllowListDtoSchema, securitySettingsDtoSchema } from '../../contracts/settings.ts';
import { authorize, authorizeActor } from '../../policy/policy.ts';
import {
  activateAdministrator,
  disableAccount,
  enableAccount,
  linkPerson,
  resetPassword,
  unlockAccount,
} from '../../services/accounts/account-changes.ts';
import { grantRole, revokeRole } from '../../services/accounts/account-roles.ts';
import { getAccountView, listAccountViews } from '../../services/accounts/account-views.ts';
import { createAccount } from '../../services/accounts/create-account.ts';
import { exportAccounts } from '../../services/accounts/accounts-export.ts';
import { attachmentDisposition } from '../content-disposition.ts';
import { getSecurityPolicy, updateSecurityPolicy } from '../../services/accounts/security-policy.ts';
import { resetSecondFactor } from '../../services/accounts/second-factor.ts';
import { securityPolicyDtoSchema } from '../../contracts/security-policy.ts';
import { getSecuritySettings, updateSecuritySettings } from '../../services/settings-service.ts';
import { getOutboundAllowList, updateOutboundAllowList } from '../../services/outbound-allow-list.ts';
import type { RouteModule } from '../app-types.ts';
import { auditOrigin } from '../request-context.ts';

export const adminRoutes: RouteModule = async (app, deps) => {
  const { db, config, clock } = deps;

  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: '服务状态', response: { 200: healthResponseSchema, ...errorResponses } } },
    async (request) => {
      await authorize(request.actor, 'health.read');
      await db.execute(sql`select 1`);
      return { status: 'ok' as const, time: clock.now().toISOString() };
    },
  );

  app.get(
    '/api/security-policy',
    { schema: { tags: ['system'], summary: '查看安全策略：密码、并发会话、动态口令（安全管理员）', response: { 200: securityPolicyDtoSchema, ...errorResponses } } },
    async (request) => {
      await authorize(request.actor, 'security_policy.read');
      return getSecurityPolicy(db, { config });
    },
  );

  app.put(
    '/api/security-policy',
    {
      schema: {
        tags: ['system'],
        summary: '修改安全策略：密码复杂度、常用密码、有效期、历史，并发会话上限，动态口令范围（安全管理员）',
        body: securityPolicyDtoSchema,
        response: { 200: securityPolicyDtoSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'security_policy.update');
      return updateSecurityPolicy(db, { config, policy: request.body, origin: auditOrigin(request, deps) });
    },
  );

  app.get(
    '/api/settings',
    {
      schema: { tags: ['system'], summary: '查看安全设置', response: { 200: securitySettingsDtoSchema, ...errorResponses } },
    },
    async (request) => {
      await authorize(request.actor, 'settings.read');
      return getSecuritySettings(db, { config });
    },
  );

  app.put(
    '/api/settings',
    {
      schema: {
        tags: ['system'],
        summary: '修改安全设置（会话超时、密码策略、锁定）',
        body: securitySettingsDtoSchema,
        response: { 200: securitySettingsDtoSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'settings.update');
      return updateSecuritySettings(db, { config, settings: request.body, origin: auditOrigin(request, deps) });
    },
  );

  app.get(
    '/api/settings/outbound-allow-list',
    {
      schema: {
        tags: ['system'],
        summary: '外发白名单（允许 Webhook、邮件发往的内网目标）',
        response: { 200: outboundAllowListDtoSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'settings.read');
      return getOutboundAllowList(db);
    },
  );

  app.put(
    '/api/settings/outbound-allow-list',
    {
      schema: {
        tags: ['system'],
        summary: '修改外发白名单（主机名或地址段；记入审计）',
        body: outboundAllowListDtoSchema,
        response: { 200: outboundAllowListDtoSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'settings.update');
      return updateOutboundAllowList(db, { allowed: request.body.allowed, origin: auditOrigin(request, deps) });
    },
  );

  app.get(
    '/api/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: '账号列表',
        querystring: listAccountsQuerySchema,
        response: { 200: accountPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'account.list');
      const page = await listAccountViews(db, {
        afterUsername: request.query.cursor,
        limit: request.query.limit,
        search: request.query.search,
        now: clock.now(),
      });
      return { items: page.items, total: page.total, nextCursor: page.nextAfter };
    },
  );

  app.get(
    '/api/accounts/export',
    {
      schema: {
        tags: ['accounts'],
        summary: '导出账号列表（XLSX 或 CSV，筛选条件同列表；导出本身记入审计）',
        querystring: exportAccountsQuerySchema,
        response: { 200: z.any().describe('XLSX 文件或 CSV（UTF-8，带 BOM）'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'account.list');
      const { search, format } = request.query;
      const origin = auditOrigin(request, deps);
      const file = await exportAccounts(db, { search, format, origin });
      const stamp = origin.at.toISOString().slice(0, 10).replaceAll('-', '');
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentDisposition(`账号列表-${stamp}.${format}`, `accounts-${stamp}.${format}`))
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );

  app.get(
    '/api/accounts/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: '查看账号',
        params: accountParamsSchema,
        response: { 200: accountSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'account.read');
      return getAccountView(db, { accountId: request.params.id, now: clock.now() });
    },
  );

  app.post(
    '/api/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: '创建账号（未给密码时生成一次性密码）',
        body: createAccountRequestSchema,
        response: { 201: accountWithPasswordSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      await authorize(request.actor, 'account.create');
      const created = await createAccount(db, {
        config,
        clock,
        username: request.body.username,
        displayName: request.body.displayName,
        password: request.body.password,
        systemRoles: request.body.systemRoles,
        personId: request.body.personId ?? null,
        origin: auditOrigin(request, deps),
        activationRequired: true,
      });
      reply.code(201);
      return {
        account: await getAccountView(db, { accountId: created.account.id, now: clock.now() }),
        oneTimePassword: created.oneTimePassword,
      };
    },
  );

  app.post(
    '/api/accounts/:id/roles',
    {
      schema: {
        tags: ['accounts'],
        summary: '授予角色（系统角色或机构内角色）',
        params: accountParamsSchema,
        body: roleChangeSchema,
        response: { 200: accountSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'account.grant_role');
      await grantRole(db, { clock, accountId: request.params.id, change: request.body, origin: auditOrigin(request, deps) });
      return getAccountView(db, { accountId: request.params.id, now: clock.now() });
    },
  );

  app.post(
    '/api/accounts/:id/roles/revoke',
    {
      schema: {
        tags: ['accounts'],
        summary: '撤销角色',
        params: accountParamsSchema,
        body: roleChangeSchema,
        response: { 200: accountSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'account.revoke_role');
      await revokeRole(db, { clock, accountId: request.params.id, change: request.body, origin: auditOrigin(request, deps) });
      return getAccountView(db, { accountId: request.params.id, now: clock.now() });
    },
  );

  const simpleActions = [
    { path: 'unlock', action: 'account.unlock', summary: '解锁账号', run: unlockAccount },
    { path: 'disable', action: 'account.disable', summary: '停用账号（并结束其会话）', run: disableAccount },
    { path: 'enable', action: 'account.enable', summary: '启用账号', run: enableAccount },
  ] as const;
  for (const item of simpleActions) {
    app.post(
      `/api/accounts/:id/${item.path}`,
      {
        schema: {
          tags: ['accounts'],
          summary: item.summary,
          params: accountParamsSchema,
          response: { 200: accountSchema, ...errorResponses },
        },
      },
      async (request) => {
        await authorize(request.actor, item.action);
        await item.run(db, { clock, accountId: request.params.id, origin: auditOrigin(request, deps) });
        return getAccountView(db, { accountId: request.params.id, now: clock.now() });
      },
    );
  }

  app.post(
    '/api/accounts/:id/activate',
    {
      schema: {
        tags: ['accounts'],
        summary: '激活新建或重新启用的管理员账号（须同一职责的管理员）',
        params: accountParamsSchema,
        response: { 200: accountSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await authorizeActor(request.actor, 'account.activate');
      await activateAdministrator(db, {
        clock,
        accountId: request.params.id,
        origin: auditOrigin(request, deps),
        actorRoles: actor.systemRoles,
      });
      return getAccountView(db, { accountId: request.params.id, now: clock.now() });
    },
  );

  app.post(
    '/api/accounts/:id/reset-password',
    {
      schema: {
        tags: ['accounts'],
        summary: '重置密码（生成一次性密码，须在下次登录时修改）',
        params: accountParamsSchema,
        response: { 200: accountWithPasswordSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorizeActor(request.actor, 'account.reset_password');
      const result = await resetPassword(db, { clock, accountId: request.params.id, origin: auditOrigin(request, deps) });
      return { account: await getAccountView(db, { accountId: result.account.id, now: clock.now() }), oneTimePassword: result.oneTimePassword };
    },
  );

  app.post(
    '/api/accounts/:id/second-factor/reset',
    {
      schema: {
        tags: ['accounts'],
        summary: '重置动态口令：清除密钥和恢复码，结束会话，下次登录重新绑定（安全管理员，不能对本人）',
        params: accountParamsSchema,
        response: { 200: accountSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'account.reset_second_factor');
      await resetSecondFactor(db, { clock, accountId: request.params.id, origin: auditOrigin(request, deps) });
      return getAccountView(db, { accountId: request.params.id, now: clock.now() });
    },
  );

  app.put(
    '/api/accounts/:id/person',
    {
      schema: {
        tags: ['accounts'],
        summary: '关联人员（用于机构内角色）',
        params: accountParamsSchema,
        body: linkPersonRequestSchema,
        response: { 200: accountSchema, ...errorResponses },
      },
    },
    async (request) => {
      await authorize(request.actor, 'account.grant_role');
      await linkPerson(db, { clock, accountId: request.params.id, personId: request.body.personId, origin: auditOrigin(request, deps) });
      return getAccountView(db, { accountId: request.params.id, now: clock.now() });
    },
  );
};
