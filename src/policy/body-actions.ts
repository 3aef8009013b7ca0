import { declareActions } from './action-rule.ts';

/** Every body role: anyone holding one of them is inside the body and may read its records. */
const INSIDE_BODY = ['office_staff', 'convener', 'deputy_convener', 'member', 'liaison', 'viewer'] as const;

/**
 * Body-scoped actions. Owned by the bodies part.
 *
 * A body's public summary (name, kind, level, region, status) may be listed to any signed-in user;
 * its internal records (member units, memberships, people, groups, charter versions) only to those
 * holding a role in it. A liaison may change only the records of their own member unit. Memberships
 * change by the charter: a unit (its liaison or member) proposes for its own unit, the office or
 * the convener confirms (src/domain/charter-gates/membership-change-gate.ts decides who, per charter).
 */
export const bodyActions = declareActions({
  'body.list': { description: '查看议事协调机构名录（名称、类型、层级、地区、状态）', scope: 'authenticated' },
  'body.create': { description: '导入成立文件，新建议事协调机构', scope: 'system', systemRoles: ['system_admin'] },
  'charter.preview': { description: '预览成立文件导入结果（不保存）', scope: 'authenticated' },
  'body.read': { description: '查看议事协调机构', scope: 'body', bodyRoles: INSIDE_BODY },
  'body.publish': {
    description: '重新导入成立文件，发布制度新版本',
    scope: 'body',
    systemRoles: ['system_admin'],
    bodyRoles: ['office_staff'],
  },
  'body.dissolve': {
    description: '撤销议事协调机构',
    scope: 'body',
    systemRoles: ['system_admin'],
    bodyRoles: ['office_staff'],
  },
  'charter.read': { description: '查看制度版本及版本差异', scope: 'body', bodyRoles: INSIDE_BODY },
  'unit.directory': { description: '查看成员单位名录', scope: 'authenticated' },
  'unit.read': { description: '查看本机构成员单位', scope: 'body', bodyRoles: INSIDE_BODY },
  'unit.update': {
    description: '维护成员单位信息',
    scope: 'body',
    bodyRoles: ['office_staff'],
    unitBodyRoles: ['liaison'],
  },
  'membership.read': { description: '查看成员、联络员及任职记录', scope: 'body', bodyRoles: INSIDE_BODY },
  'membership.manage': {
    description: '直接登记任职变动（仅限制度规定由办公室确认的调整，或填补空缺）',
    scope: 'body',
    bodyRoles: ['office_staff'],
  },
  'membership.propose': {
    description: '提出成员、联络员调整建议（成员单位仅限本单位）',
    scope: 'body',
    bodyRoles: ['office_staff'],
    unitBodyRoles: ['liaison', 'member'],
  },
  'membership.confirm': {
    description: '确认或退回人员调整建议（按制度由办公室、召集人确认，全体会议的确定由办公室登记）',
    scope: 'body',
    bodyRoles: ['office_staff', 'convener'],
  },
  'person.read': { description: '查看人员（仅限本人所在机构的任职）', scope: 'authenticated' },
  // Issue 15: the office picks a post's holder among persons who already exist (by name), not only by typing a new one.
  'person.find': {
    description: '登记任职时按姓名查找已有人员（仅姓名、可查看机构的任职、是否已有账号）',
    scope: 'body',
    bodyRoles: ['office_staff'],
  },
  'workspace.read': { description: '查看本人的工作台（各部分仅含本人可查看的机构）', scope: 'authenticated' },
  'group.read': { description: '查看专题组、保障组等工作组', scope: 'body', bodyRoles: INSIDE_BODY },
  'group.manage': { description: '调整工作组的牵头单位、成员单位和组长、副组长', scope: 'body', bodyRoles: ['office_staff'] },
});
