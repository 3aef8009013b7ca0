/**
 * Outgoing documents (发文) by the charter's signing chain: a draft in the name of the body or its
 * office (a group's paper names its group) is submitted, reviewed (审核) where the charter asks for a
 * review, and signed (签发) — each step by a person holding the role the charter names on that day
 * (the gates of src/domain/charter-gates/document-gates.ts; a refusal cites the clause). Signing
 * issues it: the issuer's register gives its 发文字号, and a bulletin takes its 期数 and goes to its
 * recipients. A body whose charter says 不正式行文 issues no formal document of any kind. Each step
 * is audited in its transaction; the person a step waits for finds it in the inbox.
 */
import type { Database, DbOrTx } from '../../db/database.ts';
import type { Charter } from '../../domain/charter/charter-types.ts';
import type { GateRequest, GateRole, OutgoingDocument } from '../../domain/charter-gates/gate-types.ts';
import { decideGate } from '../../domain/charter-gates/check-gate.ts';
import { signingChainOf, statusAfterSubmit, stepOrderProblem } from '../../domain/outgoing-documents/signing-chain.ts';
import type { SigningChainStep } from '../../domain/outgoing-documents/signing-chain.ts';
import { OUTGOING_KIND_LABELS, OUTGOING_STATUS_LABELS } from '../../domain/outgoing-documents/outgoing-types.ts';
import type { IssuingName, OutgoingDocumentKind, OutgoingDocumentSource, OutgoingDocumentStatus } from '../../domain/outgoing-documents/outgoing-types.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { AppError } from '../../errors/app-error.ts';
import type { CharterClause } from '../../errors/app-error.ts';
import { gateClause, requireCharterGate } from '../../policy/charter-gate.ts';
import { findGroupById } from '../../repositories/group-repository.ts';
import { findOutgoingDocument, insertOutgoingDocument, listOutgoingDocuments as listOutgoingDocumentRows, updateOutgoingDocument } from '../../repositories/outgoing-document-repository.ts';
import type { OutgoingDocumentRow } from '../../repositories/outgoing-document-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { loadBodyCharter } from '../body-service.ts';
import { assertBodyActive } from '../dissolution-service.ts';
import { assertMayIssueFormalDocument } from '../meetings/meeting-notice.ts';
import { enqueueNotification } from '../notification-service.ts';
import { issueBulletin } from '../bulletins/bulletin-issue.ts';
import { nextDocumentNumber } from './document-register.ts';
import { documentGateRoles, recipientsOfActors } from './signing-parties.ts';

export interface ChainStepView {
  step: 'review' | 'sign';
  label: string;
  clause: CharterClause;
  byDefault: boolean;
  done: boolean;
  by: string | null;
  /** The role the step was taken as */
  as: string | null;
  at: string | null;
}

export interface OutgoingDocumentView {
  id: string;
  bodyId: string;
  kind: OutgoingDocumentKind;
  kindLabel: string;
  issuedInNameOf: IssuingName;
  groupId: string | null;
  groupName: string | null;
  title: string;
  content: string;
  status: OutgoingDocumentStatus;
  statusLabel: string;
  chain: ChainStepView[];
  docNumber: string | null;
  issuedOn: string | null;
  reviewComment: string | null;
  source: OutgoingDocumentSource | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** What the reading account may do now (asked of the policy's resolver and the charter's gates) */
  allowedActions: ('submit' | 'review' | 'sign')[];
}

export interface StartOutgoingDocumentInput {
  kind: OutgoingDocumentKind;
  issuedInNameOf: IssuingName;
  groupId: string | null;
  title: string;
  content: string;
  source?: OutgoingDocumentSource | null;
}

function actorOf(origin: AuditOrigin): string {
  if (origin.actorId === null) throw new AppError('unauthenticated', '请先登录');
  return origin.actorId;
}

function gateDocument(row: Pick<OutgoingDocumentRow, 'issuedInNameOf' | 'groupId'>): OutgoingDocument {
  return { issuedInNameOf: row.issuedInNameOf, initiatedBy: row.groupId === null ? null : 'group' };
}

async function getRow(db: DbOrTx, options: { bodyId: string; documentId: string; forUpdate?: boolean }): Promise<OutgoingDocumentRow> {
  const row = await findOutgoingDocument(db, options.bodyId, options.documentId, { forUpdate: options.forUpdate ?? false });
  if (!row) throw new AppError('outgoing_document_not_found', '发文不存在', { field: 'documentId' });
  return row;
}

function assertOrder(row: OutgoingDocumentRow, step: 'submit' | 'review' | 'sign', chain: readonly SigningChainStep[]): void {
  const problem = stepOrderProblem(row.status, step, chain);
  if (problem !== null) {
    const reviewStep = chain.find((s) => s.step === 'review');
    const clause = step === 'sign' && reviewStep !== undefined && row.status === 'awaiting_review' ? gateClause({ allowed: true, as: null, basis: reviewStep.basis }) : undefined;
    throw new AppError('outgoing_document_step_out_of_order', problem, { field: 'status', details: { status: row.status, step }, ...(clause === undefined ? {} : { clause }) });
  }
}

/** The viewer's roles for a document's group, resolved once per group while a list is built. */
type RolesCache = Map<string, Promise<GateRole[]>>;

async function toView(db: DbOrTx, row: OutgoingDocumentRow, charter: Charter, viewer: { accountId: string | null; day: string }, cache: RolesCache = new Map()): Promise<OutgoingDocumentView> {
  const chain = signingChainOf(charter, gateDocument(row));
  const group = row.groupId === null ? null : await findGroupById(db, row.groupId);
  const allowedActions: OutgoingDocumentView['allowedActions'] = [];
  if (viewer.accountId !== null && row.status !== 'issued') {
    const key = row.groupId ?? '';
    let pending = cache.get(key);
    if (pending === undefined) {
      pending = documentGateRoles(db, { accountId: viewer.accountId, bodyId: row.bodyId, day: viewer.day, groupId: row.groupId });
      cache.set(key, pending);
    }
    const roles = await pending;
    if (row.status === 'draft' && (row.createdBy === viewer.accountId || roles.includes('office_staff'))) allowedActions.push('submit');
    const ask = (step: 'review_document' | 'sign_document'): boolean => {
      const request: GateRequest = step === 'review_document' ? { step, document: gateDocument(row), roles } : { step, document: gateDocument(row), roles };
      return decideGate(charter, request).allowed;
    };
    if (row.status === 'awaiting_review' && ask('review_document')) allowedActions.push('review');
    if (row.status === 'awaiting_signature' && ask('sign_document')) allowedActions.push('sign');
  }
  return {
    id: row.id,
    bodyId: row.bodyId,
    kind: row.kind,
    kindLabel: OUTGOING_KIND_LABELS[row.kind],
    issuedInNameOf: row.issuedInNameOf,
    groupId: row.groupId,
    groupName: group?.name ?? null,
    title: row.title,
    content: row.content,
    status: row.status,
    statusLabel: OUTGOING_STATUS_LABELS[row.status],
    chain: chain.map((s): ChainStepView => {
      const done = s.step === 'review' ? row.reviewedAt !== null : row.signedAt !== null;
      return {
        step: s.step,
        label: s.label,
        clause: gateClause({ allowed: true, as: null, basis: s.basis }),
        byDefault: s.basis.kind === 'default',
        done,
        by: s.step === 'review' ? row.reviewedBy : row.signedBy,
        as: s.step === 'review' ? row.reviewedAs : row.signedAs,
        at: (s.step === 'review' ? row.reviewedAt : row.signedAt)?.toISOString() ?? null,
      };
    }),
    docNumber: row.docNumber,
    issuedOn: row.issuedOn,
    reviewComment: row.reviewComment,
    source: row.source,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions,
  };
}

/** The link of a document in the web app (inbox items point here). */
export function outgoingDocumentLink(bodyId: string, documentId: string): string {
  return `/bodies/${bodyId}/outgoing-documents/${documentId}`;
}

/**
 * Creates a draft in the caller's transaction (a bulletin's compilation, A's annual report): checks
 * the body is active, may issue formal documents (不正式行文), and that the group is the body's. Audited.
 */
export async function createOutgoingDraft(tx: DbOrTx, options: { bodyId: string; input: StartOutgoingDocumentInput; origin: AuditOrigin }): Promise<OutgoingDocumentRow> {
  const { body, charter } = await loadBodyCharter(tx, { bodyId: options.bodyId });
  assertBodyActive(body);
  assertMayIssueFormalDocument(charter, options.input.kind);
  if (options.input.groupId !== null) {
    const group = await findGroupById(tx, options.input.groupId);
    if (group === null || group.bodyId !== options.bodyId) throw new AppError('outgoing_document_group_unknown', '发文的工作组不是本机构的工作组', { field: 'groupId' });
  }
  const at = options.origin.at;
  const row = await insertOutgoingDocument(tx, {
    bodyId: options.bodyId,
    kind: options.input.kind,
    issuedInNameOf: options.input.issuedInNameOf,
    groupId: options.input.groupId,
    title: options.input.title.trim(),
    content: options.input.content,
    status: 'draft',
    source: options.input.source ?? null,
    createdBy: options.origin.actorId,
    createdAt: at,
    updatedAt: at,
  });
  await recordAudit(tx, { ...options.origin, action: 'outgoing_document.create', entityType: 'outgoing_document', entityId: row.id, before: null, after: row });
  return row;
}

/**
 * Starts an outgoing document of a kind (拟稿): for the office's own papers and for other workflows
 * (A's annual report passes `source`). Returns the draft as the starting account sees it.
 */
export async function startOutgoingDocument(db: Database, options: { bodyId: string; input: StartOutgoingDocumentInput; origin: AuditOrigin }): Promise<OutgoingDocumentView> {
  const row = await db.transaction((tx) => createOutgoingDraft(tx, options));
  return getOutgoingDocument(db, { bodyId: options.bodyId, documentId: row.id, viewerId: options.origin.actorId, at: options.origin.at });
}

/**
 * The common opening of a step of the chain (送审, 审核, 签发), inside its transaction: the document
 * (locked), the body (still active) and its charter, the chain the charter gives the document, the step
 * in its order, and the roles the account holds that day. Signing first checks that the charter lets the
 * body issue a formal document of the kind.
 */
async function openStep(
  tx: DbOrTx,
  options: { bodyId: string; documentId: string; step: 'submit' | 'review' | 'sign'; accountId: string; at: Date },
): Promise<{ before: OutgoingDocumentRow; charter: Charter; chain: readonly SigningChainStep[]; roles: Awaited<ReturnType<typeof documentGateRoles>> }> {
  const before = await getRow(tx, { bodyId: options.bodyId, documentId: options.documentId, forUpdate: true });
  const { body, charter } = await loadBodyCharter(tx, { bodyId: options.bodyId });
  assertBodyActive(body);
  if (options.step === 'sign') assertMayIssueFormalDocument(charter, before.kind);
  const chain = signingChainOf(charter, gateDocument(before));
  assertOrder(before, options.step, chain);
  const roles = await documentGateRoles(tx, { accountId: options.accountId, bodyId: options.bodyId, day: shanghaiDateOf(options.at), groupId: before.groupId });
  return { before, charter, chain, roles };
}

/** Submits a draft to its chain (送审): it waits for the review, or the signing where no review is stated. */
export async function submitOutgoingDocument(db: Database, options: { bodyId: string; documentId: string; origin: AuditOrigin }): Promise<OutgoingDocumentView> {
  const accountId = actorOf(options.origin);
  const at = options.origin.at;
  await db.transaction(async (tx) => {
    const { before, chain, roles } = await openStep(tx, { ...options, step: 'submit', accountId, at });
    if (before.createdBy !== accountId && !roles.includes('office_staff')) {
      throw new AppError('outgoing_document_submit_not_allowed', '只有拟稿人或办公室可以提交该文件', { field: 'documentId' });
    }
    const status = statusAfterSubmit(chain);
    const after = await updateOutgoingDocument(tx, before.id, { status, submittedBy: accountId, submittedAt: at, updatedAt: at });
    await recordAudit(tx, { ...options.origin, action: 'outgoing_document.submit', entityType: 'outgoing_document', entityId: after.id, before, after });
    await notifyNextStep(tx, after, chain, at);
  });
  return getOutgoingDocument(db, { bodyId: options.bodyId, documentId: options.documentId, viewerId: accountId, at });
}

/** The review (审核) by a person holding the role the charter names that day; then it waits for signing. */
export async function reviewOutgoingDocument(db: Database, options: { bodyId: string; documentId: string; comment: string | null; origin: AuditOrigin }): Promise<OutgoingDocumentView> {
  const accountId = actorOf(options.origin);
  const at = options.origin.at;
  await db.transaction(async (tx) => {
    const { before, charter, chain, roles } = await openStep(tx, { ...options, step: 'review', accountId, at });
    const allowed = requireCharterGate(charter, { step: 'review_document', document: gateDocument(before), roles });
    const after = await updateOutgoingDocument(tx, before.id, {
      status: 'awaiting_signature',
      reviewedBy: accountId,
      reviewedAs: allowed.as,
      reviewedAt: at,
      reviewComment: options.comment,
      updatedAt: at,
    });
    await recordAudit(tx, { ...options.origin, action: 'outgoing_document.review', entityType: 'outgoing_document', entityId: after.id, before, after });
    await notifyNextStep(tx, after, chain, at);
  });
  return getOutgoingDocument(db, { bodyId: options.bodyId, documentId: options.documentId, viewerId: accountId, at });
}

/**
 * The signing (签发) by a person holding the role the charter names that day, after the review the
 * chain requires: the document is issued with the next 发文字号 of its issuer's register, and is
 * delivered (a bulletin to its recipients; any other document to the office and its drafter).
 */
export async function signOutgoingDocument(db: Database, options: { bodyId: string; documentId: string; origin: AuditOrigin }): Promise<OutgoingDocumentView> {
  const accountId = actorOf(options.origin);
  const at = options.origin.at;
  await db.transaction(async (tx) => {
    const { before, charter, roles } = await openStep(tx, { ...options, step: 'sign', accountId, at });
    const allowed = requireCharterGate(charter, { step: 'sign_document', document: gateDocument(before), roles });
    const issuedOn = shanghaiDateOf(at);
    const year = Number(issuedOn.slice(0, 4));
    const { serial, docNumber } = await nextDocumentNumber(tx, { bodyId: options.bodyId, register: before.issuedInNameOf, year });
    const after = await updateOutgoingDocument(tx, before.id, {
      status: 'issued',
      signedBy: accountId,
      signedAs: allowed.as,
      signedAt: at,
      register: before.issuedInNameOf,
      year,
      serial,
      docNumber,
      issuedOn,
      updatedAt: at,
    });
    await recordAudit(tx, { ...options.origin, action: 'outgoing_document.sign', entityType: 'outgoing_document', entityId: after.id, before, after });
    if (after.kind === 'bulletin') {
      await issueBulletin(tx, { document: after, at, origin: options.origin });
    } else {
      await enqueueNotification(tx, {
        at,
        bodyId: after.bodyId,
        event: 'outgoing_document.issued',
        title: `已签发：${after.title}（${docNumber}）`,
        message: `《${after.title}》已签发，发文字号${docNumber}。`,
        link: outgoingDocumentLink(after.bodyId, after.id),
        recipients: [{ kind: 'office' }, ...(after.createdBy === null ? [] : [{ kind: 'account' as const, accountId: after.createdBy }])],
        data: { documentId: after.id, docNumber, kind: after.kind },
      });
    }
  });
  return getOutgoingDocument(db, { bodyId: options.bodyId, documentId: options.documentId, viewerId: accountId, at });
}

/** Tells the people the document now waits for (their inbox item links to it). */
async function notifyNextStep(tx: DbOrTx, row: OutgoingDocumentRow, chain: readonly SigningChainStep[], at: Date): Promise<void> {
  const waiting = chain.find((s) => s.step === (row.status === 'awaiting_review' ? 'review' : 'sign'));
  if (waiting === undefined || (row.status !== 'awaiting_review' && row.status !== 'awaiting_signature')) return;
  const recipients = await recipientsOfActors(tx, { actors: waiting.actors, groupId: row.groupId });
  if (recipients.length === 0) return;
  const what = waiting.step === 'review' ? '审核' : '签发';
  await enqueueNotification(tx, {
    at,
    bodyId: row.bodyId,
    event: waiting.step === 'review' ? 'outgoing_document.review_requested' : 'outgoing_document.signature_requested',
    title: `待${what}：${row.title}`,
    message: `《${row.title}》（${OUTGOING_KIND_LABELS[row.kind]}）待${what}（${waiting.label}）。`,
    link: outgoingDocumentLink(row.bodyId, row.id),
    recipients,
    data: { documentId: row.id, step: waiting.step },
  });
}

/** One document as the reading account sees it (with what it may do now). */
export async function getOutgoingDocument(db: DbOrTx, options: { bodyId: string; documentId: string; viewerId: string | null; at: Date }): Promise<OutgoingDocumentView> {
  const row = await getRow(db, options);
  const { charter } = await loadBodyCharter(db, options);
  return toView(db, row, charter, { accountId: options.viewerId, day: shanghaiDateOf(options.at) });
}

/** The body's outgoing documents, newest first. */
export async function listOutgoingDocuments(db: DbOrTx, options: { bodyId: string; viewerId: string | null; at: Date }): Promise<OutgoingDocumentView[]> {
  const { charter } = await loadBodyCharter(db, options);
  const rows = await listOutgoingDocumentRows(db, options.bodyId);
  const day = shanghaiDateOf(options.at);
  const views: OutgoingDocumentView[] = [];
  const cache: RolesCache = new Map();
  for (const row of rows) views.push(await toView(db, row, charter, { accountId: options.viewerId, day }, cache));
  return views;
}

/** The chain a document of this name (and group) would follow, for the draft form. */
export async function describeSigningChain(db: DbOrTx, options: { bodyId: string; issuedInNameOf: IssuingName; fromGroup: boolean }): Promise<ChainStepView[]> {
  const { charter } = await loadBodyCharter(db, options);
  return signingChainOf(charter, { issuedInNameOf: options.issuedInNameOf, initiatedBy: options.fromGroup ? 'group' : null }).map((s) => ({
    step: s.step,
    label: s.label,
    clause: gateClause({ allowed: true, as: null, basis: s.basis }),
    byDefault: s.basis.kind === 'default',
    done: false,
    by: null,
    as: null,
    at: null,
  }));
}
