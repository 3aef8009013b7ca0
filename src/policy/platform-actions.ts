import { declareActions } from './action-rule.ts';

/** Platform actions: sessions, accounts, settings, audit. */
export const platformActions = declareActions({
  'health.read': { description: '查看服务状态', scope: 'public' },
  'session.sign_in': { description: '登录', scope: 'public' },
  'session.probe': { description: '查询是否已登录（未登录时也正常应答）', scope: 'public' },
  'session.read_self': {
    description: '查看本人账号',
    scope: 'authenticated',
    allowWhilePasswordChangeRequired: true,
  },
  'session.sign_out': { description: '退出登录', scope: 'authenticated', allowWhilePasswordChangeRequired: true },
  'session.change_password': {
    description: '修改本人密码',
    scope: 'authenticated',
    allowWhilePasswordChangeRequired: true,
  },
  'account.list': { description: '查看账号列表', scope: 'system', systemRoles: ['security_admin'] },
  'account.read': { description: '查看账号', scope: 'system', systemRoles: ['security_admin'] },
  'account.create': { description: '创建账号', scope: 'system', systemRoles: ['security_admin'] },
  'account.grant_role': { description: '授予角色', scope: 'system', systemRoles: ['security_admin'] },
  'account.revoke_role': { description: '撤销角色', scope: 'system', systemRoles: ['security_admin'] },
  'account.unlock': { description: '解锁账号', scope: 'system', systemRoles: ['security_admin'] },
  'account.disable': { description: '停用账号', scope: 'system', systemRoles: ['security_admin'] },
  'account.enable': { description: '启用账号', scope: 'system', systemRoles: ['security_admin'] },
  'account.activate': {
    description: '激活新建或重新启用的管理员账号（仅限同一职责的管理员，由服务按职责核对）',
    scope: 'system',
    systemRoles: ['system_admin', 'security_admin', 'audit_admin'],
  },
  'account.reset_password': { description: '重置密码', scope: 'system', systemRoles: ['security_admin'] },
  'settings.read': { description: '查看系统设置', scope: 'system', systemRoles: ['system_admin'] },
  'settings.update': { description: '修改系统设置', scope: 'system', systemRoles: ['system_admin'] },
  'audit.read': { description: '查阅审计记录', scope: 'system', systemRoles: ['audit_admin'] },
  'audit.verify': { description: '校验审计链', scope: 'system', systemRoles: ['audit_admin'] },
  // Issue 15 point 4 (engineer H): the person's own to-do centre, across the bodies they sit in
  'todo.read': { description: '查看本人的待办和已办', scope: 'authenticated' },
});
