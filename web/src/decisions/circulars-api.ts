/** Calls of a body's status circulars (督办通报), its notification settings and failing deliveries. */
import { api, unwrap } from '../api/client.ts';
import type { ApiRequest } from '../api/types.ts';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export type CircularSummary = Result<typeof listCirculars>['items'][number];
export type CircularDetail = Result<typeof getCircular>;
export type CircularItem = CircularDetail['items'][number];
export type NotificationSettings = Result<typeof getNotificationSettings>;
export type NotificationSettingsChange = ApiRequest<'/api/bodies/{bodyId}/notification-settings', 'patch'>;
export type FailingDelivery = Result<typeof listFailingDeliveries>['items'][number];

const body = (bodyId: string) => ({ params: { path: { bodyId } } });

export const listCirculars = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/circulars', body(bodyId)));

export const issueCircular = (bodyId: string) => unwrap(api.POST('/api/bodies/{bodyId}/circulars', body(bodyId)));

export const getCircular = (bodyId: string, circularId: string) =>
  unwrap(api.GET('/api/bodies/{bodyId}/circulars/{circularId}', { params: { path: { bodyId, circularId } } }));

export const getNotificationSettings = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/notification-settings', body(bodyId)));

export const updateNotificationSettings = (bodyId: string, change: NotificationSettingsChange) =>
  unwrap(api.PATCH('/api/bodies/{bodyId}/notification-settings', { ...body(bodyId), body: change }));

export const listFailingDeliveries = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/failing-deliveries', body(bodyId)));

export const retryDelivery = (bodyId: string, deliveryId: number) =>
  unwrap(api.POST('/api/bodies/{bodyId}/failing-deliveries/{deliveryId}/retry', { params: { path: { bodyId, deliveryId } } }));

/** Where the browser downloads a circular as a document (DOCX, or PDF). */
export const circularDocumentUrl = (bodyId: string, circularId: string, format: 'docx' | 'pdf') =>
  `/api/bodies/${encodeURIComponent(bodyId)}/circulars/${encodeURIComponent(circularId)}/document?format=${format}`;
