/**
 * The one entry of the charter gates: `decideGate(charter, request)` answers whether the actor may
 * take the step (and as which role), or why not — with the charter's clause, or saying that the
 * system default applies because the charter is silent. Never throws. Pure.
 *
 * (Membership and liaison changes have their own entry, `decideMembershipChange` in
 * membership-change-gate.ts, since they need the proposal's facts.)
 */
import { signDocumentGate, reviewDocumentGate } from './document-gates.ts';
import { handlingDeadlineGate } from './deadline-gate.ts';
import type { GateCharter } from './gate-decisions.ts';
import type { GateDecision, GateRequest } from './gate-types.ts';
import {
  approveAgendaGate,
  approveObserversGate,
  attendGate,
  delegatePresidingGate,
  presideGate,
  presideGroupMeetingGate,
  proposeAgendaGate,
  signOffMinutesGate,
} from './meeting-gates.ts';

export function decideGate(charter: GateCharter, request: GateRequest): GateDecision {
  switch (request.step) {
    case 'preside':
      return presideGate(charter, request);
    case 'preside_group_meeting':
      return presideGroupMeetingGate(charter, request);
    case 'delegate_presiding':
      return delegatePresidingGate(charter, request);
    case 'propose_agenda':
      return proposeAgendaGate(charter, request);
    case 'approve_agenda':
      return approveAgendaGate(charter, request);
    case 'approve_observers':
      return approveObserversGate(charter, request);
    case 'attend':
      return attendGate(charter, request);
    case 'sign_off_minutes':
      return signOffMinutesGate(charter, request);
    case 'review_document':
      return reviewDocumentGate(charter, request);
    case 'sign_document':
      return signDocumentGate(charter, request);
    case 'set_handling_deadline':
      return handlingDeadlineGate(charter, request);
  }
}
