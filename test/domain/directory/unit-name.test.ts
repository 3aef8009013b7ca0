import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayUnitName, personNameKey, unitNameKey } from '../../../src/domain/directory/unit-name.ts';
import { candidateKeys, matchUnit, newAliases } from '../../../src/domain/directory/unit-matching.ts';
import type { DirectoryUnit } from '../../../src/domain/directory/unit-matching.ts';

describe('unitNameKey', () => {
  it('folds spaces of every width, full-width forms, list punctuation and a trailing 等', () => {
    expect(unitNameKey('省 商务厅')).toBe('省商务厅');
    expect(unitNameKey('省\u3000商务厅')).toBe('省商务厅');
    expect(unitNameKey('省商务厅等')).toBe('省商务厅');
    expect(unitNameKey('省机场集团等单位')).toBe('省机场集团');
    expect(unitNameKey('、省商务厅，')).toBe('省商务厅');
    expect(unitNameKey('人民银行广州分行（外汇管理局广东省分局）')).toBe('人民银行广州分行(外汇管理局广东省分局)');
    expect(unitNameKey('ＡＢＣ中心')).toBe('ABC中心');
    expect(unitNameKey('等')).toBe('等');
    expect(unitNameKey('  ')).toBe('');
  });

  it('keeps 等 inside a name and does not fold different names together', () => {
    expect(unitNameKey('省平等发展中心')).toBe('省平等发展中心');
    expect(unitNameKey('省商务厅')).not.toBe(unitNameKey('市商务局'));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => unitNameKey(unitNameKey(s)) === unitNameKey(s)));
  });

  it('ignores any whitespace inserted into a name', () => {
    fc.assert(
      fc.property(fc.constantFrom('省商务厅', '海关总署广东分署', '国家税务总局广东省税务局'), fc.nat(), fc.constantFrom(' ', '\u3000', '\t', '\n'), (name, at, space) => {
        const i = at % (name.length + 1);
        return unitNameKey(name.slice(0, i) + space + name.slice(i)) === unitNameKey(name);
      }),
    );
  });

  it('shows a name without spaces or a trailing 等 but with its own characters', () => {
    expect(displayUnitName('省 商务厅等')).toBe('省商务厅');
    expect(displayUnitName('ＡＢＣ中心')).toBe('ＡＢＣ中心');
  });

  it('folds a person\'s name with full-width spaces', () => {
    expect(personNameKey('钟　山')).toBe('钟山');
    expect(personNameKey(' 胡春华 ')).toBe('胡春华');
  });
});

describe('matchUnit', () => {
  const unit = (id: string, name: string, regionCode: string | null, aliases: string[] = []): DirectoryUnit => ({
    id,
    name,
    normalizedKey: unitNameKey(name),
    regionCode,
    aliases,
  });
  const directory = [
    unit('gd-commerce', '省商务厅', '440000'),
    unit('gx-commerce', '省商务厅', '450000'),
    unit('bank', '人民银行广州分行', '440000', ['外汇管理局广东省分局']),
    unit('mofcom', '商务部', null),
  ];

  it('matches by normalised name within the region only', () => {
    expect(matchUnit({ name: '省 商务厅等', aliases: [], regionCode: '440000' }, directory)?.id).toBe('gd-commerce');
    expect(matchUnit({ name: '省商务厅', aliases: [], regionCode: '450000' }, directory)?.id).toBe('gx-commerce');
    expect(matchUnit({ name: '省商务厅', aliases: [], regionCode: '320000' }, directory)).toBeNull();
    expect(matchUnit({ name: '商务部', aliases: [], regionCode: null }, directory)?.id).toBe('mofcom');
    expect(matchUnit({ name: '商务部', aliases: [], regionCode: '440000' }, directory)).toBeNull();
  });

  it('matches through aliases on either side', () => {
    expect(matchUnit({ name: '外汇管理局广东省分局', aliases: [], regionCode: '440000' }, directory)?.id).toBe('bank');
    expect(matchUnit({ name: '某新名称', aliases: ['人民银行广州分行'], regionCode: '440000' }, directory)?.id).toBe('bank');
    expect(matchUnit({ name: '', aliases: ['人民银行广州分行'], regionCode: '440000' }, directory)).toBeNull();
  });

  it('prefers a match on the name over a match through an alias', () => {
    const tricky = [unit('a', '甲单位', '440000', ['乙单位']), unit('b', '乙单位', '440000')];
    expect(matchUnit({ name: '乙单位', aliases: [], regionCode: '440000' }, tricky)?.id).toBe('b');
  });

  it('lists the keys of a candidate and the aliases a unit does not know yet', () => {
    expect(candidateKeys({ name: '省 商务厅', aliases: ['省商务厅', '商务厅'] })).toEqual(['省商务厅', '商务厅']);
    const bank = directory[2] as DirectoryUnit;
    expect(newAliases(bank, { name: '外汇管理局广东省分局', aliases: ['人行广州分行'] })).toEqual(['人行广州分行']);
  });
});
