/** Calls of escalating supervision (督办升级): each item's rung, the office's dashboard, meeting frequency, handover. */
import { api, unwrap } from '../api/client.ts';
import type { ApiRequest } from '../api/types.ts';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export type EscalationStanding = Result<typeof listRungs>['items'][number];
export type EscalationRung = EscalationStanding['rung'];
export type EscalationDashboard = Result<typeof getEscalationDashboard>;
export type MeetingFrequency = Result<typeof getMeetingFrequency>;
export type HandoverOverview = Result<typeof getHandover>;
export type HandoverRequest = ApiRequest<'/api/bodies/{bodyId}/decisions/{decisionId}/handover', 'post'>;
export type HandoverAction = HandoverRequest['action'];

/** The rungs from the bottom of the ladder to the top. */
export const ESCALATION_RUNGS = ['none', 'before', 'due', 'overdue', 'overdue_member', 'overdue_convener'] as const satisfies readonly EscalationRung[];

export const HANDOVER_ACTIONS = ['transfer_body', 'transfer_unit', 'close'] as const satisfies readonly HandoverAction[];

export const listRungs = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/supervision/rungs', { params: { path: { bodyId } } }));

export const getEscalationDashboard = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/supervision/dashboard', { params: { path: { bodyId } } }));

export const getMeetingFrequency = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/meeting-frequency', { params: { path: { bodyId } } }));

export const getHandover = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/handover', { params: { path: { bodyId } } }));

export const handOverDecision = (bodyId: string, decisionId: string, body: HandoverRequest) =>
  unwrap(api.POST('/api/bodies/{bodyId}/decisions/{decisionId}/handover', { params: { path: { bodyId, decisionId } }, body }));

export type SupervisionSettings = Result<typeof getSupervisionSettings>;
export type SupervisionSettingsChange = ApiRequest<'/api/bodies/{bodyId}/supervision/settings', 'patch'>;

export const getSupervisionSettings = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/supervision/settings', { params: { path: { bodyId } } }));

export const updateSupervisionSettings = (bodyId: string, body: SupervisionSettingsChange) =>
  unwrap(api.PATCH('/api/bodies/{bodyId}/supervision/settings', { params: { path: { bodyId } }, body }));
