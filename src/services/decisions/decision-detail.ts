/**
 * One decision in full: its deadline history, extension requests, progress reports, reminders and
 * the timeline of all of them.
 */
import type { Clock } from '../../config/clock.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { ProgressReportKind } from '../../db/schema/decisions.ts';
import type { DeadlineBasis } from '../../domain/decisions/decision-deadline.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { listDeadlines, listExtensionRequests, listProgressReports, listReminderSends } from '../../repositories/decision-repository.ts';
import type { ProgressReportView } from '../../repositories/decision-repository.ts';
import { getDecisionView } from './decision-context.ts';
import { toItems } from './decision-views.ts';
import type { DecisionItem } from './decision-views.ts';

export interface TimelineEntry {
  at: string;
  kind: 'assigned' | ProgressReportKind | 'extension_requested' | 'extension_approved' | 'extension_refused' | 'deadline_set' | 'reminder';
  text: string;
  unitId: string | null;
  unitName: string | null;
  actorId: string | null;
  attachments: ProgressReportView['attachments'];
  /** The deadline after this entry, for deadline_set and extension entries */
  deadline: string | null;
  /** The reminder kind, for reminder entries */
  reminderKind: 'before' | 'due' | 'overdue' | null;
  /** Id of the progress report or extension request */
  refId: string | null;
}

export interface DecisionDetail extends DecisionItem {
  deadlines: { deadline: string; provisional: boolean; reasons: string[]; basis: DeadlineBasis; setAt: string; setBy: string | null }[];
  extensionRequests: {
    id: string;
    unitId: string;
    requestedBy: string | null;
    requestedDeadline: string;
    reason: string;
    status: 'pending' | 'approved' | 'refused';
    decidedBy: string | null;
    decidedAt: string | null;
    decisionNote: string | null;
    createdAt: string;
  }[];
  progressReports: {
    id: string;
    kind: ProgressReportKind;
    unitId: string | null;
    unitName: string | null;
    authorId: string | null;
    text: string;
    createdAt: string;
    attachments: ProgressReportView['attachments'];
  }[];
  reminders: { kind: 'before' | 'due' | 'overdue'; dueDate: string; sentAt: string }[];
  /** Everything above in time order */
  timeline: TimelineEntry[];
}

/** One decision with its deadline history, extension requests, progress reports, reminders and timeline. */
export async function getDecision(db: DbOrTx, options: { clock: Clock; bodyId: string; decisionId: string }): Promise<DecisionDetail> {
  const view = await getDecisionView(db, options);
  const [item] = await toItems(db, { views: [view], today: shanghaiDateOf(options.clock.now()) });
  if (!item) throw new Error('decision item missing');
  const deadlines = await listDeadlines(db, view.id);
  const extensions = await listExtensionRequests(db, view.id);
  const reports = await listProgressReports(db, [view.id]);
  const reminders = await listReminderSends(db, view.id);
  const timeline: TimelineEntry[] = [];
  const blank = { unitId: null, unitName: null, actorId: null, attachments: [], deadline: null, reminderKind: null, refId: null };
  for (const [i, d] of deadlines.entries()) {
    timeline.push({
      ...blank,
      at: d.setAt.toISOString(),
      kind: i === 0 ? 'assigned' : 'deadline_set',
      text: i === 0 ? view.text : `办理时限调整为 ${d.deadline}`,
      actorId: d.setBy,
      deadline: d.deadline,
    });
  }
  for (const e of extensions) {
    timeline.push({ ...blank, at: e.createdAt.toISOString(), kind: 'extension_requested', text: e.reason, unitId: e.unitId, actorId: e.requestedBy, deadline: e.requestedDeadline, refId: e.id });
    if (e.status !== 'pending' && e.decidedAt !== null) {
      timeline.push({
        ...blank,
        at: e.decidedAt.toISOString(),
        kind: e.status === 'approved' ? 'extension_approved' : 'extension_refused',
        text: e.decisionNote ?? '',
        unitId: e.unitId,
        actorId: e.decidedBy,
        deadline: e.requestedDeadline,
        refId: e.id,
      });
    }
  }
  for (const r of reports) {
    timeline.push({ ...blank, at: r.createdAt.toISOString(), kind: r.kind, text: r.text, unitId: r.unitId, unitName: r.unitName, actorId: r.authorId, attachments: r.attachments, refId: r.id });
  }
  for (const s of reminders) {
    timeline.push({ ...blank, at: s.sentAt.toISOString(), kind: 'reminder', text: `提醒（${s.dueDate}）`, deadline: s.dueDate, reminderKind: s.kind });
  }
  timeline.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    ...item,
    deadlines: deadlines.map((d) => ({ deadline: d.deadline, provisional: d.provisional, reasons: d.reasons, basis: d.basis, setAt: d.setAt.toISOString(), setBy: d.setBy })),
    extensionRequests: extensions.map((e) => ({
      id: e.id,
      unitId: e.unitId,
      requestedBy: e.requestedBy,
      requestedDeadline: e.requestedDeadline,
      reason: e.reason,
      status: e.status,
      decidedBy: e.decidedBy,
      decidedAt: e.decidedAt?.toISOString() ?? null,
      decisionNote: e.decisionNote,
      createdAt: e.createdAt.toISOString(),
    })),
    progressReports: reports.map((r) => ({
      id: r.id,
      kind: r.kind,
      unitId: r.unitId,
      unitName: r.unitName,
      authorId: r.authorId,
      text: r.text,
      createdAt: r.createdAt.toISOString(),
      attachments: r.attachments,
    })),
    reminders: reminders.map((s) => ({ kind: s.kind, dueDate: s.dueDate, sentAt: s.sentAt.toISOString() })),
    timeline,
  };
}
