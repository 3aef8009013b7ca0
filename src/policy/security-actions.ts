import { declareActions } from './action-rule.ts';

/** Level-3 security actions (issue 17): password rules, second factor, audit review. */
export const securityActions = declareActions({
  'password_rules.read': { description: '查看密码策略', scope: 'system', systemRoles: ['security_admin'] },
  'password_rules.update': { description: '修改密码策略', scope: 'system', systemRoles: ['security_admin'] },
});
