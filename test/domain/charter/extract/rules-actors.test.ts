/**
 * Text → Actor: the vocabulary of role titles the rules use.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../src/domain/charter/charter-types.ts';
import { ActorVocabulary } from '../../../../src/domain/charter/extract/actors.ts';
import { minPerYear } from '../../../../src/domain/charter/extract/rules-meetings.ts';

const role = (kind: Role['kind'], title: string): Role => ({ kind, title, person: null, position: null, unit: null, source: { start: 0, end: 0 } });

describe('ActorVocabulary', () => {
  const v = new ActorVocabulary({ bodyNames: ['某某协调小组', '协调小组'], roles: [role('convener', '总指挥')] });

  it('maps titles to actors, longest title first', () => {
    expect(v.actors('召集人或召集人委托的副召集人')).toEqual(['convener', 'deputy_convener']);
    expect(v.actors('协调小组办公室主任')).toEqual(['office_director']);
    expect(v.actors('办公室副主任')).toEqual(['office_deputy_director']);
    expect(v.actors('各专题组')).toEqual(['group']);
    expect(v.actors('专题组组长')).toEqual(['group_leader']);
    expect(v.actors('协调小组各成员单位')).toEqual(['member_unit']);
    expect(v.actors('协调小组')).toEqual(['body']);
  });

  it('adds the roster’s own titles', () => {
    expect(v.actors('由总指挥主持')).toEqual(['convener']);
  });

  it('a bare 组长 in a group’s rules is the group’s leader, unless qualified by the body', () => {
    expect(v.actors('组长', 'group')).toEqual(['group_leader']);
    expect(v.actors('协调小组组长', 'group')).toEqual(['convener']);
  });

  it('is not fooled by meetings, lists and units named after a role', () => {
    expect(v.actors('联络员会议')).toEqual([]);
    expect(v.actors('专题组组长单位')).toEqual([]);
    expect(v.actors('协调小组会议')).toEqual([]);
  });

  it('tells actor-only text from prose', () => {
    expect(v.isOnlyActors('组长或副组长')).toBe(true);
    expect(v.isOnlyActors('协调小组办公室根据会议研究的结论性意见整理')).toBe(false);
  });
});

describe('minPerYear', () => {
  it.each([
    ['每年至少召开1次', 1],
    ['原则上每半年召开一次', 2],
    ['每季度召开一次全体会议', 4],
    ['每两个月召开一次', 6],
    ['每月召开', 12],
    ['每年召开两次', 2],
    ['不定期召开', null],
  ])('%s → %s', (text, expected) => {
    expect(minPerYear(text)).toBe(expected);
  });
});
