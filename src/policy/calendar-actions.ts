import { declareActions } from './action-rule.ts';

/**
 * Working-day calendar actions. Reading the calendar and counting working days is open to every
 * signed-in user (deadlines are everyone's business); loading a holiday notice changes every body's
 * deadlines, so it is the system administrator's, like the other platform-wide settings.
 */
export const calendarActions = declareActions({
  'calendar.read': { description: '查看工作日日历、计算工作日', scope: 'authenticated' },
  'calendar.notice_list': { description: '查看已载入的节假日通知', scope: 'authenticated' },
  'calendar.meetings_read': { description: '查看本人所在各机构的会议月历', scope: 'authenticated' },
  'calendar.coverage_read': { description: '查看节假日数据覆盖提醒', scope: 'system', systemRoles: ['system_admin'] },
  'calendar.notice_preview': { description: '预览节假日安排通知（不保存）', scope: 'system', systemRoles: ['system_admin'] },
  'calendar.notice_apply': { description: '载入节假日安排通知', scope: 'system', systemRoles: ['system_admin'] },
});
