/**
 * The failure categories of issue 13 (1–7) seen on real founding documents the importer had never
 * seen. Every text here is synthetic — invented bodies, units and people (王某某 …) in the wording
 * of real ones, at every level (国务院, 省, 市, 县, 区) — and each category has several variants.
 */
import { describe, expect, it } from 'vitest';
import type { Charter } from '../../../src/domain/charter/charter-types.ts';
import { importCharter } from '../../../src/domain/charter/import-charter.ts';

function charterOf(raw: string): Charter {
  const result = importCharter(raw);
  if (!result.ok) throw new Error(result.error.message);
  return result.charter;
}

const unitNames = (c: Charter): string[] => c.memberUnits.map((u) => u.name);
const people = (c: Charter): Array<string | null> => c.roles.map((r) => r.person);
const roleRows = (c: Charter): Array<[string, string | null, string | null]> => c.roles.map((r) => [r.kind, r.person, r.position]);
const findingCodes = (c: Charter): string[] => c.findings.map((f) => f.code);

describe('1. member lists given by post, not by unit name', () => {
  it('成员由县委宣传部、县发展改革局、县公安局等单位分管负责同志组成', () => {
    const c = charterOf(
      [
        '关于成立某某县安全生产工作领导小组的通知',
        '各乡镇人民政府，县直各单位：',
        '为加强安全生产工作，经县政府研究，决定成立某某县安全生产工作领导小组。',
        '领导小组组长由县长担任，副组长由分管副县长担任，成员由县委宣传部、县发展改革局、县公安局、县财政局、县应急管理局等单位分管负责同志组成。',
      ].join('\n'),
    );
    expect(unitNames(c)).toEqual(['县委宣传部', '县发展改革局', '县公安局', '县财政局', '县应急管理局']);
    const members = c.roles.filter((r) => r.kind === 'member');
    expect(members.map((r) => r.unit)).toEqual(unitNames(c));
    expect(members.every((r) => r.person === null)).toBe(true);
  });

  it('成员：各区人民政府，市发展改革局、工业和信息化局、公安局、财政局分管负责同志 (a carried 市 prefix, a collective member)', () => {
    const c = charterOf(
      [
        '某某市人民政府办公室关于成立某某市招商引资工作领导小组的通知',
        '某政办发〔2023〕12号',
        '各区人民政府，市政府各部门：',
        '经市政府同意，成立某某市招商引资工作领导小组，组成如下：',
        '组长：市政府分管副市长',
        '成员：各区人民政府，市发展改革局、工业和信息化局、公安局、财政局分管负责同志',
        '领导小组办公室设在市商务局，承担日常工作。',
      ].join('\n'),
    );
    expect(unitNames(c)).toEqual(['各区人民政府', '市发展改革局', '市工业和信息化局', '市公安局', '市财政局']);
  });

  it('成员单位为：…等20个部门 (the stated count is kept, and a mismatch is a finding)', () => {
    const c = charterOf(
      [
        '某某省人民政府办公厅关于建立某某省粮食安全工作联席会议制度的通知',
        '联席会议成员单位为：省发展改革委、省财政厅、省自然资源厅、省农业农村厅、省粮食和储备局等20个部门。',
        '联席会议由省政府分管副省长担任召集人。',
      ].join('\n'),
    );
    expect(c.memberUnitsStated).toBe(20);
    expect(unitNames(c)).toEqual(['省发展改革委', '省财政厅', '省自然资源厅', '省农业农村厅', '省粮食和储备局']);
    expect(findingCodes(c)).toContain('member_count_mismatch');
  });

  it('由区委办、区政府办、区财政局等单位主要负责同志为成员 (a 区 of a city)', () => {
    const c = charterOf(
      [
        '关于成立某某区河长制工作领导小组的通知',
        '领导小组由区长任组长，区委办、区政府办、区财政局、区水务局、区生态环境分局主要负责同志为成员。',
      ].join('\n'),
    );
    expect(unitNames(c)).toEqual(['区委办', '区政府办', '区财政局', '区水务局', '区生态环境分局']);
  });
});

describe('2. rosters written as prose', () => {
  it('由副省长王某某任组长，省政府副秘书长李某某、省发展改革委主任赵某某任副组长', () => {
    const c = charterOf(
      [
        '某某省人民政府关于成立某某省重大项目建设领导小组的通知',
        '领导小组由副省长王某某任组长，省政府副秘书长李某某、省发展改革委主任赵某某任副组长，省财政厅、省自然资源厅、省生态环境厅分管负责同志为成员。',
      ].join('\n'),
    );
    expect(roleRows(c).filter(([k]) => k !== 'member')).toEqual([
      ['convener', '王某某', '副省长'],
      ['deputy_convener', '李某某', '省政府副秘书长'],
      ['deputy_convener', '赵某某', '省发展改革委主任'],
    ]);
  });

  it('the title before the name: 由市政府办公室主任张某某任召集人', () => {
    const c = charterOf(
      [
        '关于建立某某市政务服务工作联席会议制度的通知',
        '联席会议由市政府办公室主任张某某任召集人，市行政审批局局长刘某某任副召集人。',
      ].join('\n'),
    );
    expect(roleRows(c)).toEqual([
      ['convener', '张某某', '市政府办公室主任'],
      ['deputy_convener', '刘某某', '市行政审批局局长'],
    ]);
  });

  it('副组长由…张某某、刘某某担任', () => {
    const c = charterOf(
      [
        '关于成立某某县乡村振兴工作领导小组的通知',
        '组长由县委书记陈某某担任。',
        '副组长由县委副书记张某某、县委常委、常务副县长刘某某担任。',
      ].join('\n'),
    );
    expect(roleRows(c)).toEqual([
      ['convener', '陈某某', '县委书记'],
      ['deputy_convener', '张某某', '县委副书记'],
      ['deputy_convener', '刘某某', '县委常委、常务副县长'],
    ]);
  });
});

describe('3. rosters with no line breaks or spaces', () => {
  it('组长：王某某副市长副组长：李某某市政府副秘书长张某某市发展改革局局长成员：…', () => {
    const c = charterOf(
      [
        '关于成立某某市数字经济发展领导小组的通知',
        '为推进数字经济发展，市政府决定成立某某市数字经济发展领导小组。组长：王某某副市长副组长：李某某市政府副秘书长张某某市发展改革局局长成员：赵某某市工业和信息化局副局长钱某某市财政局副局长孙某某市大数据局局长',
      ].join('\n'),
    );
    expect(roleRows(c)).toEqual([
      ['convener', '王某某', '副市长'],
      ['deputy_convener', '李某某', '市政府副秘书长'],
      ['deputy_convener', '张某某', '市发展改革局局长'],
      ['member', '赵某某', '市工业和信息化局副局长'],
      ['member', '钱某某', '市财政局副局长'],
      ['member', '孙某某', '市大数据局局长'],
    ]);
  });

  it('a flattened roster with names after their posts: 组长：县长周某某副组长：副县长吴某某', () => {
    const c = charterOf(
      ['关于成立某某县防汛抗旱工作领导小组的通知', '组长：县长周某某副组长：副县长吴某某成员：县水利局局长郑某某、县应急管理局局长冯某某'].join('\n'),
    );
    expect(roleRows(c)).toEqual([
      ['convener', '周某某', '县长'],
      ['deputy_convener', '吴某某', '副县长'],
      ['member', '郑某某', '县水利局局长'],
      ['member', '冯某某', '县应急管理局局长'],
    ]);
  });
});

describe('4. page furniture before the title', () => {
  it('finds the number and the addressees after weather, navigation, 当前位置 and an 索引号 table', () => {
    const c = charterOf(
      [
        '今天是2024年3月5日 星期二 晴 12℃',
        '首页 | 政务公开 | 政策文件 | 互动交流',
        '当前位置：首页 > 政务公开 > 政府文件',
        '索引号：11340000-2024-00012\t主题分类：综合政务',
        '发布机构：某某县人民政府办公室\t成文日期：2024年03月01日',
        '- 来源: 某某县人民政府办公室',
        '分享到：微信 微博 QQ空间',
        '某某县人民政府办公室关于成立某某县营商环境优化工作领导小组的通知',
        '某政办〔2024〕8号',
        '各乡镇人民政府，县政府各部门：',
        '为进一步优化营商环境，县政府决定成立某某县营商环境优化工作领导小组。',
        '组长由县长担任。',
      ].join('\n'),
    );
    expect(c.foundingDocument.docNumber).toBe('某政办〔2024〕8号');
    expect(c.foundingDocument.addressees).toEqual(['各乡镇人民政府', '县政府各部门']);
    expect(c.foundingDocument.addressees.join('')).not.toContain('来源');
    expect(c.body.name).toBe('某某县营商环境优化工作领导小组');
  });

  it('never takes a `- 来源:` line as the addressees', () => {
    const c = charterOf(
      [
        '关于建立某某市文明城市创建工作联席会议制度的通知',
        '- 来源: 某某市文明办',
        '联席会议由市委宣传部牵头，市文明办、市城管局为成员单位。',
      ].join('\n'),
    );
    expect(c.foundingDocument.addressees).toEqual([]);
  });
});

describe('5. level from the issuer, not from a place name', () => {
  it('a 国办函 about one province is national', () => {
    const c = charterOf(
      [
        '国务院办公厅关于同意建立支持某某省振兴发展部际联席会议制度的函',
        '国办函〔2021〕33号',
        '发展改革委：',
        '你委关于建立支持某某省振兴发展部际联席会议制度的请示收悉。经国务院同意，现函复如下：',
        '国务院同意建立由发展改革委牵头的支持某某省振兴发展部际联席会议制度。',
      ].join('\n'),
    );
    expect(c.body.level).toBe('national');
  });

  it('a body whose units are all 县… is county level', () => {
    const c = charterOf(
      [
        '关于成立某某工作专班的通知',
        '工作专班由县发展改革局、县财政局、县住建局、县自然资源局组成。',
      ].join('\n'),
    );
    expect(c.body.level).toBe('county');
  });

  it('a 区 of a city is county level', () => {
    const c = charterOf(['某某市某某区人民政府办公室关于成立某某区城市更新工作领导小组的通知', '领导小组由区长任组长。'].join('\n'));
    expect(c.body.level).toBe('county');
  });
});

describe('6. wording variants', () => {
  it('sunset: 运行至2027年底', () => {
    const c = charterOf(['关于成立某某市亚运保障工作专班的通知', '工作专班运行至2027年底。'].join('\n'));
    expect(c.sunset?.date).toBe('2027-12-31');
  });

  it('sunset: …任务完成后自动撤销', () => {
    const c = charterOf(['关于成立某某县第三次全国土壤普查领导小组的通知', '领导小组在普查任务完成后自动撤销。'].join('\n'));
    expect(c.sunset).not.toBeNull();
    expect(c.sunset?.date).toBeNull();
  });

  it('office: 下设办公室（设在市规划资源局）', () => {
    const c = charterOf(['关于成立某某市国土空间规划委员会的通知', '委员会下设办公室（设在市规划资源局），负责日常工作。'].join('\n'));
    expect(c.office?.hostUnit).toBe('市规划资源局');
  });

  it('office: 下设办公室，设在省统计局', () => {
    const c = charterOf(['关于成立某某省经济普查领导小组的通知', '领导小组下设办公室，设在省统计局，承担领导小组日常工作。'].join('\n'));
    expect(c.office?.hostUnit).toBe('省统计局');
  });

  it('office: 办公室设在…，承担日常工作', () => {
    const c = charterOf(['关于建立某某区食品安全工作联席会议制度的通知', '联席会议办公室设在区市场监管局，承担联席会议日常工作。'].join('\n'));
    expect(c.office?.hostUnit).toBe('区市场监管局');
  });

  it('membership change: 成员如有变动，由所在单位提出，报总召集人同意后调整', () => {
    const c = charterOf(
      ['关于建立某某市稳就业工作联席会议制度的通知', '联席会议由市长任总召集人。', '联席会议成员如有变动，由所在单位提出，报总召集人同意后调整。'].join('\n'),
    );
    const rule = c.rules.find((r) => r.type === 'membership_change');
    expect(rule).toMatchObject({ subject: 'member', proposedBy: '所在单位', confirmedBy: '总召集人' });
  });

  it('a 指挥部 with 指挥长 and 副指挥长 is a body of kind command', () => {
    const c = charterOf(
      [
        '关于成立某某县森林防灭火指挥部的通知',
        '指挥长：县长王某某',
        '副指挥长：副县长李某某',
        '成员：县应急管理局局长赵某某、县林业局局长钱某某',
      ].join('\n'),
    );
    expect(c.body.kind).toBe('command');
    expect(c.body.name).toBe('某某县森林防灭火指挥部');
    expect(roleRows(c).slice(0, 2)).toEqual([
      ['convener', '王某某', '县长'],
      ['deputy_convener', '李某某', '副县长'],
    ]);
  });

  it('a 联合工作组 is a body of kind other', () => {
    const c = charterOf(['关于成立某某市打击非法集资联合工作组的通知', '联合工作组由市金融办牵头，市公安局、市市场监管局参加。'].join('\n'));
    expect(c.body.name).toBe('某某市打击非法集资联合工作组');
    expect(c.body.kind).toBe('other');
  });
});

describe('7. never invent a person', () => {
  it('负责住房和城乡建设工作的副市长 is a vacant post, kept as a finding', () => {
    const c = charterOf(
      ['关于成立某某市城镇老旧小区改造工作领导小组的通知', '组长：负责住房和城乡建设工作的副市长', '副组长：市政府副秘书长'].join('\n'),
    );
    expect(people(c)).toEqual([null, null]);
    expect(c.roles[0]).toMatchObject({ kind: 'convener', position: '负责住房和城乡建设工作的副市长' });
    expect(findingCodes(c)).toContain('role_without_person');
  });

  it('委　员　…… is an elided list, not a person named 委员', () => {
    const c = charterOf(['关于成立某某县爱国卫生运动委员会的通知', '主　任　王某某　县长', '委　员　……', '办公室设在县卫生健康局。'].join('\n'));
    expect(people(c)).not.toContain('委员');
    expect(people(c).filter((p) => p !== null)).toEqual(['王某某']);
  });

  it('县委常委、常务副县长 is one post, not two people', () => {
    const c = charterOf(['关于成立某某县招商工作领导小组的通知', '组　长：刘某某　县委常委、常务副县长', '副组长：孙某某　县商务局局长'].join('\n'));
    expect(roleRows(c)).toEqual([
      ['convener', '刘某某', '县委常委、常务副县长'],
      ['deputy_convener', '孙某某', '县商务局局长'],
    ]);
  });

  it('a post without a name in a roster heading line is vacant, and no post word becomes a name', () => {
    const c = charterOf(['关于成立某某区疫苗接种工作领导小组的通知', '组长：区长', '副组长：分管副区长', '成员：区卫健局局长、区财政局局长'].join('\n'));
    expect(people(c).every((p) => p === null)).toBe(true);
    expect(findingCodes(c)).toContain('role_without_person');
  });
});

describe('more variants, at the national and provincial levels', () => {
  it('1. 成员由发展改革委、财政部…等部门有关负责同志组成 (national, no prefix to carry)', () => {
    const c = charterOf(
      [
        '国务院办公厅关于成立国务院某某工作领导小组的通知',
        '国办发〔2022〕5号',
        '领导小组组长由国务院副总理担任，成员由发展改革委、教育部、财政部、人力资源社会保障部等部门有关负责同志组成。',
      ].join('\n'),
    );
    expect(c.body.level).toBe('national');
    expect(unitNames(c)).toEqual(['发展改革委', '教育部', '财政部', '人力资源社会保障部']);
    expect(c.roles.filter((r) => r.kind === 'member').map((r) => r.position)).toEqual([
      '发展改革委有关负责同志',
      '教育部有关负责同志',
      '财政部有关负责同志',
      '人力资源社会保障部有关负责同志',
    ]);
  });

  it('1. a list that is partly unreadable keeps a finding', () => {
    const c = charterOf(
      ['关于建立某某省旅游工作联席会议制度的通知', '联席会议成员单位：省文化和旅游厅、省交通运输厅、请各单位于三日内报送联络员名单、省公安厅。'].join('\n'),
    );
    expect(unitNames(c)).toEqual(['省文化和旅游厅', '省交通运输厅', '省公安厅']);
    expect(findingCodes(c)).toContain('member_list_partly_read');
  });

  it('2. 由省委常委、副省长王某某任组长 (a party post joined to the post after it)', () => {
    const c = charterOf(
      ['某某省人民政府关于成立某某省生态保护工作领导小组的通知', '领导小组由省委常委、副省长王某某任组长，省政府副秘书长钱某某任副组长。'].join('\n'),
    );
    expect(roleRows(c)).toEqual([
      ['convener', '王某某', '省委常委、副省长'],
      ['deputy_convener', '钱某某', '省政府副秘书长'],
    ]);
  });

  it('3. a provincial roster flattened into one line, names before posts', () => {
    const c = charterOf(
      [
        '关于调整充实某某省防汛抗旱指挥部组成人员的通知',
        '指挥长：何某某副省长副指挥长：吕某某省政府副秘书长施某某省水利厅厅长成员：张某某省应急管理厅副厅长',
      ].join('\n'),
    );
    expect(roleRows(c)).toEqual([
      ['convener', '何某某', '副省长'],
      ['deputy_convener', '吕某某', '省政府副秘书长'],
      ['deputy_convener', '施某某', '省水利厅厅长'],
      ['member', '张某某', '省应急管理厅副厅长'],
    ]);
  });

  it('7. 成员：各成员单位分管负责同志 names nobody', () => {
    const c = charterOf(['关于成立某某市数据共享工作领导小组的通知', '组长：分管副市长', '成员：各成员单位分管负责同志'].join('\n'));
    expect(people(c).every((p) => p === null)).toBe(true);
  });
});

describe('7. real names that hold 党, 政 or 和 are still read', () => {
  it('a flattened roster with 党某某 and 王和平', () => {
    const c = charterOf(['关于成立某某市防汛工作领导小组的通知', '组长：党某某副市长副组长：王和平市政府副秘书长李政某市水务局局长'].join('\n'));
    expect(roleRows(c)).toEqual([
      ['convener', '党某某', '副市长'],
      ['deputy_convener', '王和平', '市政府副秘书长'],
      ['deputy_convener', '李政某', '市水务局局长'],
    ]);
  });
});

describe('1. member lists under their own heading', () => {
  it('一、成员单位 ⏎ 县委宣传部、县文明办…（共5个）', () => {
    const c = charterOf(
      [
        '关于建立某某县文明创建工作联席会议制度的通知',
        '一、成员单位',
        '县委宣传部、县文明办、县教育局、县公安局、县民政局（共5个）',
        '二、工作规则',
        '联席会议原则上每季度召开一次。',
      ].join('\n'),
    );
    expect(unitNames(c)).toEqual(['县委宣传部', '县文明办', '县教育局', '县公安局', '县民政局']);
    expect(c.memberUnitsStated).toBe(5);
    expect(findingCodes(c)).not.toContain('member_count_mismatch');
  });

  it('成员单位（共4个）： ⏎ one unit per line, and the heading is no addressee line', () => {
    const c = charterOf(
      ['关于成立某某市消防安全委员会的通知', '成员单位（共4个）：', '市消防救援支队', '市公安局', '市住建局', '市应急管理局', '办公室设在市消防救援支队。'].join('\n'),
    );
    expect(unitNames(c)).toEqual(['市消防救援支队', '市公安局', '市住建局', '市应急管理局']);
    expect(c.memberUnitsStated).toBe(4);
    expect(c.foundingDocument.addressees).toEqual([]);
    expect(c.office?.hostUnit).toBe('市消防救援支队');
  });
});
