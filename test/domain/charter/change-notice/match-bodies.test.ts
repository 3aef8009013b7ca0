import { describe, expect, it } from 'vitest';
import { matchBodies } from '../../../../src/domain/charter/change-notice/match-bodies.ts';

const CANDIDATES = [
  { id: 'a', name: '某省数字经济发展工作领导小组', aliases: [] },
  { id: 'b', name: '某省数字政府建设工作领导小组', aliases: ['某省数字政府改革建设领导小组'] },
  { id: 'c', name: '某市河湖长制工作领导小组', aliases: [] },
  { id: 'd', name: '国务院推进某某高质量发展部际联席会议', aliases: [] },
];

describe('matching a named body to existing bodies', () => {
  it('is sure of the same name, spaces and quotes aside', () => {
    expect(matchBodies('某省数字经济发展 工作领导小组', CANDIDATES)[0]).toMatchObject({ id: 'a', confidence: 1, via: 'name' });
    expect(matchBodies('“某市河湖长制工作领导小组”', CANDIDATES)[0]).toMatchObject({ id: 'c', confidence: 1 });
  });

  it('matches an alias (a former name)', () => {
    expect(matchBodies('某省数字政府改革建设领导小组', CANDIDATES)[0]).toMatchObject({ id: 'b', confidence: 0.95, via: 'alias' });
  });

  it('matches a name without its issuer or region prefix below certainty', () => {
    expect(matchBodies('推进某某高质量发展部际联席会议', CANDIDATES)[0]).toMatchObject({ id: 'd', confidence: 0.85, via: 'core_name' });
  });

  it('ranks a similar wording lower, best first, and leaves unrelated bodies out', () => {
    const found = matchBodies('某省数字经济发展领导小组', CANDIDATES);
    expect(found[0]?.id).toBe('a');
    expect(found[0]?.confidence).toBeLessThan(0.85);
    expect(found[0]?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(found.map((m) => m.id)).not.toContain('c');
    expect(found.map((m) => m.id)).not.toContain('d');
  });

  it('finds nothing for a body that does not exist', () => {
    expect(matchBodies('某县第三次土壤普查领导小组', CANDIDATES)).toEqual([]);
  });
});
