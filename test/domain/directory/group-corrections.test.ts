/** The office's corrections of a group applied on top of what the charter states. */
import { describe, expect, it } from 'vitest';
import { applyGroupCorrection, checkGroupCorrection, groupKey } from '../../../src/domain/directory/group-corrections.ts';

const charterUnits = [
  { unitId: 'lead-1', lead: true },
  { unitId: 'm-1', lead: false },
  { unitId: 'm-2', lead: false },
];

describe('group corrections', () => {
  it('keeps the charter where nothing is corrected', () => {
    expect(applyGroupCorrection(charterUnits, null)).toEqual({ units: charterUnits, leaders: [] });
    expect(applyGroupCorrection(charterUnits, { leadUnitIds: null, memberUnitIds: null, leaders: null })).toEqual({ units: charterUnits, leaders: [] });
    // A charter may list a unit as both lead and member: left as it states.
    const both = [...charterUnits, { unitId: 'lead-1', lead: false }];
    expect(applyGroupCorrection(both, { leadUnitIds: null, memberUnitIds: null, leaders: [{ personId: 'p', title: '副组长' }] }).units).toEqual(both);
  });

  it('replaces only the corrected parts; a lead unit is not also a member unit', () => {
    const result = applyGroupCorrection(charterUnits, { leadUnitIds: ['m-1'], memberUnitIds: null, leaders: [{ personId: 'p', title: '组长' }] });
    expect(result.units).toEqual([
      { unitId: 'm-1', lead: true },
      { unitId: 'm-2', lead: false },
    ]);
    expect(result.leaders).toEqual([{ personId: 'p', title: '组长' }]);
    const empty = applyGroupCorrection([], { leadUnitIds: ['a'], memberUnitIds: ['b', 'b'], leaders: null });
    expect(empty.units).toEqual([
      { unitId: 'a', lead: true },
      { unitId: 'b', lead: false },
    ]);
  });

  it('refuses two 组长, a person twice, a unit both lead and member', () => {
    expect(checkGroupCorrection({ leadUnitIds: null, memberUnitIds: null, leaders: [{ personId: 'a', title: '组长' }, { personId: 'b', title: '组长' }] })).toEqual({ code: 'too_many_leads', index: 1 });
    expect(checkGroupCorrection({ leadUnitIds: null, memberUnitIds: null, leaders: [{ personId: 'a', title: '组长' }, { personId: 'a', title: '副组长' }] })).toEqual({ code: 'duplicate_leader', index: 1 });
    expect(checkGroupCorrection({ leadUnitIds: ['u'], memberUnitIds: ['u'], leaders: null })).toEqual({ code: 'unit_both_lead_and_member', unitId: 'u' });
    expect(checkGroupCorrection({ leadUnitIds: ['u'], memberUnitIds: ['v'], leaders: [{ personId: 'a', title: '组长' }, { personId: 'b', title: '副组长' }] })).toBeNull();
  });

  it('keys a group by its normalised name (so a correction survives a re-import)', () => {
    expect(groupKey('精简 行政审批组')).toBe(groupKey('精简行政审批组'));
  });
});
