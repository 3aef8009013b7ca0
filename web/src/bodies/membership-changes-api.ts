/** Calls of membership change proposals (propose, confirm, refuse) and of the office's group corrections. */
import { api, unwrap } from '../api/client.ts';
import type { ApiRequest } from '../api/types.ts';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export type MembershipChange = Result<typeof listMembershipChanges>['items'][number];
export type ProposeMembershipChangeRequest = ApiRequest<'/api/bodies/{bodyId}/membership-changes', 'post'>;
export type ConfirmMembershipChangeRequest = ApiRequest<'/api/bodies/{bodyId}/membership-changes/{proposalId}/confirm', 'post'>;
export type CorrectGroupRequest = ApiRequest<'/api/bodies/{bodyId}/groups/{groupId}', 'put'>;

export const listMembershipChanges = (bodyId: string) =>
  unwrap(api.GET('/api/bodies/{bodyId}/membership-changes', { params: { path: { bodyId }, query: {} } }));

export const proposeMembershipChange = (bodyId: string, body: ProposeMembershipChangeRequest) =>
  unwrap(api.POST('/api/bodies/{bodyId}/membership-changes', { params: { path: { bodyId } }, body }));

export const confirmMembershipChange = (bodyId: string, proposalId: string, body: ConfirmMembershipChangeRequest) =>
  unwrap(api.POST('/api/bodies/{bodyId}/membership-changes/{proposalId}/confirm', { params: { path: { bodyId, proposalId } }, body }));

export const rejectMembershipChange = (bodyId: string, proposalId: string, note: string) =>
  unwrap(api.POST('/api/bodies/{bodyId}/membership-changes/{proposalId}/reject', { params: { path: { bodyId, proposalId } }, body: { note } }));

export const correctGroup = (bodyId: string, groupId: string, body: CorrectGroupRequest) =>
  unwrap(api.PUT('/api/bodies/{bodyId}/groups/{groupId}', { params: { path: { bodyId, groupId } }, body }));
