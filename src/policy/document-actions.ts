import { declareActions } from './action-rule.ts';

/** Every body role: anyone holding one of them is inside the body and may read its records. */
const INSIDE_BODY = ['office_staff', 'convener', 'deputy_convener', 'member', 'liaison', 'viewer'] as const;

/**
 * The documents people download (issue 7): minutes, notices and circulars as DOCX/PDF, the
 * supervision ledger as XLSX, meetings as iCalendar. Whoever may read a body's records may download
 * its documents; a unit's ledger across bodies holds only the bodies the reader is inside. The
 * calendar feed is read with its secret token (no session); each person manages their own token.
 */
export const documentActions = declareActions({
  'document.minutes': { description: '下载会议纪要（DOCX / PDF）', scope: 'body', bodyRoles: INSIDE_BODY },
  'document.notice': { description: '下载会议通知（DOCX / PDF）', scope: 'body', bodyRoles: INSIDE_BODY },
  'document.circular': { description: '下载督办通报（DOCX / PDF）', scope: 'body', bodyRoles: INSIDE_BODY },
  'document.ledger': { description: '下载督办台账（XLSX）', scope: 'body', bodyRoles: INSIDE_BODY },
  'document.unit_ledger': {
    description: '下载某成员单位在各机构的督办台账（仅含本人有权查看的机构）',
    scope: 'authenticated',
  },
  'document.meeting_calendar': { description: '下载会议日历邀请（ICS）', scope: 'body', bodyRoles: INSIDE_BODY },
  'calendar_feed.manage': { description: '创建或撤销本人的日历订阅地址', scope: 'authenticated' },
  'calendar_feed.read': { description: '凭订阅地址中的密钥读取日历（无需登录）', scope: 'public' },
});
