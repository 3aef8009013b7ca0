/**
 * Incoming documents as readers see them: each with its standing (working days left or overdue,
 * the rung of the body's escalation ladder) derived from the deadline and today on the body's
 * working-day calendar — never stored — the body's list, one document, a unit's open documents.
 */
import type { Clock } from '../../config/clock.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { DeadlineBasis } from '../../domain/decisions/decision-deadline.ts';
import { deadlineStanding } from '../../domain/decisions/decision-status.ts';
import { currentRung } from '../../domain/decisions/escalation-ladder.ts';
import type { EscalationRung, EscalationSettings } from '../../domain/decisions/escalation-ladder.ts';
import { INCOMING_ROUTING_NAMES, INCOMING_STATUS_NAMES, awaitsReply } from '../../domain/incoming-documents/incoming-status.ts';
import type { IncomingDocumentStatus, IncomingRouting } from '../../domain/incoming-documents/incoming-status.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { AppError } from '../../errors/app-error.ts';
import { listIncomingDocumentViews } from '../../repositories/incoming-document-repository.ts';
import type { IncomingDocumentView } from '../../repositories/incoming-document-repository.ts';
import { loadBodyCalendar } from '../calendar/region-calendar.ts';
import type { RegionCalendar } from '../calendar/region-calendar.ts';
import { getSupervisionSettings } from '../supervision/supervision-settings.ts';

export interface IncomingDocumentItem {
  id: string;
  bodyId: string;
  sendingUnit: string;
  sendingNumber: string | null;
  title: string;
  receivedOn: string;
  status: IncomingDocumentStatus;
  statusName: string;
  routing: IncomingRouting | null;
  routingName: string | null;
  instruction: string | null;
  leadUnit: { unitId: string; name: string } | null;
  coUnits: { unitId: string; name: string }[];
  assignedOn: string | null;
  deadline: string | null;
  deadlineProvisional: boolean;
  deadlineProvisionalReasons: string[];
  deadlineBasis: DeadlineBasis | null;
  /** Derived on the body's calendar while the lead unit owes a reply */
  overdue: boolean;
  workingDaysLeft: number | null;
  workingDaysOverdue: number | null;
  escalationRung: EscalationRung;
  replyText: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  closeNote: string | null;
  attachments: { id: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string }[];
}

/** One document row with its standing on `today`. */
export function toIncomingItem(view: IncomingDocumentView, today: string, calendar: RegionCalendar, ladder: EscalationSettings): IncomingDocumentItem {
  const open = awaitsReply(view.status) && view.deadline !== null;
  const between = open && view.deadline !== null ? calendar.workingDaysBetween(today, view.deadline) : null;
  const standing = between === null || view.deadline === null ? null : deadlineStanding(today, view.deadline, between.workingDays);
  return {
    id: view.id,
    bodyId: view.bodyId,
    sendingUnit: view.sendingUnit,
    sendingNumber: view.sendingNumber,
    title: view.title,
    receivedOn: view.receivedOn,
    status: view.status,
    statusName: INCOMING_STATUS_NAMES[view.status],
    routing: view.routing,
    routingName: view.routing === null ? null : INCOMING_ROUTING_NAMES[view.routing],
    instruction: view.instruction,
    leadUnit: view.leadUnitId === null ? null : { unitId: view.leadUnitId, name: view.leadUnitName ?? '' },
    coUnits: view.coUnits,
    assignedOn: view.assignedOn,
    deadline: view.deadline,
    deadlineProvisional: view.deadlineProvisional,
    deadlineProvisionalReasons: view.deadlineReasons,
    deadlineBasis: view.deadlineBasis,
    overdue: standing?.overdue ?? false,
    workingDaysLeft: standing?.workingDaysLeft ?? null,
    workingDaysOverdue: standing?.workingDaysOverdue ?? null,
    escalationRung: standing === null || view.deadline === null ? 'none' : currentRung({ today, deadline: view.deadline, ...standing }, ladder),
    replyText: view.replyText,
    repliedAt: view.repliedAt?.toISOString() ?? null,
    closedAt: view.closedAt?.toISOString() ?? null,
    closeNote: view.closeNote,
    attachments: view.attachments.map((a) => ({ id: a.id, fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
  };
}

/** Decorates document rows with today's standing on each body's calendar. */
export async function toIncomingItems(db: DbOrTx, options: { views: readonly IncomingDocumentView[]; today: string }): Promise<IncomingDocumentItem[]> {
  const calendars = new Map<string, RegionCalendar>();
  const ladders = new Map<string, EscalationSettings>();
  const items: IncomingDocumentItem[] = [];
  for (const view of options.views) {
    let calendar = calendars.get(view.bodyId);
    if (calendar === undefined) {
      calendar = await loadBodyCalendar(db, { bodyId: view.bodyId });
      calendars.set(view.bodyId, calendar);
    }
    let ladder = ladders.get(view.bodyId);
    if (ladder === undefined) {
      ladder = await getSupervisionSettings(db, { bodyId: view.bodyId });
      ladders.set(view.bodyId, ladder);
    }
    items.push(toIncomingItem(view, options.today, calendar, ladder));
  }
  return items;
}

/** A body's incoming documents, filtered by status, unit (lead or co-handling) and derived overdue. */
export async function listIncomingDocuments(
  db: DbOrTx,
  options: { clock: Clock; bodyId: string; status?: IncomingDocumentStatus; unitId?: string; overdue?: boolean },
): Promise<IncomingDocumentItem[]> {
  const views = await listIncomingDocumentViews(db, {
    bodyId: options.bodyId,
    ...(options.status === undefined ? {} : { status: options.status }),
    ...(options.unitId === undefined ? {} : { unitId: options.unitId }),
  });
  const items = await toIncomingItems(db, { views, today: shanghaiDateOf(options.clock.now()) });
  return options.overdue === undefined ? items : items.filter((item) => item.overdue === options.overdue);
}

/** One incoming document of the body, or a 404 naming `documentId`. */
export async function getIncomingDocument(db: DbOrTx, options: { clock: Clock; bodyId: string; documentId: string }): Promise<IncomingDocumentItem> {
  const [view] = await listIncomingDocumentViews(db, { bodyId: options.bodyId, ids: [options.documentId] });
  if (!view) throw new AppError('incoming_document_not_found', '收文不存在', { field: 'documentId' });
  const [item] = await toIncomingItems(db, { views: [view], today: shanghaiDateOf(options.clock.now()) });
  if (!item) throw new AppError('incoming_document_not_found', '收文不存在', { field: 'documentId' });
  return item;
}

/**
 * The documents a unit still owes a reply on (lead or co-handling) across every body it sits in,
 * limited to the bodies `mayRead` allows.
 */
export async function listUnitOpenIncomingDocuments(
  db: DbOrTx,
  options: { clock: Clock; unitId: string; mayRead: (bodyId: string) => Promise<boolean>; primeReader?: (bodyIds: readonly string[]) => Promise<void> },
): Promise<IncomingDocumentItem[]> {
  const views = await listIncomingDocumentViews(db, { unitId: options.unitId, awaitingReplyOnly: true });
  const bodyIds = [...new Set(views.map((v) => v.bodyId))];
  await options.primeReader?.(bodyIds);
  const readable = new Map<string, boolean>();
  for (const bodyId of bodyIds) readable.set(bodyId, await options.mayRead(bodyId));
  return toIncomingItems(db, { views: views.filter((v) => readable.get(v.bodyId) === true), today: shanghaiDateOf(options.clock.now()) });
}
