/**
 * Incoming documents (收文): their status transitions (登记 → 批办/转办 → 办复 → 办结), and the
 * deadline of an assignment (the charter's handling-deadline rule, its co-handled days when other
 * units handle the document with the lead unit) checked against the body's sunset. Pure: no I/O.
 */
import type { Charter } from '../charter/charter-types.ts';
import { computeDeadline } from '../decisions/decision-deadline.ts';
import type { DeadlineCalendar, DeadlineResult, DeadlineSpec } from '../decisions/decision-deadline.ts';

/** Every status of an incoming document, in workflow order (the contracts' enum is this list). */
export const INCOMING_DOCUMENT_STATUSES = ['registered', 'assigned', 'replied', 'closed'] as const;
export type IncomingDocumentStatus = (typeof INCOMING_DOCUMENT_STATUSES)[number];

/** 批办 (assign: an instruction to handle) or 转办 (forward: handed on to the competent unit). */
export const INCOMING_ROUTINGS = ['assign', 'forward'] as const;
export type IncomingRouting = (typeof INCOMING_ROUTINGS)[number];

export const INCOMING_ROUTING_NAMES: Record<IncomingRouting, string> = { assign: '批办', forward: '转办' };

export const INCOMING_STATUS_NAMES: Record<IncomingDocumentStatus, string> = {
  registered: '已登记',
  assigned: '办理中',
  replied: '已办复',
  closed: '已办结',
};

/** The steps that change an incoming document's status. */
export type IncomingStep = 'assign' | 'reply' | 'close' | 'send_back';

const STEPS: Record<IncomingStep, { from: readonly IncomingDocumentStatus[]; to: IncomingDocumentStatus }> = {
  assign: { from: ['registered'], to: 'assigned' },
  reply: { from: ['assigned'], to: 'replied' },
  close: { from: ['replied'], to: 'closed' },
  send_back: { from: ['replied'], to: 'assigned' },
};

/** The status a step leads to, or null when the step is not allowed from `status`. */
export function nextIncomingStatus(status: IncomingDocumentStatus, step: IncomingStep): IncomingDocumentStatus | null {
  const rule = STEPS[step];
  return rule.from.includes(status) ? rule.to : null;
}

/** Why a step is refused from a status, in Chinese. */
export function stepRefusal(status: IncomingDocumentStatus, step: IncomingStep): string {
  const now = INCOMING_STATUS_NAMES[status];
  switch (step) {
    case 'assign':
      return `收文${now}，已批办或转办过，不能再次批办、转办`;
    case 'reply':
      return status === 'registered' ? '收文尚未批办或转办，不能办复' : `收文${now}，不能再次办复`;
    case 'close':
      return status === 'closed' ? '收文已办结，不能再次办结' : `收文${now}，主办单位办复后才能办结`;
    case 'send_back':
      return `收文${now}，只有已办复的收文才能退回`;
  }
}

/** Whether the lead unit still owes the document a reply (the reminders and the overdue count apply). */
export function awaitsReply(status: IncomingDocumentStatus): boolean {
  return status === 'assigned';
}

/** Why an assignment's deadline is refused beyond the calendar: it lies past the body's sunset. */
export interface SunsetRefusal {
  code: 'incoming_deadline_after_sunset';
  message: string;
  field: string;
}

/**
 * The deadline of an incoming document assigned on `assignedOn`: as `computeDeadline` counts it
 * (a date, working days, or the charter's handling deadline — co-handled when there are
 * co-handling units), refused when it falls after the body's sunset date.
 */
export function incomingDeadline(options: {
  calendar: DeadlineCalendar;
  charter: Charter;
  assignedOn: string;
  deadline: DeadlineSpec;
  coHandled: boolean;
  sunsetDate: string | null;
}): DeadlineResult | { ok: false; refusal: SunsetRefusal } {
  const result = computeDeadline({
    calendar: options.calendar,
    charter: options.charter,
    issuedOn: options.assignedOn,
    deadline: options.deadline,
    coHandled: options.coHandled,
    field: 'deadline',
    startLabel: '批办日期',
  });
  if (!result.ok) return result;
  if (options.sunsetDate !== null && result.deadline.deadline > options.sunsetDate) {
    return {
      ok: false,
      refusal: {
        code: 'incoming_deadline_after_sunset',
        message: `办理时限（${result.deadline.deadline}）晚于本机构的撤销日期（${options.sunsetDate}），请另定时限或移交其他机构办理`,
        field: 'deadline',
      },
    };
  }
  return result;
}
