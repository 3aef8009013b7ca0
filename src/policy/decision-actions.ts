import { declareActions } from './action-rule.ts';

/** Every body role: anyone holding one of them is inside the body. */
const INSIDE_BODY = ['office_staff', 'convener', 'deputy_convener', 'member', 'liaison', 'viewer'] as const;

/**
 * Decisions and supervision (督办), circulars, notifications. Owned by the decisions part.
 *
 * Everyone inside a body reads its decisions and circulars. An assigned unit's liaison or member
 * reports progress, completion (lead unit only, checked by the service) and asks for extensions —
 * for their own unit only; the office supervises (closes, sends back, decides extensions, issues
 * circulars) and manages the body's notification settings and failing deliveries.
 */
export const decisionActions = declareActions({
  'decision.read': { description: '查看督办事项及办理进展', scope: 'body', bodyRoles: INSIDE_BODY },
  'decision.report': {
    description: '报送办理进展、办结情况（仅限本单位承办的事项）',
    scope: 'body',
    bodyRoles: ['office_staff'],
    unitBodyRoles: ['liaison', 'member'],
  },
  'decision.request_extension': {
    description: '申请延期（仅限本单位承办的事项）',
    scope: 'body',
    bodyRoles: ['office_staff'],
    unitBodyRoles: ['liaison', 'member'],
  },
  'decision.supervise': { description: '督办：销号、退回、审核延期申请', scope: 'body', bodyRoles: ['office_staff'] },
  'circular.read': { description: '查看督办通报', scope: 'body', bodyRoles: INSIDE_BODY },
  'circular.create': { description: '生成督办通报', scope: 'body', bodyRoles: ['office_staff'] },
  'notification_settings.manage': { description: '设置提醒提前天数和 Webhook', scope: 'body', bodyRoles: ['office_staff'] },
  'delivery.read': { description: '查看发送失败的邮件和 Webhook', scope: 'body', bodyRoles: ['office_staff'] },
  'delivery.retry': { description: '重新发送失败的邮件和 Webhook', scope: 'body', bodyRoles: ['office_staff'] },
  'inbox.read': { description: '查看和处理本人的站内消息', scope: 'authenticated' },
  'notification_address.manage': { description: '设置本人接收通知的电子邮件地址', scope: 'authenticated' },
});
