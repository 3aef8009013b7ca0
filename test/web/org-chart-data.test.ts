import { describe, expect, it } from 'vitest';
import { buildOrgTree, countLeaves, type OrgLabels, type OrgMembership } from '../../web/src/bodies/org-chart-data.ts';

const labels: OrgLabels = {
  memberUnits: (count) => `成员单位（${count}）`,
  member: (name) => `成员：${name}`,
  liaison: (name) => `联络员：${name}`,
  vacant: '（空缺）',
  lead: '牵头',
  office: (host) => (host === null ? '办公室' : `办公室（${host}）`),
  officeDirector: (name) => `办公室主任：${name}`,
  officeDeputy: (name) => `办公室副主任：${name}`,
  groups: '专题组',
  groupLead: (names) => `牵头单位：${names}`,
};

const membership = (m: Partial<OrgMembership> & Pick<OrgMembership, 'roleKind' | 'title'>): OrgMembership => ({
  unitId: null,
  unitName: null,
  personName: null,
  position: null,
  vacant: false,
  ...m,
});

describe('buildOrgTree', () => {
  const tree = buildOrgTree({
    bodyName: '甲省某联席会议',
    units: [
      { unitId: 'u1', name: '省发展改革委', lead: true },
      { unitId: 'u2', name: '省教育厅', lead: false },
    ],
    memberships: [
      membership({ roleKind: 'convener', title: '召集人', personName: '张三' }),
      membership({ roleKind: 'deputy_convener', title: '副召集人', personName: '李四' }),
      membership({ roleKind: 'deputy_convener', title: '副召集人', position: '省教育厅厅长', vacant: true }),
      membership({ roleKind: 'member', title: '成员', unitId: 'u1', personName: '王五' }),
      membership({ roleKind: 'liaison', title: '联络员', unitId: 'u1', personName: '赵六' }),
      membership({ roleKind: 'member', title: '成员', unitId: 'u2', vacant: true }),
    ],
    office: { hostUnitName: '省发展改革委', director: { person: null, position: '省发展改革委副主任' }, deputyDirectors: [] },
    groups: [{ name: '综合组', kindLabel: '专题组', leadUnits: [{ name: '省发展改革委' }], memberUnits: [] }],
    labels,
  });

  it('chains body → convener → deputy conveners → member units → people', () => {
    expect(tree.name).toBe('甲省某联席会议');
    const convener = tree.children?.[0];
    expect(convener?.name).toBe('召集人：张三');
    const deputies = convener?.children?.[0];
    expect(deputies?.name).toBe('副召集人：李四\n副召集人：省教育厅厅长');
    const units = deputies?.children?.[0];
    expect(units?.name).toBe('成员单位（2）');
    expect(units?.children?.map((unit) => unit.name)).toEqual(['省发展改革委（牵头）', '省教育厅']);
    expect(units?.children?.[0]?.children?.map((person) => person.name)).toEqual(['成员：王五', '联络员：赵六']);
    expect(units?.children?.[1]?.children?.[0]).toEqual({ name: '成员：（空缺）', kind: 'person', vacant: true });
  });

  it('hangs the office and the groups off the body', () => {
    expect(tree.children?.map((child) => child.kind)).toEqual(['leader', 'office', 'groups']);
    expect(tree.children?.[1]?.children?.[0]?.name).toBe('办公室主任：省发展改革委副主任');
    expect(tree.children?.[2]?.children?.[0]?.children?.[0]?.name).toBe('牵头单位：省发展改革委');
    expect(countLeaves(tree)).toBe(5);
  });

  it('puts the member units right under the body when no convener is named', () => {
    const bare = buildOrgTree({ bodyName: '某专班', units: [], memberships: [], office: null, groups: [], labels });
    expect(bare.children).toEqual([{ name: '成员单位（0）', kind: 'units', children: [] }]);
  });
});
