import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../../src/domain/charter/normalize/normalize-text.ts';
import { findPositionalRoles, findRosterEntries, parseRosterEntry } from '../../../../src/domain/charter/extract/roster.ts';
import { BODY_ROLE_TITLES, KNOWN_ROLE_TITLES, roleKindOfTitle } from '../../../../src/domain/charter/extract/role-titles.ts';

describe('roleKindOfTitle', () => {
  it('maps presiding, deputy, member and liaison titles', () => {
    for (const t of ['召集人', '组长', '总召集人', '总指挥', '指挥长', '主任']) expect(roleKindOfTitle(t), t).toBe('convener');
    for (const t of ['副召集人', '副组长', '第一副组长', '常务副组长', '副总指挥', '副指挥长', '副主任']) expect(roleKindOfTitle(t), t).toBe('deputy_convener');
    expect(roleKindOfTitle('成　员')).toBe('member');
    expect(roleKindOfTitle('联络员')).toBe('liaison');
  });
  it('puts a top title under a superior one', () => {
    expect(roleKindOfTitle('召集人', { titles: ['总召集人', '召集人'] })).toBe('deputy_convener');
    expect(roleKindOfTitle('召集人', { titles: ['召集人', '召集人'] })).toBe('convener');
    expect(roleKindOfTitle('指挥长', { titles: ['总指挥', '指挥长'] })).toBe('deputy_convener');
  });
  it('leaves office posts and unknown titles without a kind', () => {
    expect(roleKindOfTitle('办公室主任')).toBeNull();
    expect(roleKindOfTitle('顾问')).toBeNull();
    expect(KNOWN_ROLE_TITLES.has('办公室主任')).toBe(true);
    expect(BODY_ROLE_TITLES.has('办公室主任')).toBe(false);
  });
});

describe('parseRosterEntry', () => {
  const entry = (s: string, units: string[] = []) => parseRosterEntry(s, 0, s.length, units)?.map(({ person, position }) => ({ person, position }));
  it('splits names glued to posts by the post opening', () => {
    expect(entry('王某某常务副市长')).toEqual([{ person: '王某某', position: '常务副市长' }]);
    expect(entry('马某国务院副总理')).toEqual([{ person: '马某', position: '国务院副总理' }]);
    expect(entry('黄某某市政府办副主任')).toEqual([{ person: '黄某某', position: '市政府办副主任' }]);
    expect(entry('唐某市财政局局长助理')).toEqual([{ person: '唐某', position: '市财政局局长助理' }]);
    expect(entry('尼加提·某某自治区副主席')).toEqual([{ person: '尼加提·某某', position: '自治区副主席' }]);
  });
  it('reads name and post separated by spaces or a tab, names alone, and several names', () => {
    expect(entry('钟　山　　某部部长')).toEqual([{ person: '钟山', position: '某部部长' }]);
    expect(entry('\t倪某某\t海关总署署长')).toEqual([{ person: '倪某某', position: '海关总署署长' }]);
    expect(entry('李某某')).toEqual([{ person: '李某某', position: null }]);
    expect(entry('张某、李某某、王某')).toEqual([
      { person: '张某', position: null },
      { person: '李某某', position: null },
      { person: '王某', position: null },
    ]);
  });
  it('rejects sentences', () => {
    const s = '各成员单位指定一位科长作为联席会议的联络员。';
    expect(parseRosterEntry(s, 0, s.length)).toBeNull();
  });
});

describe('findRosterEntries on a 领导小组 名单', () => {
  const raw = [
    '某某市优化营商环境工作领导小组成员名单',
    '',
    '组　长：王某某　　市长',
    '第一副组长：李某　　市委副书记',
    '副组长：张某某　　常务副市长',
    '　　　　　赵某某　　副市长',
    '成　员：',
    '　　　　钱某某　　市政府副秘书长',
    '　　　　孙某　　市发展改革委主任',
    '　　　　尼加提·某某　　市民族宗教局局长',
    '　　　　周某某　　市政协副主席、市住房城乡建设局局长',
    '领导小组办公室设在市发展改革委。',
  ].join('\n');
  const { text } = normalizeText(raw);
  const entries = findRosterEntries(text);
  it('reads headings, continuation rows and rows under an empty heading', () => {
    expect(entries.map((e) => [e.title, e.person])).toEqual([
      ['组长', '王某某'],
      ['第一副组长', '李某'],
      ['副组长', '张某某'],
      ['副组长', '赵某某'],
      ['成员', '钱某某'],
      ['成员', '孙某'],
      ['成员', '尼加提·某某'],
      ['成员', '周某某'],
    ]);
    expect(entries[7]?.position).toBe('市政协副主席、市住房城乡建设局局长');
    for (const e of entries) expect(text.slice(e.source.start, e.source.end)).toContain(e.person);
  });
  it('reads one name per line under a heading', () => {
    const t = normalizeText(['组　长：', '王某某', '副组长：', '李某某', '张某', '', '一、主要职责'].join('\n')).text;
    expect(findRosterEntries(t).map((e) => [e.title, e.person])).toEqual([
      ['组长', '王某某'],
      ['副组长', '李某某'],
      ['副组长', '张某'],
    ]);
  });
});

describe('findPositionalRoles', () => {
  const roles = (s: string) => findPositionalRoles(s).map((r) => [r.title, r.position]);
  it('reads 由…任召集人 and lists with a shared role phrase', () => {
    expect(roles('联席会议由国务院分管领导同志担任召集人，某部、某总署主要负责同志和协助分管某工作的国务院副秘书长担任副召集人。')).toEqual([
      ['召集人', '国务院分管领导同志'],
      ['副召集人', '某部主要负责同志'],
      ['副召集人', '某总署主要负责同志'],
      ['副召集人', '协助分管某工作的国务院副秘书长'],
    ]);
  });
  it('reads 组长由…担任 and restores the unit of a bare title', () => {
    expect(roles('领导小组设组长1人。组长由县长担任，副组长由县政府办公室主任、副主任担任。')).toEqual([
      ['组长', '县长'],
      ['副组长', '县政府办公室主任'],
      ['副组长', '县政府办公室副主任'],
    ]);
  });
  it('reads 总召集人 with 召集人 below it, and 设总指挥1名，由…担任', () => {
    expect(roles('联席会议由市长担任总召集人，分管副市长担任召集人。')).toEqual([
      ['总召集人', '市长'],
      ['召集人', '分管副市长'],
    ]);
    expect(roles('指挥部设总指挥1名，由市长担任；副总指挥若干名，由分管副市长担任。')).toEqual([
      ['总指挥', '市长'],
      ['副总指挥', '分管副市长'],
    ]);
  });
  it('ignores the leaders of sub-groups and office posts', () => {
    expect(roles('各专题组分别设组长1人，由市级部门主要负责同志担任。')).toEqual([]);
    expect(roles('办公室设主任1名，由某局1名领导兼任；副主任2名，由某局、某办各1名科级干部担任。')).toEqual([]);
  });
});
