/**
 * Charter gates: every step a charter governs is decided here, from one table
 * (gate-table.ts: steps × rule types × defaults). See docs/ARCHITECTURE.md, "Charter gates".
 */
export { decideGate } from './check-gate.ts';
export { CHARTER_GATE_TABLE, DEFAULT_PREFIX, RULE_TYPE_COVERAGE, gateRow } from './gate-table.ts';
export type { GateBinding, GateTableRow, RuleTypeCoverage } from './gate-table.ts';
export { GATE_ROLES, GATE_STEPS } from './gate-types.ts';
export type { GateBasis, GateClause, GateDecision, GateRequest, GateRole, GateStep, OutgoingDocument } from './gate-types.ts';
export { ACTOR_LABELS, GATE_ROLE_LABELS, ROLE_ACTS_AS, charterTitles, describeActors, rolesAllowed } from './gate-roles.ts';
export { bindByKind, clauseOfRule, statedForKind } from './rule-binding.ts';
export { observerApprovalRuleOf } from './meeting-gates.ts';
export { documentSigningRuleOf } from './document-gates.ts';
export { handlingDeadlineRuleOf, handlingLimit } from './deadline-gate.ts';
