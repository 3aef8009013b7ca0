/** Calls of decided items under supervision (督办), a unit's open decisions and the inbox. */
import { api, unwrap } from '../api/client.ts';
import type { ApiQuery, ApiRequest } from '../api/types.ts';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

const D = '/api/bodies/{bodyId}/decisions/{decisionId}' as const;

export type DecisionListQuery = ApiQuery<'/api/bodies/{bodyId}/decisions', 'get'>;
export type Decision = Result<typeof listDecisions>['items'][number];
export type DecisionStatus = Decision['status'];
export type DecisionDetail = Result<typeof getDecision>;
export type TimelineEntry = DecisionDetail['timeline'][number];
export type ReportRequest = ApiRequest<'/api/bodies/{bodyId}/decisions/{decisionId}/progress-reports', 'post'>;
export type Attachment = ReportRequest['attachments'] extends (infer A)[] | undefined ? A : never;
export type InboxPage = Result<typeof getInbox>;
export type InboxItem = InboxPage['items'][number];

export const DECISION_STATUSES = ['assigned', 'in_progress', 'completion_reported', 'closed'] as const satisfies readonly DecisionStatus[];

interface DecisionRef {
  bodyId: string;
  decisionId: string;
}

const path = ({ bodyId, decisionId }: DecisionRef) => ({ path: { bodyId, decisionId } });

export const listDecisions = (bodyId: string, query: DecisionListQuery = {}) =>
  unwrap(api.GET('/api/bodies/{bodyId}/decisions', { params: { path: { bodyId }, query } }));

export const getDecision = (ref: DecisionRef) => unwrap(api.GET(D, { params: path(ref) }));

export const reportProgress = (ref: DecisionRef, body: ReportRequest) => unwrap(api.POST(`${D}/progress-reports`, { params: path(ref), body }));

export const reportCompletion = (ref: DecisionRef, body: ReportRequest) => unwrap(api.POST(`${D}/completion`, { params: path(ref), body }));

export const closeDecision = (ref: DecisionRef, note: string | null) => unwrap(api.POST(`${D}/close`, { params: path(ref), body: { note } }));

export const sendBack = (ref: DecisionRef, reason: string) => unwrap(api.POST(`${D}/send-back`, { params: path(ref), body: { reason } }));

export const requestExtension = (ref: DecisionRef, body: ApiRequest<'/api/bodies/{bodyId}/decisions/{decisionId}/extension-requests', 'post'>) =>
  unwrap(api.POST(`${D}/extension-requests`, { params: path(ref), body }));

export const decideExtension = (ref: DecisionRef, extensionRequestId: string, approve: boolean, note: string | null) =>
  unwrap(api.POST(`${D}/extension-requests/{extensionRequestId}/decision`, { params: { path: { ...path(ref).path, extensionRequestId } }, body: { approve, note } }));

/** Where the browser downloads a report's attachment from. */
export const attachmentUrl = (ref: DecisionRef, attachmentId: string) =>
  `/api/bodies/${encodeURIComponent(ref.bodyId)}/decisions/${encodeURIComponent(ref.decisionId)}/attachments/${encodeURIComponent(attachmentId)}`;

export const listUnitDecisions = (unitId: string) => unwrap(api.GET('/api/units/{unitId}/decisions', { params: { path: { unitId } } }));

export const getInbox = (unread = false) => unwrap(api.GET('/api/me/inbox', { params: { query: unread ? { unread: 'true' } : {} } }));

export const markInboxRead = (ids: string[] | null) => unwrap(api.POST('/api/me/inbox/read', { body: { ids } }));

/** Where the browser downloads a body's supervision ledger (XLSX). */
export const ledgerUrl = (bodyId: string) => `/api/bodies/${encodeURIComponent(bodyId)}/ledger-document`;

export type DecisionSortKey = NonNullable<DecisionListQuery['sort']>;

/** Where the browser downloads a body's decided items as the list filters and sorts them (XLSX, the table's columns). */
export const decisionListExportUrl = (bodyId: string, query: Omit<DecisionListQuery, 'cursor' | 'limit'>) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  return `/api/bodies/${encodeURIComponent(bodyId)}/decisions/export?${params.toString()}`;
};
