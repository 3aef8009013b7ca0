/**
 * The documents people download (issue 7), one function per document: each loads through the
 * meetings and decisions services, builds the view model (document-view-builders.ts) and
 * renders it (src/documents/*) in a worker thread of the CPU pool (src/adapters/cpu-pool.ts), off the
 * event loop. DOCX may be converted to PDF where LibreOffice is installed
 * (src/adapters/pdf-conversion.ts).
 * Also the per-person calendar subscription feed and its revocable token (only its SM3 is stored).
 */
import { findAccountById } from '../repositories/account-repository.ts';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../config/clock.ts';
import type { Database, DbOrTx } from '../db/database.ts';
import type { CalendarPerson, DocumentLayout, MinutesDocumentView } from '../documents/document-views.ts';
import { renderCalendarFeedIcs, renderMeetingInvitationIcs } from '../documents/meeting-ics.ts';
import { minutesHeading } from '../documents/minutes-docx.ts';
import { convertDocxToPdf } from '../adapters/pdf-conversion.ts';
import { cpuPool } from './cpu-tasks.ts';
import type { CpuTask } from './cpu-tasks.ts';
import {
  buildCircularView,
  buildInvitationView,
  buildLedgerView,
  buildMeetingNoticeView,
  buildMinutesView,
  calendarAddress,
  officeName,
} from './document-view-builders.ts';
import { AppError } from '../errors/app-error.ts';
import { findBodyById } from '../repositories/body-repository.ts';
import {
  findEmailOfAccount,
  findEmailsOfPeople,
  findLiveFeedToken,
  findLiveFeedTokenByHash,
  insertFeedToken,
  listFeedMeetingKeys,
  revokeLiveFeedToken,
  touchFeedToken,
} from '../repositories/feed-token-repository.ts';
import { findUnitById, listBodyUnits } from '../repositories/unit-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';
import { hashSessionToken } from './auth-service.ts';
import { getCircularForRendering } from './circular-service.ts';
import { listLedgerRows } from './decisions/decision-ledger.ts';
import { incomingLedgerSheet } from './incoming-documents/incoming-ledger.ts';
import { listDecisions } from './decisions/decision-views.ts';
import { loadBodyCharter } from './body-service.ts';
import { getMeetingRow } from './meetings/meeting-context.ts';
import { assertMayIssueFormalDocument, noticeDocumentRefusal } from './meetings/meeting-notice.ts';
import { getMeeting } from './meetings/meeting-views.ts';
import type { MeetingDetail } from './meetings/meeting-views.ts';
import { getMinutesForRendering } from './meetings/minutes-rendering.ts';
import { shanghaiDateOf } from '../domain/time/shanghai-date.ts';

/** Time budget of rendering one document in the CPU pool (queueing included). */
export const DOCUMENT_RENDER_BUDGET_MS = 30_000;

/** Renders a document in a worker thread of the CPU pool, off the event loop. */
async function renderOffThread(task: Extract<CpuTask, { kind: 'render_minutes_docx' | 'render_meeting_notice_docx' | 'render_circular_docx' | 'render_ledger_xlsx' }>): Promise<Buffer> {
  return (await cpuPool().run(task, { budgetMs: DOCUMENT_RENDER_BUDGET_MS })) as Buffer;
}

export type DocumentFormat = 'docx' | 'pdf';

/** A rendered file ready to send: its name (Chinese, for Content-Disposition), media type and bytes. */
export interface RenderedFile {
  fileName: string;
  /** The ASCII fallback name that says what the file is (minutes-2026-01.docx), for clients without RFC 5987 */
  asciiName?: string;
  contentType: string;
  bytes: Buffer;
}

export const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ics: 'text/calendar; charset=utf-8',
} as const;

/** The domain part of every meeting's UID: the same meeting keeps the same UID for ever. */
export const UID_DOMAIN = 'lianxi';

/** Characters a file name may not hold on Windows, macOS or Linux. */
function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/gu, '').slice(0, 120) || 'document';
}

/**
 * The view in the layout of the format: a PDF is composed line by line ('print': GB/T 9704 line-break
 * rules applied by Lianxi, since LibreOffice hangs punctuation in the margin), a DOCX flows ('editable').
 */
function inLayout<T extends { layout?: DocumentLayout }>(view: T, format: DocumentFormat): T {
  return { ...view, layout: format === 'pdf' ? 'print' : 'editable' };
}

/** Two digits at least: issue 1 is "01" in an ASCII file name (minutes-2026-01.docx). */
function issuePart(n: number): string {
  return String(n).padStart(2, '0');
}

async function asFormat(docx: Buffer, baseName: string, asciiStem: string, format: DocumentFormat): Promise<RenderedFile> {
  if (format === 'docx') return { fileName: `${safeFileName(baseName)}.docx`, asciiName: `${asciiStem}.docx`, contentType: CONTENT_TYPES.docx, bytes: docx };
  return { fileName: `${safeFileName(baseName)}.pdf`, asciiName: `${asciiStem}.pdf`, contentType: CONTENT_TYPES.pdf, bytes: await convertDocxToPdf(docx) };
}

/** The minutes' view model, from the stored minutes, meeting, attendance, decisions and charter. */
export async function loadMinutesDocumentView(db: DbOrTx, options: { bodyId: string; minutesId: string; clock: Clock }): Promise<MinutesDocumentView> {
  const today = shanghaiDateOf(options.clock.now());
  const data = await getMinutesForRendering(db, { bodyId: options.bodyId, minutesId: options.minutesId, today });
  const { charter } = await loadBodyCharter(db, { bodyId: options.bodyId });
  const assigned =
    data.minutes.decisionIds.length === 0
      ? []
      : await listDecisions(db, { clock: options.clock, bodyId: options.bodyId, minutesId: options.minutesId });
  const decisionDeadlines = new Map(assigned.map((d) => [d.itemNo, d.deadline]));
  return buildMinutesView(data, { charter, today, decisionDeadlines });
}

/**
 * Minutes as DOCX (GB/T 9704-2012 纪要) or PDF. Minutes are the one document a body that does not
 * issue formal documents (不正式行文) may still send, so no such check applies.
 */
export async function renderMinutesDocument(
  db: DbOrTx,
  options: { bodyId: string; minutesId: string; clock: Clock; format: DocumentFormat },
): Promise<RenderedFile> {
  const view = await loadMinutesDocumentView(db, options);
  const docx = await renderOffThread({ kind: 'render_minutes_docx', view: inLayout(view, options.format) });
  const number = view.issueNumber === null ? '送审稿' : `${view.issueYear}年第${view.issueNumber}期`;
  const ascii = view.issueNumber === null ? `minutes-draft-${view.issueDate}` : `minutes-${view.issueYear}-${issuePart(view.issueNumber)}`;
  return asFormat(docx, `${minutesHeading(view.bodyName)}（${number}）`, ascii, options.format);
}

/** A meeting notice in the body's own name (refused with the clause for 不正式行文 bodies). */
export async function renderMeetingNoticeDocument(
  db: DbOrTx,
  options: { bodyId: string; meetingId: string; clock: Clock; format: DocumentFormat },
): Promise<RenderedFile> {
  const meeting = await getMeeting(db, { bodyId: options.bodyId, meetingId: options.meetingId });
  const { body, charter } = await loadBodyCharter(db, { bodyId: options.bodyId });
  const refusal = noticeDocumentRefusal(charter, meeting);
  if (refusal !== null) throw refusal;
  const date = meeting.noticeSentAt === null ? shanghaiDateOf(options.clock.now()) : shanghaiDateOf(new Date(meeting.noticeSentAt));
  const memberUnitCount = (await listBodyUnits(db, options.bodyId, shanghaiDateOf(new Date(meeting.startsAt)))).length;
  const view = buildMeetingNoticeView(meeting, { bodyName: body.name, charter, memberUnitCount, date });
  const ascii = `meeting-notice-${shanghaiDateOf(new Date(meeting.startsAt))}`;
  return asFormat(await renderOffThread({ kind: 'render_meeting_notice_docx', view: inLayout(view, options.format) }), view.title, ascii, options.format);
}

/** A stored status circular in the body's own name (refused with the clause for 不正式行文 bodies). */
export async function renderCircularDocument(
  db: DbOrTx,
  options: { bodyId: string; circularId: string; format: DocumentFormat },
): Promise<RenderedFile> {
  const circular = await getCircularForRendering(db, { bodyId: options.bodyId, circularId: options.circularId });
  const { charter } = await loadBodyCharter(db, { bodyId: options.bodyId });
  assertMayIssueFormalDocument(charter, 'circular');
  const view = buildCircularView(circular, { charter });
  return asFormat(
    await renderOffThread({ kind: 'render_circular_docx', view: inLayout(view, options.format) }),
    `${view.title}（${view.year}年第${view.number}期）`,
    `circular-${view.year}-${issuePart(view.number)}`,
    options.format,
  );
}

/** A body's supervision ledger: one sheet, every decided item. */
export async function renderBodyLedger(db: DbOrTx, options: { bodyId: string; clock: Clock }): Promise<RenderedFile> {
  const body = await findBodyById(db, options.bodyId);
  if (!body) throw new AppError('body_not_found', '议事协调机构不存在', { field: 'bodyId' });
  const asOf = shanghaiDateOf(options.clock.now());
  const rows = await listLedgerRows(db, { bodyId: options.bodyId, clock: options.clock });
  const view = { ...buildLedgerView(rows, { title: `${body.name}督办台账`, asOf, bodies: [{ id: body.id, name: body.name }] }), incomingDocuments: await incomingLedgerSheet(db, { bodyId: body.id, bodyName: body.name, clock: options.clock }) };
  return { fileName: `${safeFileName(view.title)}（${asOf}）.xlsx`, asciiName: `ledger-${asOf}.xlsx`, contentType: CONTENT_TYPES.xlsx, bytes: await renderOffThread({ kind: 'render_ledger_xlsx', view }) };
}

/**
 * A unit's supervision ledger across its bodies: one sheet per body that has decisions involving
 * the unit (lead or co-handling) and that `mayRead` allows (the reader's bodies).
 */
export async function renderUnitLedger(
  db: DbOrTx,
  options: { unitId: string; mayRead: (bodyId: string) => Promise<boolean>; clock: Clock },
): Promise<RenderedFile> {
  const unit = await findUnitById(db, options.unitId);
  if (!unit) throw new AppError('unit_not_found', '成员单位不存在', { field: 'unitId' });
  const asOf = shanghaiDateOf(options.clock.now());
  const all = await listLedgerRows(db, { unitId: options.unitId, clock: options.clock });
  const bodies: { id: string; name: string }[] = [];
  for (const bodyId of [...new Set(all.map((r) => r.bodyId))]) {
    if (!(await options.mayRead(bodyId))) continue;
    const body = await findBodyById(db, bodyId);
    if (body) bodies.push({ id: body.id, name: body.name });
  }
  bodies.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const view = buildLedgerView(all, { title: `${unit.name}督办台账`, asOf, bodies });
  return { fileName: `${safeFileName(view.title)}（${asOf}）.xlsx`, asciiName: `unit-ledger-${asOf}.xlsx`, contentType: CONTENT_TYPES.xlsx, bytes: await renderOffThread({ kind: 'render_ledger_xlsx', view }) };
}

async function invitationOf(db: DbOrTx, meeting: MeetingDetail, options: { bodyName: string; clock: Clock }): Promise<ReturnType<typeof buildInvitationView>> {
  const row = await getMeetingRow(db, { bodyId: meeting.bodyId, meetingId: meeting.id });
  const organizerEmail = row.createdBy === null ? null : await findEmailOfAccount(db, row.createdBy);
  const organizer: CalendarPerson = {
    name: officeName(options.bodyName),
    address: calendarAddress(organizerEmail === null ? 'body' : 'account', meeting.bodyId, organizerEmail),
  };
  const personIds = meeting.invitees.map((i) => i.personId).filter((id): id is string => id !== null);
  const emailsByPerson = await findEmailsOfPeople(db, personIds);
  return buildInvitationView(meeting, { bodyName: options.bodyName, uidDomain: UID_DOMAIN, stamp: options.clock.now(), organizer, emailsByPerson });
}

/** One meeting's iCalendar invitation (REQUEST, or CANCEL once cancelled). Drafts have none. */
export async function renderMeetingInvitation(db: DbOrTx, options: { bodyId: string; meetingId: string; clock: Clock }): Promise<RenderedFile> {
  const meeting = await getMeeting(db, { bodyId: options.bodyId, meetingId: options.meetingId });
  if (meeting.status === 'draft') {
    throw new AppError('meeting_not_scheduled', '会议尚未确定（草稿），没有日历邀请', { field: 'meetingId' });
  }
  const body = await findBodyById(db, options.bodyId);
  if (!body) throw new AppError('body_not_found', '议事协调机构不存在', { field: 'bodyId' });
  const view = await invitationOf(db, meeting, { bodyName: body.name, clock: options.clock });
  return { fileName: `${safeFileName(view.summary)}.ics`, asciiName: `meeting-${shanghaiDateOf(view.startsAt)}.ics`, contentType: CONTENT_TYPES.ics, bytes: Buffer.from(renderMeetingInvitationIcs(view), 'utf8') };
}

// ---------------------------------------------------------------------------------------------
// Calendar subscription feed
// ---------------------------------------------------------------------------------------------

/** The feed's path for a token. */
export function calendarFeedPath(token: string): string {
  return `/api/calendar-feeds/${token}.ics`;
}

export interface CalendarFeedStatus {
  active: boolean;
  createdAt: string | null;
  lastUsedAt: string | null;
}

/** Whether the account has a live feed token (the token itself cannot be shown again). */
export async function getCalendarFeedStatus(db: DbOrTx, options: { accountId: string }): Promise<CalendarFeedStatus> {
  const row = await findLiveFeedToken(db, options.accountId);
  return { active: row !== null, createdAt: row?.createdAt.toISOString() ?? null, lastUsedAt: row?.lastUsedAt?.toISOString() ?? null };
}

/**
 * Creates the account's feed token, revoking the previous one; returns the token once (only its
 * SM3 is stored). Audited as `calendar_feed.create`.
 */
export async function createCalendarFeedToken(db: Database, options: { accountId: string; origin: AuditOrigin; clock: Clock }): Promise<{ token: string; path: string; createdAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const at = options.clock.now();
  const row = await db.transaction(async (tx) => {
    // One token change per account at a time: two simultaneous requests take turns, the later one
    // revokes the earlier one's token.
    const account = await findAccountById(tx, options.accountId, { forUpdate: true });
    if (!account) throw new AppError('account_not_found', '账号不存在', { field: 'accountId' });
    const revoked = await revokeLiveFeedToken(tx, options.accountId, at);
    const created = await insertFeedToken(tx, { id: randomUUID(), accountId: options.accountId, tokenHash: hashSessionToken(token), createdAt: at });
    await recordAudit(
      tx,
      {
        ...options.origin,
        action: 'calendar_feed.create',
        entityType: 'calendar_feed_token',
        entityId: created.id,
        before: revoked === null ? null : { id: revoked.id, revokedAt: at.toISOString() },
        after: { id: created.id, accountId: options.accountId },
        at,
      },
    );
    return created;
  });
  return { token, path: calendarFeedPath(token), createdAt: row.createdAt.toISOString() };
}

/** Revokes the account's feed token; returns whether there was one. Audited as `calendar_feed.revoke`. */
export async function revokeCalendarFeedToken(db: Database, options: { accountId: string; origin: AuditOrigin; clock: Clock }): Promise<{ revoked: boolean }> {
  const at = options.clock.now();
  return db.transaction(async (tx) => {
    const revoked = await revokeLiveFeedToken(tx, options.accountId, at);
    if (revoked === null) return { revoked: false };
    await recordAudit(
      tx,
      { ...options.origin, action: 'calendar_feed.revoke', entityType: 'calendar_feed_token', entityId: revoked.id, before: { id: revoked.id }, after: { revokedAt: at.toISOString() }, at },
    );
    return { revoked: true };
  });
}

/** The feed of a live token: every meeting its account may see (404 for an unknown or revoked token). */
export async function renderCalendarFeed(db: DbOrTx, options: { token: string; clock: Clock }): Promise<string> {
  const row = await findLiveFeedTokenByHash(db, hashSessionToken(options.token));
  if (row === null) throw new AppError('calendar_feed_not_found', '日历订阅地址无效或已撤销', { field: 'token' });
  const now = options.clock.now();
  await touchFeedToken(db, row.id, now);
  const keys = await listFeedMeetingKeys(db, row.accountId, shanghaiDateOf(now));
  const bodyNames = new Map<string, string>();
  const events = [];
  for (const key of keys) {
    let bodyName = bodyNames.get(key.bodyId);
    if (bodyName === undefined) {
      bodyName = (await findBodyById(db, key.bodyId))?.name ?? '';
      bodyNames.set(key.bodyId, bodyName);
    }
    const meeting = await getMeeting(db, { bodyId: key.bodyId, meetingId: key.id });
    events.push(await invitationOf(db, meeting, { bodyName, clock: options.clock }));
  }
  return renderCalendarFeedIcs({ name: '联席会议日程', events });
}
