/**
 * The signing chain of outgoing documents on the 004 seed's three sets of rules (第十三条, 第十四条,
 * and the thematic groups' 第十条/第十一条) and on a silent charter; the order of steps; 发文字号 and
 * 期数; the bulletin series read from the charter's own words (003 named, 004 derived).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Charter } from '../../../src/domain/charter/charter-types.ts';
import { importCharter } from '../../../src/domain/charter/import-charter.ts';
import { decideGate } from '../../../src/domain/charter-gates/index.ts';
import { bulletinSeriesOf, distributionOf, splitRecipients } from '../../../src/domain/outgoing-documents/bulletin-series.ts';
import { bulletinRegister, defaultRegisterPrefix, formatDocumentNumber, formatIssueNumber } from '../../../src/domain/outgoing-documents/document-number.ts';
import { pendingStep, signingChainOf, statusAfterSubmit, stepOrderProblem } from '../../../src/domain/outgoing-documents/signing-chain.ts';
import { OUTGOING_DOCUMENT_STATUSES } from '../../../src/domain/outgoing-documents/outgoing-types.ts';
import { seed } from '../charter/seed-files.ts';
import { propertyRuns } from '../property-runs.ts';

const charters = new Map<string, Charter>();
function charterOf(prefix: string): Charter {
  let c = charters.get(prefix);
  if (c === undefined) {
    const result = importCharter(seed(prefix));
    if (!result.ok) throw new Error(result.error.message);
    c = result.charter;
    charters.set(prefix, c);
  }
  return c;
}

function chainOf(prefix: string | Charter, issuedInNameOf: 'body' | 'office', initiatedBy: 'group' | null) {
  return signingChainOf(typeof prefix === 'string' ? charterOf(prefix) : prefix, { issuedInNameOf, initiatedBy }).map((s) => ({
    step: s.step,
    label: s.label,
    clause: s.basis.kind === 'rule' ? s.basis.clause.clause : null,
  }));
}

describe('signing chain', () => {
  it('004: in the body’s name, 办公室主任审核 then 组长或副组长签发 (第十三条)', () => {
    expect(chainOf('004', 'body', null)).toEqual([
      { step: 'review', label: '办公室主任审核', clause: '第十三条' },
      { step: 'sign', label: '组长或副组长签发', clause: '第十三条' },
    ]);
  });

  it('004: in the office’s name, 办公室主任签发 alone (第十四条)', () => {
    expect(chainOf('004', 'office', null)).toEqual([{ step: 'sign', label: '办公室主任签发', clause: '第十四条' }]);
  });

  it('004: a thematic group’s paper follows the groups’ own rules (第十条, 第十一条)', () => {
    expect(chainOf('004', 'body', 'group').map((s) => s.clause)).toEqual(['第十条', '第十条']);
    expect(chainOf('004', 'office', 'group')).toEqual([
      { step: 'review', label: '工作组组长审核', clause: '第十一条' },
      { step: 'sign', label: '办公室主任签发', clause: '第十一条' },
    ]);
  });

  it('a silent charter: no review, signed by the default signers, saying so', () => {
    const silent = { ...charterOf('000'), rules: [] };
    const chain = signingChainOf(silent, { issuedInNameOf: 'body', initiatedBy: null });
    expect(chain.map((s) => s.step)).toEqual(['sign']);
    expect(chain[0]?.basis.kind).toBe('default');
    expect(signingChainOf(silent, { issuedInNameOf: 'office', initiatedBy: null })[0]?.actors).toEqual(['office']);
  });

  it('the gate refuses the wrong person at each step of 004’s chains, citing the clause', () => {
    const c = charterOf('004');
    const review = decideGate(c, { step: 'review_document', document: { issuedInNameOf: 'body', initiatedBy: null }, roles: ['deputy_convener'] });
    expect(review).toMatchObject({ allowed: false, code: 'document_review_not_allowed' });
    const sign = decideGate(c, { step: 'sign_document', document: { issuedInNameOf: 'body', initiatedBy: null }, roles: ['office_staff'] });
    expect(sign.allowed).toBe(false);
    expect(sign.basis.kind === 'rule' && sign.basis.clause.clause).toBe('第十三条');
    expect(decideGate(c, { step: 'review_document', document: { issuedInNameOf: 'office', initiatedBy: 'group' }, roles: ['group_leader'] })).toMatchObject({ allowed: true, as: 'group_leader' });
    const groupSign = decideGate(c, { step: 'sign_document', document: { issuedInNameOf: 'office', initiatedBy: 'group' }, roles: ['group_leader', 'member'] });
    expect(groupSign.basis.kind === 'rule' && groupSign.basis.clause.clause).toBe('第十一条');
    expect(groupSign.allowed).toBe(false);
  });
});

describe('step order', () => {
  const withReview = signingChainOf(charterOf('004'), { issuedInNameOf: 'body', initiatedBy: null });
  const signOnly = signingChainOf(charterOf('004'), { issuedInNameOf: 'office', initiatedBy: null });

  it('submit → review → sign, and nothing else', () => {
    expect(statusAfterSubmit(withReview)).toBe('awaiting_review');
    expect(statusAfterSubmit(signOnly)).toBe('awaiting_signature');
    expect(stepOrderProblem('draft', 'submit', withReview)).toBeNull();
    expect(stepOrderProblem('awaiting_review', 'review', withReview)).toBeNull();
    expect(stepOrderProblem('awaiting_signature', 'sign', withReview)).toBeNull();
    expect(stepOrderProblem('awaiting_review', 'sign', withReview)).toBe('该文件须先经办公室主任审核，方可签发');
    expect(stepOrderProblem('draft', 'sign', withReview)).toContain('尚未提交');
    expect(stepOrderProblem('awaiting_signature', 'review', signOnly)).toContain('未规定审核环节');
    expect(stepOrderProblem('issued', 'sign', withReview)).toContain('已印发');
  });

  it('property: exactly the pending step of a status may be taken', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OUTGOING_DOCUMENT_STATUSES), fc.constantFrom('submit', 'review', 'sign') as fc.Arbitrary<'submit' | 'review' | 'sign'>, (status, step) => {
        const allowed = stepOrderProblem(status, step, withReview) === null;
        const expected = step === 'submit' ? status === 'draft' : pendingStep(status) === step;
        expect(allowed).toBe(expected);
      }),
      { numRuns: propertyRuns(50) },
    );
  });
});

describe('numbers', () => {
  it('writes 发文字号 and 期数 the GB/T 9704 way', () => {
    expect(formatDocumentNumber('某办', 2026, 3)).toBe('某办〔2026〕3号');
    expect(() => formatDocumentNumber('某办', 2026, 0)).toThrow(RangeError);
    expect(formatIssueNumber(2026, 12)).toBe('2026年第12期');
    expect(defaultRegisterPrefix('某协调小组', 'office')).toBe('某协调小组办公室');
    expect(defaultRegisterPrefix('某协调小组', 'body')).toBe('某协调小组');
    expect(bulletinRegister('某简报')).toBe('bulletin:某简报');
  });
});

describe('bulletin series', () => {
  it('003: named by the charter, with its 报 and 送 lines', () => {
    const series = bulletinSeriesOf(charterOf('003'));
    expect(series).toMatchObject({
      name: '桂林政务服务工作联席会议简报',
      namedByCharter: true,
      reportTo: ['自治区政务服务联席会议办公室', '市人民政府领导'],
      copyTo: ['各县、区人民政府', '联席会议各成员单位'],
    });
  });

  it('004: the body’s name and the paper its rule names (编发工作专报)', () => {
    const c = charterOf('004');
    const series = bulletinSeriesOf(c);
    expect(series?.name).toBe(`${c.body.name}工作专报`);
    expect(series?.namedByCharter).toBe(false);
    expect(series?.basis.kind === 'rule' && series.basis.clause.clause).toBe('第六条');
  });

  it('a charter with no bulletin rule has no series', () => {
    expect(bulletinSeriesOf({ ...charterOf('003'), rules: [] })).toBeNull();
  });

  it('splits recipients on commas and 和, keeping 各县、区人民政府 whole', () => {
    expect(splitRecipients('各县、区人民政府和联席会议各成员单位')).toEqual(['各县、区人民政府', '联席会议各成员单位']);
    expect(splitRecipients('省政府办公厅、省发展改革委')).toEqual(['省政府办公厅', '省发展改革委']);
    expect(distributionOf('编印简报，报市政府，抄送各成员单位')).toEqual({ reportTo: ['市政府'], copyTo: ['各成员单位'] });
  });
});
