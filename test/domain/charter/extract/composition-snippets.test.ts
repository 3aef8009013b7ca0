import { describe, expect, it } from 'vitest';
import type { CompositionResult } from '../../../../src/domain/charter/pipeline-types.ts';
import { normalizeText } from '../../../../src/domain/charter/normalize/normalize-text.ts';
import { segmentDocument } from '../../../../src/domain/charter/segment/segment-document.ts';
import { extractComposition } from '../../../../src/domain/charter/extract/composition.ts';

function compose(raw: string): { c: CompositionResult; text: string } {
  const { text, original } = normalizeText(raw);
  const structure = segmentDocument(text, original);
  return { c: extractComposition({ text, structure, body: { name: '', kind: 'leading_group', level: 'county', region: null } }), text };
}

describe('a district leading group whose members are named by unit and role phrase', () => {
  const raw = [
    '某区全民健身工作领导小组工作规则',
    '一、组成',
    '领导小组由区政府分管副区长任组长，区政府办公室副主任、区体育局局长任副组长，区委宣传部、区发展改革委、区教育局、区财政局、人行某县支行分管负责人为成员。',
    '领导小组办公室设在区体育局，办公室主任由区体育局局长兼任。',
    '各成员单位确定1名股级干部担任联络员。',
  ].join('\n');
  const { c, text } = compose(raw);
  it('takes the member units from the role-phrase list, prefix not carried past a unit with its own level', () => {
    expect(c.memberUnits.map((u) => u.name)).toEqual(['区委宣传部', '区发展改革委', '区教育局', '区财政局', '人行某县支行']);
    for (const u of c.memberUnits) expect(u.name.endsWith(text.slice(u.source.start, u.source.end))).toBe(true);
  });
  it('gives convener, deputies and one member role per unit', () => {
    expect(c.roles.filter((r) => r.kind === 'convener').map((r) => [r.title, r.position])).toEqual([['组长', '区政府分管副区长']]);
    expect(c.roles.filter((r) => r.kind === 'deputy_convener').map((r) => r.position)).toEqual(['区政府办公室副主任', '区体育局局长']);
    const members = c.roles.filter((r) => r.kind === 'member');
    expect(members.map((r) => r.unit)).toEqual(['区委宣传部', '区发展改革委', '区教育局', '区财政局', '人行某县支行']);
    expect(members[0]?.position).toBe('区委宣传部分管负责人');
  });
  it('finds the office and the liaison', () => {
    expect(c.office?.hostUnit).toBe('区体育局');
    expect(c.office?.director?.position).toBe('区体育局局长');
    expect(c.liaison).toMatchObject({ position: '股级干部', perUnit: 1 });
  });
});

describe('a provincial leading group with a 名单 after its rules', () => {
  const raw = [
    '某省数字政府建设领导小组工作规则',
    '一、成员单位',
    '领导小组由省委网信办，省发展改革委、财政厅、政务服务数据管理局（省大数据中心），某电信公司省分公司等5个单位组成，省政务服务数据管理局为牵头单位。',
    '领导小组设联络员，由各成员单位有关处室负责同志担任。',
    '',
    '某省数字政府建设领导小组成员名单',
    '总召集人：甲某某　　省长',
    '召集人：乙某　　副省长',
    '　　　　丙某某　　副省长',
    '成　员：丁某某　　省委网信办副主任',
    '　　　　戊某　　省政协副主席、省发展改革委主任',
    '　　　　己某某　　省财政厅副厅长',
    '　　　　庚某·辛某　　省大数据中心主任',
    '　　　　壬某某　　某电信公司省分公司副总经理',
  ].join('\n');
  const { c } = compose(raw);
  it('lists the units with the alias and the lead', () => {
    expect(c.memberUnitsStated).toBe(5);
    expect(c.memberUnits.map((u) => u.name)).toEqual(['省委网信办', '省发展改革委', '省财政厅', '省政务服务数据管理局', '某电信公司省分公司']);
    expect(c.memberUnits.find((u) => u.lead)?.name).toBe('省政务服务数据管理局');
    expect(c.memberUnits[3]?.aliases).toEqual(['省大数据中心']);
  });
  it('ranks 召集人 below 总召集人 and links members to units by alias and by post parts', () => {
    expect(c.roles.filter((r) => r.kind === 'convener').map((r) => [r.title, r.person])).toEqual([['总召集人', '甲某某']]);
    expect(c.roles.filter((r) => r.kind === 'deputy_convener').map((r) => [r.title, r.person])).toEqual([
      ['召集人', '乙某'],
      ['召集人', '丙某某'],
    ]);
    expect(c.roles.filter((r) => r.kind === 'member').map((r) => [r.person, r.unit])).toEqual([
      ['丁某某', '省委网信办'],
      ['戊某', '省发展改革委'],
      ['己某某', '省财政厅'],
      ['庚某·辛某', '省政务服务数据管理局'],
      ['壬某某', '某电信公司省分公司'],
    ]);
  });
  it('does not add positional roles for kinds the roster covers', () => {
    expect(c.roles.every((r) => r.person !== null)).toBe(true);
    expect(c.liaison?.position).toBe('处室负责同志');
  });
});

describe('a headquarters with listed working groups and a wrong stated count', () => {
  const raw = [
    '某市防汛抗旱指挥部工作规则',
    '第一条 指挥部设总指挥1名，由市长担任；副总指挥若干名，由分管副市长、市水务局局长担任。',
    '第二条 指挥部下设综合协调组、抢险救援组、后勤保障组4个工作组和宣传报道组1个保障组。',
    '第三条 工作组职责是：综合协调组负责汇总信息；抢险救援组负责组织抢险；后勤保障组负责物资调配。',
    '第四条 指挥部办公室设在市水务局，日常工作由市水务局承担。',
  ].join('\n');
  const { c } = compose(raw);
  it('reads conveners and groups with duties', () => {
    expect(c.roles.map((r) => [r.kind, r.title, r.position])).toEqual([
      ['convener', '总指挥', '市长'],
      ['deputy_convener', '副总指挥', '分管副市长'],
      ['deputy_convener', '副总指挥', '市水务局局长'],
    ]);
    expect(c.groups.map((g) => [g.kind, g.name])).toEqual([
      ['thematic', '综合协调组'],
      ['thematic', '抢险救援组'],
      ['thematic', '后勤保障组'],
      ['support', '宣传报道组'],
    ]);
    expect(c.groups[1]?.duties).toEqual(['负责组织抢险']);
    expect(c.office?.hostUnit).toBe('市水务局');
  });
  it('reports the stated group count that does not match', () => {
    const f = c.findings.filter((x) => x.code === 'group_count_mismatch');
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('4');
    expect(f[0]?.message).toContain('3');
  });
  it('has no liaison when the text names none', () => {
    expect(c.liaison).toBeNull();
  });
});
