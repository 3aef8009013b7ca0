import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEnd, checkPeriod, holdingOn, holdsOn } from '../../../src/domain/directory/membership-timeline.ts';
import { planSync, rosterKey } from '../../../src/domain/directory/roster-sync.ts';
import { shanghaiDateOf } from '../../../src/domain/time/shanghai-date.ts';
import { isIsoDate } from '../../../src/domain/calendar/iso-date.ts';

describe('membership timeline', () => {
  it('knows real dates', () => {
    expect(isIsoDate('2020-07-22')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2020-7-22')).toBe(false);
    expect(isIsoDate('2020-13-01')).toBe(false);
  });

  it('holds on [validFrom, validTo)', () => {
    const p = { validFrom: '2020-07-22', validTo: '2021-01-01' };
    expect(holdsOn(p, '2020-07-21')).toBe(false);
    expect(holdsOn(p, '2020-07-22')).toBe(true);
    expect(holdsOn(p, '2020-12-31')).toBe(true);
    expect(holdsOn(p, '2021-01-01')).toBe(false);
    expect(holdsOn({ validFrom: '2020-07-22', validTo: null }, '2099-01-01')).toBe(true);
  });

  it('after a change on day D exactly one of the two holds on every day', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((n) => new Date(Date.UTC(1990, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (a, b, probe) => {
        const [from, change] = a < b ? [a, b] : [b, a];
        if (from === change) return true;
        const old = { validFrom: from, validTo: change };
        const successor = { validFrom: change, validTo: null };
        const holding = holdingOn([old, successor], probe);
        return probe < from ? holding.length === 0 : holding.length === 1;
      }),
    );
  });

  it('checks periods and ends', () => {
    expect(checkPeriod({ validFrom: '2020-01-01', validTo: null })).toBeNull();
    expect(checkPeriod({ validFrom: '2020-01-01', validTo: '2020-01-01' })).toBe('ends_before_start');
    expect(checkPeriod({ validFrom: 'x', validTo: null })).toBe('invalid_from');
    expect(checkPeriod({ validFrom: '2020-01-01', validTo: '2020-02-30' })).toBe('invalid_to');
    expect(checkEnd({ validFrom: '2020-01-01', validTo: null }, '2020-01-02')).toBeNull();
    expect(checkEnd({ validFrom: '2020-01-01', validTo: null }, '2020-01-01')).toBe('before_start');
    expect(checkEnd({ validFrom: '2020-01-01', validTo: '2021-01-01' }, '2022-01-01')).toBe('already_ended');
    expect(checkEnd({ validFrom: '2020-01-01', validTo: null }, '2022/01/01')).toBe('invalid_date');
  });

  it('takes today in China', () => {
    expect(shanghaiDateOf(new Date('2024-01-31T16:30:00Z'))).toBe('2024-02-01');
    expect(shanghaiDateOf(new Date('2024-01-31T15:30:00Z'))).toBe('2024-01-31');
  });
});

describe('roster sync', () => {
  const role = (kind: 'convener' | 'member', person: string | null, position: string | null = null) => ({
    kind,
    title: kind === 'convener' ? '召集人' : '成员',
    person,
    position,
    unit: null,
  });

  it('keys a role by kind, title and person, or by position when vacant', () => {
    expect(rosterKey(role('convener', '钟　山'))).toBe(rosterKey(role('convener', '钟山', '另一个职务')));
    expect(rosterKey(role('convener', null, '省政府分管副省长'))).not.toBe(rosterKey(role('member', null, '省政府分管副省长')));
  });

  it('plans which items hold on, end and start; duplicates pair up in order', () => {
    const plan = planSync(['a', 'b', 'b', 'c'], ['b', 'c', 'd', 'c'], (x) => x, (x) => x);
    expect(plan.keep.map((k) => k.current)).toEqual(['b', 'c']);
    expect(plan.start).toEqual(['d', 'c']);
    expect(plan.end.sort()).toEqual(['a', 'b']);
  });
});
