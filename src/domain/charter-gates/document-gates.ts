/**
 * The outgoing-document gates: who reviews (审核) and who signs (签发) a document issued in the
 * body's or its office's name, as the charter's `document_signing` rules say (a group's request
 * for a document follows the rule stated for groups, else the general one). Pure.
 */
import type { DocumentSigningRule } from '../charter/charter-types.ts';
import { allow, checkActors, defaultBasis, ruleBasis, type GateCharter } from './gate-decisions.ts';
import type { GateDecision, GateRole, OutgoingDocument } from './gate-types.ts';
import { rulesOfType } from './rule-binding.ts';

/** The signing rule for a document: the one for its name and initiator, else its name's general one. */
export function documentSigningRuleOf(charter: GateCharter, document: OutgoingDocument): DocumentSigningRule | null {
  const forName = rulesOfType(charter, 'document_signing').filter((r) => r.issuedInNameOf === document.issuedInNameOf);
  return forName.find((r) => r.initiatedBy === document.initiatedBy) ?? forName.find((r) => r.initiatedBy === null) ?? null;
}

function nameLabel(document: OutgoingDocument): string {
  return document.issuedInNameOf === 'body' ? '以本机构名义的行文' : '以办公室名义的行文';
}

/** Who reviews the document before it is signed; allowed for anyone where no review is stated. */
export function reviewDocumentGate(charter: GateCharter, request: { document: OutgoingDocument; roles: readonly GateRole[] }): GateDecision {
  const rule = documentSigningRuleOf(charter, request.document);
  if (rule === null) return allow(null, defaultBasis('review_document'));
  if (!Array.isArray(rule.reviewers) || rule.reviewers.length === 0) return allow(null, ruleBasis(charter, rule));
  return checkActors({
    step: 'review_document',
    charter,
    rule,
    allowed: rule.reviewers,
    deputyNeedsDelegation: false,
    roles: request.roles,
    delegated: false,
    what: `审核${nameLabel(request.document)}`,
    code: 'document_review_not_allowed',
    status: 403,
  });
}

/** Who signs the document: the rule's signers, else the default for its name. */
export function signDocumentGate(charter: GateCharter, request: { document: OutgoingDocument; roles: readonly GateRole[] }): GateDecision {
  const rule = documentSigningRuleOf(charter, request.document);
  const governing = rule !== null && Array.isArray(rule.signers) && rule.signers.length > 0 ? rule : null;
  return checkActors({
    step: 'sign_document',
    charter,
    rule: governing,
    allowed: governing?.signers ?? (request.document.issuedInNameOf === 'body' ? ['convener', 'deputy_convener', 'office'] : ['office']),
    deputyNeedsDelegation: false,
    roles: request.roles,
    delegated: false,
    what: `签发${nameLabel(request.document)}`,
    code: 'document_signing_not_allowed',
    status: 403,
  });
}
