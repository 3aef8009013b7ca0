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

export type MembershipChangeRule = Result<typeof getMembershipChangeRules>['items'][number];
export type StartMembershipRequest = ApiRequest<'/api/bodies/{bodyId}/memberships', 'post'>;
export type ChangeMembershipRequest = ApiRequest<'/api/bodies/{bodyId}/memberships/{membershipId}/change', 'post'>;
export type EndMembershipRequest = ApiRequest<'/api/bodies/{bodyId}/memberships/{membershipId}/end', 'post'>;
export type PostHistoryItem = Result<typeof listPostHistory>['items'][number];

/** Who confirms a change of each kind of post by the body's charter, and whether the office records it directly. */
export const getMembershipChangeRules = (bodyId: string) =>
  unwrap(api.GET('/api/bodies/{bodyId}/membership-changes/rules', { params: { path: { bodyId } } }));

/** The office records a new holder directly (a vacancy, or where the office confirms such changes). */
export const startMembership = (bodyId: string, body: StartMembershipRequest) =>
  unwrap(api.POST('/api/bodies/{bodyId}/memberships', { params: { path: { bodyId } }, body }));

/** The office records a successor from a date directly. */
export const changeMembership = (bodyId: string, membershipId: string, body: ChangeMembershipRequest) =>
  unwrap(api.POST('/api/bodies/{bodyId}/memberships/{membershipId}/change', { params: { path: { bodyId, membershipId } }, body }));

/** The office records the end of a membership directly. */
export const endMembership = (bodyId: string, membershipId: string, body: EndMembershipRequest) =>
  unwrap(api.POST('/api/bodies/{bodyId}/memberships/{membershipId}/end', { params: { path: { bodyId, membershipId } }, body }));

/** Every membership ever held for a unit of the body (a post's previous holders with their dates). */
export const listPostHistory = (bodyId: string, unitId: string | null) =>
  unwrap(api.GET('/api/bodies/{bodyId}/memberships', { params: { path: { bodyId }, query: unitId === null ? {} : { unitId } } }));

export type PersonChoice = Result<typeof findPersonChoices>['items'][number];

/** Persons of this name the office may pick as a post's holder (issue 15), at most 20. */
export const findPersonChoices = (bodyId: string, search: string) =>
  unwrap(api.GET('/api/bodies/{bodyId}/person-choices', { params: { path: { bodyId }, query: { search, limit: 20 } } }));
