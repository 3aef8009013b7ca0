/** Calls of incoming documents (收文 / 批办 / 转办) and of a unit's cross-body obligations. */
import { api, unwrap } from '../api/client.ts';
import type { ApiRequest } from '../api/types.ts';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

const D = '/api/bodies/{bodyId}/incoming-documents/{documentId}' as const;

export type IncomingList = Result<typeof listIncomingDocuments>;
export type IncomingDocument = IncomingList['items'][number];
export type RegisterIncomingRequest = ApiRequest<'/api/bodies/{bodyId}/incoming-documents', 'post'>;
export type AssignIncomingRequest = ApiRequest<'/api/bodies/{bodyId}/incoming-documents/{documentId}/assign', 'post'>;
export type UnitObligation = Result<typeof listUnitObligations>['items'][number];

export interface IncomingRef {
  bodyId: string;
  documentId: string;
}

const path = ({ bodyId, documentId }: IncomingRef) => ({ path: { bodyId, documentId } });

export const listIncomingDocuments = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/incoming-documents', { params: { path: { bodyId } } }));

export const getIncomingDocument = (ref: IncomingRef) => unwrap(api.GET(D, { params: path(ref) }));

export const registerIncomingDocument = (bodyId: string, body: RegisterIncomingRequest) =>
  unwrap(api.POST('/api/bodies/{bodyId}/incoming-documents', { params: { path: { bodyId } }, body }));

export const assignIncomingDocument = (ref: IncomingRef, body: AssignIncomingRequest) => unwrap(api.POST(`${D}/assign`, { params: path(ref), body }));

export const replyIncomingDocument = (ref: IncomingRef, text: string) => unwrap(api.POST(`${D}/reply`, { params: path(ref), body: { text } }));

export const closeIncomingDocument = (ref: IncomingRef, note: string | null) => unwrap(api.POST(`${D}/close`, { params: path(ref), body: { note } }));

export const sendBackIncomingDocument = (ref: IncomingRef, reason: string) => unwrap(api.POST(`${D}/send-back`, { params: path(ref), body: { reason } }));

export const listUnitObligations = (unitId: string) => unwrap(api.GET('/api/units/{unitId}/obligations', { params: { path: { unitId } } }));

/** The download address of an attachment (a plain link: the browser sends the session cookie). */
export const attachmentUrl = (ref: IncomingRef, attachmentId: string) =>
  `/api/bodies/${encodeURIComponent(ref.bodyId)}/incoming-documents/${encodeURIComponent(ref.documentId)}/attachments/${encodeURIComponent(attachmentId)}`;
