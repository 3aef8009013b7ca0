/** Calls of outgoing documents (发文 / 审核 / 签发), the number registers and bulletins (简报 / 专报). */
import { api, unwrap } from '../api/client.ts';
import type { ApiRequest } from '../api/types.ts';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

const D = '/api/bodies/{bodyId}/outgoing-documents/{documentId}' as const;

export interface DocumentRef {
  bodyId: string;
  documentId: string;
}

const path = ({ bodyId, documentId }: DocumentRef) => ({ path: { bodyId, documentId } });

export const listOutgoingDocuments = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/outgoing-documents', { params: { path: { bodyId } } }));
export const getOutgoingDocument = (ref: DocumentRef) => unwrap(api.GET(D, { params: path(ref) }));
export const submitOutgoingDocument = (ref: DocumentRef) => unwrap(api.POST(`${D}/submit`, { params: path(ref) }));
export const reviewOutgoingDocument = (ref: DocumentRef, comment: string | null) => unwrap(api.POST(`${D}/review`, { params: path(ref), body: { comment } }));
export const signOutgoingDocument = (ref: DocumentRef) => unwrap(api.POST(`${D}/sign`, { params: path(ref) }));

export const getBulletinSeries = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/bulletin-series', { params: { path: { bodyId } } }));
export const listBulletinCandidates = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/bulletin-candidates', { params: { path: { bodyId } } }));
export const listBulletins = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/bulletins', { params: { path: { bodyId } } }));
export const getBulletin = (ref: DocumentRef) => unwrap(api.GET('/api/bodies/{bodyId}/bulletins/{documentId}', { params: path(ref) }));
export type CompileBulletinRequest = ApiRequest<'/api/bodies/{bodyId}/bulletins', 'post'>;
export const compileBulletin = (bodyId: string, body: CompileBulletinRequest) => unwrap(api.POST('/api/bodies/{bodyId}/bulletins', { params: { path: { bodyId } }, body }));

export const listRegisters = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/document-registers', { params: { path: { bodyId } } }));
export const setRegisterPrefix = (bodyId: string, register: 'body' | 'office', prefix: string) =>
  unwrap(api.PUT('/api/bodies/{bodyId}/document-registers/{register}', { params: { path: { bodyId, register } }, body: { prefix } }));

export type OutgoingDocument = Result<typeof getOutgoingDocument>;
export type Bulletin = Result<typeof getBulletin>;
export type BulletinCandidate = Result<typeof listBulletinCandidates>['items'][number];
export type Register = Result<typeof listRegisters>['items'][number];

/** The download address of a bulletin's DOCX or PDF (a plain link: the browser sends the session cookie). */
export const bulletinDocumentUrl = (ref: DocumentRef, format: 'docx' | 'pdf') =>
  `/api/bodies/${encodeURIComponent(ref.bodyId)}/bulletins/${encodeURIComponent(ref.documentId)}/document?format=${format}`;
