/** A unit's aliases grow by a text[] of bound parameters (one or several names at once). */
import { expect, it } from 'vitest';
import { addUnitAliases, findUnitById, insertUnit } from '../../src/repositories/unit-repository.ts';
import { describeServices, uniqueSuffix } from './service-context.ts';

describeServices('unit aliases', (s) => {
  it('appends one alias and then several, keeping their order', async () => {
    const suffix = uniqueSuffix();
    const unit = await insertUnit(s.db, { name: `测试局${suffix}`, normalizedKey: `测试局${suffix}`, regionCode: null, aliases: [], aliasKeys: [] });
    await addUnitAliases(s.db, unit.id, ['原测试局'], ['原测试局']);
    await addUnitAliases(s.db, unit.id, ['旧称甲', "旧称'乙"], ['旧称甲', "旧称'乙"]);
    const stored = await findUnitById(s.db, unit.id);
    expect(stored?.aliases).toEqual(['原测试局', '旧称甲', "旧称'乙"]);
    expect(stored?.aliasKeys).toEqual(['原测试局', '旧称甲', "旧称'乙"]);
  });
});
