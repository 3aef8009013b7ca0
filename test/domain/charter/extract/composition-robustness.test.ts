import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DocumentStructure } from '../../../../src/domain/charter/pipeline-types.ts';
import { extractComposition } from '../../../../src/domain/charter/extract/composition.ts';
import { propertyRuns } from '../../property-runs.ts';

const EMPTY_STRUCTURE: DocumentStructure = {
  title: { value: '', source: { start: 0, end: 0 } },
  docNumber: null,
  addressees: null,
  issuer: null,
  issueDate: null,
  metadata: {},
  documents: [],
  sections: [],
  truncated: false,
};

const PIECES = ['省', '市委', '宣传部', '、', '，', '；', '。', '\n', '由', '等', '35个部门和单位组成', '为成员单位', '召集人：', '成员：', '张某某', '\t', '副部长', '（', '）', '办公室设在', '牵头单位：', '（一）', '某类事项。', '6个专题组', '联络员', '担任', '组长由', '分管负责人'];

describe('extractComposition on arbitrary text', () => {
  it('never throws and keeps every span inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const c = extractComposition({ text, structure: EMPTY_STRUCTURE, body: { name: '', kind: 'other', level: null, region: null } });
        const spans = [
          ...c.memberUnits.map((u) => u.source),
          ...c.roles.map((r) => r.source),
          ...c.groups.map((g) => g.source),
          ...(c.office ? [c.office.source] : []),
          ...(c.liaison ? [c.liaison.source] : []),
        ];
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(s.start).toBeLessThanOrEqual(s.end);
        }
      }),
      { numRuns: propertyRuns(300) },
    );
  });
  it('returns nothing for a text without composition', () => {
    const c = extractComposition({ text: '为进一步加强工作，现通知如下。', structure: EMPTY_STRUCTURE, body: { name: '', kind: 'other', level: null, region: null } });
    expect(c).toEqual({ memberUnits: [], memberUnitsStated: null, roles: [], office: null, liaison: null, groups: [], findings: [] });
  });
});
