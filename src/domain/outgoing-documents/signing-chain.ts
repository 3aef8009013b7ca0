/**
 * The signing chain (发文流程) of an outgoing document as the charter states it for the name it is
 * issued in and who asks for it: an optional review (审核) and the signing (签发), each with the
 * actors the charter names and its clause — or the system default when the charter is silent. The
 * gates (src/domain/charter-gates/document-gates.ts) decide who may take a step; this says which
 * step comes next. Pure.
 */
import type { Actor } from '../charter/charter-types.ts';
import { documentSigningRuleOf } from '../charter-gates/document-gates.ts';
import { defaultBasis, ruleBasis, type GateCharter } from '../charter-gates/gate-decisions.ts';
import { charterTitles, describeActors } from '../charter-gates/gate-roles.ts';
import type { GateBasis, OutgoingDocument } from '../charter-gates/gate-types.ts';
import type { OutgoingDocumentStatus } from './outgoing-types.ts';

export interface SigningChainStep {
  step: 'review' | 'sign';
  /** The actors the charter (or the default) names for the step */
  actors: Actor[];
  /** 办公室主任审核, 组长或副组长签发 — in the charter's own titles */
  label: string;
  basis: GateBasis;
}

/** The document's chain: [review?, sign]. */
export function signingChainOf(charter: GateCharter, document: OutgoingDocument): SigningChainStep[] {
  const rule = documentSigningRuleOf(charter, document);
  const titles = charterTitles(charter);
  const steps: SigningChainStep[] = [];
  if (rule !== null && rule.reviewers.length > 0) {
    steps.push({ step: 'review', actors: [...rule.reviewers], label: `${describeActors(rule.reviewers, titles)}审核`, basis: ruleBasis(charter, rule) });
  }
  const signers: Actor[] =
    rule !== null && rule.signers.length > 0 ? [...rule.signers] : document.issuedInNameOf === 'body' ? ['convener', 'deputy_convener', 'office'] : ['office'];
  steps.push({
    step: 'sign',
    actors: signers,
    label: `${describeActors(signers, titles)}签发`,
    basis: rule !== null && rule.signers.length > 0 ? ruleBasis(charter, rule) : defaultBasis('sign_document'),
  });
  return steps;
}

/** The status a submitted draft takes: awaiting its review when the chain has one, else its signing. */
export function statusAfterSubmit(chain: readonly SigningChainStep[]): OutgoingDocumentStatus {
  return chain.some((s) => s.step === 'review') ? 'awaiting_review' : 'awaiting_signature';
}

/** Which step a document in a status waits for (null: none — a draft or an issued document). */
export function pendingStep(status: OutgoingDocumentStatus): 'review' | 'sign' | null {
  if (status === 'awaiting_review') return 'review';
  if (status === 'awaiting_signature') return 'sign';
  return null;
}

/**
 * Why a step cannot be taken in a status, in Chinese, or null when it can: signing before the review
 * the charter requires, reviewing twice, acting on a draft not yet submitted or on an issued document.
 */
export function stepOrderProblem(status: OutgoingDocumentStatus, step: 'submit' | 'review' | 'sign', chain: readonly SigningChainStep[]): string | null {
  const hasReview = chain.some((s) => s.step === 'review');
  if (status === 'issued') return '该文件已印发，不能再办理';
  if (step === 'submit') return status === 'draft' ? null : '该文件已送审，不能重复提交';
  if (status === 'draft') return '该文件尚未提交，不能审核或签发';
  if (step === 'review') {
    if (!hasReview) return '本机构制度对该类行文未规定审核环节，应直接签发';
    return status === 'awaiting_review' ? null : '该文件已经审核，等待签发';
  }
  return status === 'awaiting_signature' ? null : `该文件须先经${chain.find((s) => s.step === 'review')?.label ?? '审核'}，方可签发`;
}
