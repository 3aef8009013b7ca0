/**
 * Formal documents in the body's own name (不正式行文) and the meeting notice (会议通知) issued as one,
 * signed (签发) by a role the charter gate allows for a document in the body's name (`sign_document`).
 */
import type { Database } from '../../db/database.ts';
import type { Charter } from '../../domain/charter/charter-types.ts';
import type { RuleClause } from '../../domain/meetings/meeting-rules.ts';
import type { MeetingStatus } from '../../domain/meetings/meeting-types.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { AppError } from '../../errors/app-error.ts';
import { requireCharterGate } from '../../policy/charter-gate.ts';
import { listAgendaItems, listInvitees } from '../../repositories/meeting-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { actorIdOf, assertStatus, getMeetingRow, heldRolesOn, loadActiveBodyCharter, nowOf } from './meeting-context.ts';
import { toInviteeItem } from './meeting-views.ts';
import type { InviteeItem } from './meeting-views.ts';

/** Document kinds a body may issue in its own name. */
export type FormalDocumentKind = 'minutes' | 'notice' | 'circular' | 'bulletin' | 'letter' | 'report';

const DOCUMENT_LABELS: Record<FormalDocumentKind, string> = {
  minutes: '会议纪要',
  notice: '会议通知',
  circular: '通报',
  bulletin: '简报',
  letter: '函件',
  report: '报告',
};

/**
 * Refuses an outgoing official document in the body's own name when the charter says the body does
 * not issue formal documents (不正式行文); minutes are always allowed. H4 calls this before
 * rendering notices and circulars.
 */
export function assertMayIssueFormalDocument(charter: Pick<Charter, 'flags' | 'normalizedText' | 'foundingDocument'>, documentKind: FormalDocumentKind): void {
  const refusal = formalDocumentRefusal(charter, documentKind);
  if (refusal !== null) throw refusal;
}

/** Why the body may not issue this document in its own name (不正式行文), with the clause, or null. Pure. */
export function formalDocumentRefusal(charter: Pick<Charter, 'flags' | 'normalizedText' | 'foundingDocument'>, documentKind: FormalDocumentKind): AppError | null {
  if (documentKind === 'minutes' || !charter.flags.noFormalDocuments) return null;
  const span = charter.flags.sources.noFormalDocuments;
  const clause: RuleClause = {
    document: charter.foundingDocument.title,
    clause: null,
    text: span === null ? '不正式行文' : charter.normalizedText.slice(span.start, span.end),
  };
  return new AppError(
    'formal_document_not_allowed',
    `本机构不正式行文，不能以本机构名义印发${DOCUMENT_LABELS[documentKind]}（会议纪要除外）`,
    { clause, details: { documentKind } },
  );
}

/**
 * Why the meeting notice document (DOCX/PDF) may not be produced, or null: not for a body that issues
 * no formal documents, nor for a draft or cancelled meeting. Pure; the download and the meeting's
 * actions ask it.
 */
export function noticeDocumentRefusal(
  charter: Pick<Charter, 'flags' | 'normalizedText' | 'foundingDocument'>,
  meeting: { status: MeetingStatus },
): AppError | null {
  const formal = formalDocumentRefusal(charter, 'notice');
  if (formal !== null) return formal;
  if (meeting.status === 'draft' || meeting.status === 'cancelled') {
    return new AppError('meeting_not_noticeable', '草稿或已取消的会议不能印发会议通知', { field: 'meetingId', details: { status: meeting.status } });
  }
  return null;
}

export interface MeetingNotice {
  bodyId: string;
  bodyName: string;
  meetingId: string;
  title: string;
  kindName: string;
  startsAt: string;
  endsAt: string | null;
  location: string | null;
  agenda: { position: number; title: string }[];
  invitees: InviteeItem[];
  issuedAt: string;
}

/**
 * Issues the meeting notice as an official document in the body's name (refused for a body that does
 * not issue formal documents, with the clause), signed by the acting account as the charter allows
 * (a group's meeting: as the charter says for documents a group asks for). Returns the notice's
 * content, audited.
 */
export async function issueMeetingNotice(db: Database, options: { bodyId: string; meetingId: string; origin: AuditOrigin }): Promise<MeetingNotice> {
  const now = nowOf(options.origin);
  return db.transaction(async (tx) => {
    const meeting = await getMeetingRow(tx, options);
    const { body, charter } = await loadActiveBodyCharter(tx, { bodyId: options.bodyId });
    assertMayIssueFormalDocument(charter, 'notice');
    assertStatus(meeting, ['scheduled'], '印发会议通知');
    const held = await heldRolesOn(tx, { accountId: actorIdOf(options.origin), bodyId: options.bodyId, day: shanghaiDateOf(now) });
    const signed = requireCharterGate(charter, {
      step: 'sign_document',
      document: { issuedInNameOf: 'body', initiatedBy: meeting.kind === 'group' ? 'group' : null },
      roles: held.gateRoles,
    });
    const agenda = (await listAgendaItems(tx, meeting.id)).filter((i) => i.status === 'approved');
    const notice: MeetingNotice = {
      bodyId: body.id,
      bodyName: body.name,
      meetingId: meeting.id,
      title: meeting.title,
      kindName: meeting.kindName,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt?.toISOString() ?? null,
      location: meeting.location,
      agenda: agenda.map((i) => ({ position: i.position, title: i.title })),
      invitees: (await listInvitees(tx, meeting.id)).map(toInviteeItem),
      issuedAt: now.toISOString(),
    };
    await recordAudit(tx, { ...options.origin, action: 'meeting.issue_notice', entityType: 'meeting', entityId: meeting.id, before: null, after: { ...notice, signedAs: signed.as } });
    return notice;
  });
}
