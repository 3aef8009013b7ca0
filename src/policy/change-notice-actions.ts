import { declareActions } from './action-rule.ts';

/**
 * Change notices (调整 / 撤销) applied to a body. Owned by the change-notices part: only the body's
 * office previews a notice against its body and applies it (a new charter version; an abolition
 * starts the dissolution).
 */
export const changeNoticeActions = declareActions({
  'change_notice.apply': {
    description: '按调整、撤销通知变更本机构的制度（预览差异并确认）',
    scope: 'body',
    bodyRoles: ['office_staff'],
  },
});
