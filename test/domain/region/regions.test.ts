import { describe, expect, it } from 'vitest';
import { findRegionMentions, findRegionsByName, getRegion, regionAncestors } from '../../../src/domain/region/regions.ts';

describe('getRegion', () => {
  it('knows the three levels with their parents', () => {
    expect(getRegion('450000')).toEqual({ code: '450000', name: '广西壮族自治区', shortName: '广西', level: 'province', parent: null });
    expect(getRegion('450300')).toEqual({ code: '450300', name: '桂林市', shortName: '桂林', level: 'prefecture', parent: '450000' });
    expect(getRegion('320681')).toEqual({ code: '320681', name: '启东市', shortName: '启东', level: 'county', parent: '320600' });
  });

  it('strips province suffixes to the customary short names', () => {
    const shortNames = Object.fromEntries(
      ['110000', '150000', '230000', '450000', '540000', '640000', '650000', '810000', '820000'].map((code) => [code, getRegion(code)?.shortName]),
    );
    expect(shortNames).toEqual({
      '110000': '北京', '150000': '内蒙古', '230000': '黑龙江', '450000': '广西', '540000': '西藏',
      '640000': '宁夏', '650000': '新疆', '810000': '香港', '820000': '澳门',
    });
  });

  it('strips nationality names from autonomous prefectures and counties', () => {
    expect(getRegion('522600')?.shortName).toBe('黔东南'); // 黔东南苗族侗族自治州
    expect(getRegion('433100')?.shortName).toBe('湘西'); // 湘西土家族苗族自治州
    expect(getRegion('652700')?.shortName).toBe('博尔塔拉'); // 博尔塔拉蒙古自治州
    expect(getRegion('652300')?.shortName).toBe('昌吉'); // 昌吉回族自治州
    expect(getRegion('152900')?.shortName).toBe('阿拉善'); // 阿拉善盟
    expect(getRegion('542500')?.shortName).toBe('阿里'); // 阿里地区
  });

  it('keeps one-character stems whole', () => {
    expect(getRegion('320322')?.shortName).toBe('沛县');
  });

  it('does not treat placeholder prefecture entries as regions', () => {
    expect(getRegion('110100')).toBeNull(); // the municipality's own 市辖区 entry
    expect(getRegion('500200')).toBeNull(); // 县
    expect(getRegion('429000')).toBeNull(); // 省直辖县
    expect(getRegion('620201')).toBeNull(); // 市辖区
    expect(getRegion('110105')?.parent).toBe('110000');
    expect(getRegion('429004')?.parent).toBe('420000'); // 仙桃市
  });

  it('returns null for unknown codes', () => {
    expect(getRegion('999999')).toBeNull();
    expect(getRegion('')).toBeNull();
  });
});

describe('regionAncestors', () => {
  it('lists self, prefecture, province', () => {
    expect(regionAncestors('320681').map((r) => r.code)).toEqual(['320681', '320600', '320000']);
    expect(regionAncestors('450300').map((r) => r.code)).toEqual(['450300', '450000']);
    expect(regionAncestors('110105').map((r) => r.code)).toEqual(['110105', '110000']);
    expect(regionAncestors('000000')).toEqual([]);
  });
});

describe('findRegionsByName', () => {
  it('finds by full and short name', () => {
    expect(findRegionsByName('桂林市').map((r) => r.code)).toEqual(['450300']);
    expect(findRegionsByName('桂林').map((r) => r.code)).toEqual(['450300']);
    expect(findRegionsByName('广西').map((r) => r.code)).toEqual(['450000']);
    expect(findRegionsByName('广西壮族自治区').map((r) => r.code)).toEqual(['450000']);
    expect(findRegionsByName('广东省').map((r) => r.code)).toEqual(['440000']);
    expect(findRegionsByName('广东').map((r) => r.code)).toEqual(['440000']);
    expect(findRegionsByName('北京市').map((r) => r.code)).toEqual(['110000']);
  });

  it('orders province, prefecture, county', () => {
    const levels = findRegionsByName('吉林').map((r) => r.level);
    expect(levels).toEqual(['province', 'prefecture']);
    const chaoyang = findRegionsByName('朝阳');
    expect(chaoyang[0]?.level).toBe('prefecture');
    expect(chaoyang.map((r) => r.code)).toContain('110105');
  });

  it('never returns 市辖区 and nothing for unknown names', () => {
    expect(findRegionsByName('市辖区')).toEqual([]);
    expect(findRegionsByName('不存在市')).toEqual([]);
    expect(findRegionsByName('  ')).toEqual([]);
  });
});

describe('findRegionMentions', () => {
  it('finds full names by longest match, with offsets', () => {
    const text = '广西壮族自治区桂林市人民政府办公室';
    const mentions = findRegionMentions(text);
    expect(mentions.map((m) => [m.region.code, text.slice(m.start, m.end)])).toEqual([
      ['450000', '广西壮族自治区'],
      ['450300', '桂林市'],
    ]);
  });

  it('finds unambiguous province short names but not ambiguous ones', () => {
    const mentions = findRegionMentions('广东、广西、江苏三省区与吉林、海南协作');
    expect(mentions.map((m) => m.region.code)).toEqual(['440000', '450000', '320000']);
  });

  it('prefers the longer full name over a short name', () => {
    expect(findRegionMentions('吉林市').map((m) => m.region.code)).toEqual(['220200']);
    expect(findRegionMentions('吉林省').map((m) => m.region.code)).toEqual(['220000']);
  });

  it('resolves a shared county name by the nearest ancestor mentioned', () => {
    expect(findRegionMentions('北京市朝阳区').map((m) => m.region.code)).toEqual(['110000', '110105']);
    expect(findRegionMentions('长春市朝阳区').map((m) => m.region.code)).toEqual(['220100', '220104']);
    expect(findRegionMentions('朝阳区')).toEqual([]);
  });

  it('ignores generic county-level names', () => {
    expect(findRegionMentions('经济技术开发区管委会')).toEqual([]);
  });
});
