import { declareActions } from './action-rule.ts';

/** Every body role: anyone holding one of them is inside the body and may read its meetings. */
const INSIDE_BODY = ['office_staff', 'convener', 'deputy_convener', 'member', 'liaison', 'viewer'] as const;

/**
 * Meeting and minutes actions. Owned by the meetings part.
 *
 * The coarse check: the office runs meetings; liaisons (and members) propose agenda items and
 * attach materials for their own unit only; conveners and deputies decide agenda items, approve
 * observers, sign off minutes and sign notices. On top of it every service makes one call of the
 * charter gates (src/domain/charter-gates/, through charter-gate.ts) with the roles held on the day.
 */
export const meetingActions = declareActions({
  'meeting.read': { description: '查看会议、议题、材料、参会人员和出席情况', scope: 'body', bodyRoles: INSIDE_BODY },
  'meeting.manage': {
    description: '安排会议：新建、通知、确定主持人、列席建议、出席登记、取消和延期',
    scope: 'body',
    bodyRoles: ['office_staff'],
  },
  'meeting.delegate': { description: '委托副召集人主持会议（召集人本人）', scope: 'body', bodyRoles: ['convener'] },
  'agenda.propose': {
    description: '提出会议议题（联络员、成员仅限本单位）',
    scope: 'body',
    bodyRoles: ['office_staff'],
    unitBodyRoles: ['liaison', 'member'],
  },
  'agenda.decide': {
    description: '审核会议议题（按制度规定的人员）',
    scope: 'body',
    bodyRoles: ['office_staff', 'convener', 'deputy_convener'],
  },
  'material.attach': {
    description: '上传议题材料（联络员仅限本单位议题）',
    scope: 'body',
    bodyRoles: ['office_staff'],
    unitBodyRoles: ['liaison'],
  },
  'observer.decide': {
    description: '确定列席人员（按制度规定的人员）',
    scope: 'body',
    bodyRoles: ['office_staff', 'convener', 'deputy_convener'],
  },
  'minutes.read': { description: '查看会议纪要', scope: 'body', bodyRoles: INSIDE_BODY },
  'minutes.draft': { description: '起草、修改会议纪要，起草更正', scope: 'body', bodyRoles: ['office_staff'] },
  'minutes.sign_off': {
    description: '审定或签发会议纪要（按制度规定的人员）',
    scope: 'body',
    bodyRoles: ['office_staff', 'convener', 'deputy_convener'],
  },
  'minutes.issue': { description: '印发会议纪要', scope: 'body', bodyRoles: ['office_staff'] },
  'meeting.issue_notice': {
    description: '以本机构名义签发、印发会议通知（按制度规定的人员）',
    scope: 'body',
    bodyRoles: ['office_staff', 'convener', 'deputy_convener'],
  },
});
