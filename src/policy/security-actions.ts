import { declareActions } from './action-rule.ts';

/** Level-3 security actions (issue 17): password rules, second factor, audit review. */
export const securityActions = declareActions({
  'security_policy.read': { description: '查看安全策略（密码、并发会话、动态口令）', scope: 'system', systemRoles: ['security_admin'] },
  'account.reset_second_factor': { description: '重置他人的动态口令（重新绑定）', scope: 'system', systemRoles: ['security_admin'] },
  'audit.export': { description: '导出审计记录（CSV、XLSX）', scope: 'system', systemRoles: ['audit_admin'] },
  'security_alert.read': { description: '查看安全告警', scope: 'system', systemRoles: ['audit_admin', 'security_admin'] },
  'security_alert.acknowledge': { description: '确认安全告警', scope: 'system', systemRoles: ['audit_admin'] },
  'security_policy.update': { description: '修改安全策略（密码、并发会话、动态口令）', scope: 'system', systemRoles: ['security_admin'] },
});
