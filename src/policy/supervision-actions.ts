import { declareActions } from './action-rule.ts';

/**
 * Escalating supervision (督办) and the handover of a dissolving body's items. The office sets the
 * escalation ladder and hands items over; the office, the convener and deputies read the dashboard
 * of items by rung (everyone inside the body sees each item's rung with `decision.read`).
 */
export const supervisionActions = declareActions({
  'supervision.dashboard': { description: '查看督办升级看板（按升级阶段统计事项）', scope: 'body', bodyRoles: ['office_staff', 'convener', 'deputy_convener'] },
  'supervision_settings.manage': { description: '设置督办升级规则和会议频次提醒', scope: 'body', bodyRoles: ['office_staff'] },
  'decision.hand_over': { description: '机构撤销前移交或说明理由办结督办事项', scope: 'body', bodyRoles: ['office_staff'] },
});
