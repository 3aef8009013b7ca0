import type { ActionRule } from './action-rule.ts';
import { bodyActions } from './body-actions.ts';
import { calendarActions } from './calendar-actions.ts';
import { changeNoticeActions } from './change-notice-actions.ts';
import { decisionActions } from './decision-actions.ts';
import { documentActions } from './document-actions.ts';
import { incomingDocumentActions } from './incoming-document-actions.ts';
import { meetingActions } from './meeting-actions.ts';
import { outgoingDocumentActions } from './outgoing-document-actions.ts';
import { platformActions } from './platform-actions.ts';
import { reportActions } from './report-actions.ts';
import { securityActions } from './security-actions.ts';
import { supervisionActions } from './supervision-actions.ts';

/** Every action of Lianxi. Each route asks the policy about exactly one of these. */
export const actions = { ...platformActions, ...bodyActions, ...calendarActions, ...meetingActions, ...decisionActions, ...supervisionActions, ...documentActions, ...incomingDocumentActions, ...reportActions, ...outgoingDocumentActions, ...changeNoticeActions, ...securityActions } satisfies Record<string, ActionRule>;

export type ActionName = keyof typeof actions;

export function actionRule(action: ActionName): ActionRule {
  return actions[action];
}

export const ACTION_NAMES = Object.keys(actions) as ActionName[];
