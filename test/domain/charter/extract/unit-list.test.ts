import { describe, expect, it } from 'vitest';
import { parseUnitList, splitRolePhrase, stripAlias } from '../../../../src/domain/charter/extract/unit-list.ts';
import { matchUnit, splitPostTitle, unitOfPost } from '../../../../src/domain/charter/extract/unit-names.ts';

function names(text: string, options = {}): string[] {
  return parseUnitList(text, 0, text.length, options).items.map((i) => i.name);
}

describe('parseUnitList', () => {
  it('carries the run prefix and restarts it at a comma', () => {
    expect(names('市委组织部、宣传部，市发展改革委、财政局、市场监管局，国家统计局某调查队、市税务局')).toEqual([
      '市委组织部',
      '市委宣传部',
      '市发展改革委',
      '市财政局',
      '市市场监管局',
      '国家统计局某调查队',
      '市税务局',
    ]);
  });
  it('adds no prefix to items that state their own level', () => {
    expect(names('省教育厅、国家税务总局某省税务局、人民银行某省分行、科技厅')).toEqual([
      '省教育厅',
      '国家税务总局某省税务局',
      '人民银行某省分行',
      '省科技厅',
    ]);
  });
  it('adds no prefix in a run whose first item has none', () => {
    expect(names('商务部、外交部、发展改革委')).toEqual(['商务部', '外交部', '发展改革委']);
  });
  it('reads parentheses after a unit as aliases', () => {
    const list = parseUnitList('自治区自然资源厅（林业局）、财政厅', 0, 17);
    expect(list.items.map((i) => [i.name, i.aliases])).toEqual([
      ['自治区自然资源厅', ['林业局']],
      ['自治区财政厅', []],
    ]);
    expect(stripAlias('某银行某分行(外汇管理局某分局)')).toEqual({ name: '某银行某分行', aliases: ['外汇管理局某分局'] });
  });
  it('gives the trailing role phrase to every item and ends at 为成员', () => {
    const text = '区委宣传部、区发展改革委、区教育局、人行某县支行分管负责人为成员';
    const list = parseUnitList(text, 0, text.length);
    expect(list.items.map((i) => i.name)).toEqual(['区委宣传部', '区发展改革委', '区教育局', '人行某县支行']);
    expect(list.rolePhrase).toBe('分管负责人');
    expect(splitRolePhrase('区委宣传部分管负责人')).toEqual({ unit: '区委宣传部', phrase: '分管负责人' });
  });
  it('reads the stated count of 等N个 and 共N个', () => {
    expect(parseUnitList('县发改委、财政局等12个部门和单位组成', 0, 19).stated).toBe(12);
    expect(parseUnitList('县发改委、财政局共二十五个部门和单位组成', 0, 21).stated).toBe(25);
    expect(parseUnitList('县发改委、财政局等为成员单位', 0, 14).stated).toBeNull();
    expect(names('县发改委、财政局等为成员单位')).toEqual(['县发改委', '县财政局']);
  });
  it('drops leading clauses that are not units', () => {
    const text = '专班由副市长任召集人，市政府副秘书长任副召集人；市商务局、教育局为成员单位';
    expect(names(text, { dropLeadingNonUnits: true })).toEqual(['市商务局', '市教育局']);
  });
  it('keeps 和 inside a unit name and splits 及 between units', () => {
    expect(names('工业和信息化部、文化和旅游部及农业农村部')).toEqual(['工业和信息化部', '文化和旅游部', '农业农村部']);
  });
  it('keeps spans on the written form', () => {
    const text = '省委宣传部、外办';
    const item = parseUnitList(text, 0, text.length).items[1];
    expect(item?.name).toBe('省委外办');
    expect(text.slice(item?.source.start, item?.source.end)).toBe('外办');
  });
});

describe('post titles and units', () => {
  it('strips general title tails', () => {
    expect(splitPostTitle('某部部长助理').unitPart).toBe('某部');
    expect(splitPostTitle('某保险公司党委副书记').unitPart).toBe('某保险公司');
    expect(splitPostTitle('某局党组成员').unitPart).toBe('某局');
    expect(splitPostTitle('某会副会长').unitPart).toBe('某会');
    expect(splitPostTitle('某消防救援支队支队长').unitPart).toBe('某消防救援支队');
    expect(splitPostTitle('常务副市长').unitPart).toBe('');
  });
  it('finds the unit of a post, preferring a member unit in a post holding 、', () => {
    expect(unitOfPost('市监察局副局长')).toBe('市监察局');
    expect(unitOfPost('省政协副主席、省住房城乡建设厅厅长', (u) => u === '省住房城乡建设厅')).toBe('省住房城乡建设厅');
    expect(unitOfPost('省政府分管副省长')).toBeNull();
  });
  it('matches units exactly, by alias, without the prefix, and by abbreviation', () => {
    const units = [
      { name: '省教育厅', aliases: [] },
      { name: '某分行', aliases: ['某分局'] },
      { name: '市政府办公室', aliases: [] },
    ];
    expect(matchUnit('教育厅', units)?.name).toBe('省教育厅');
    expect(matchUnit('某分局', units)?.name).toBe('某分行');
    expect(matchUnit('市政府办', units)?.name).toBe('市政府办公室');
    expect(matchUnit('财政厅', units)).toBeNull();
  });
});
