/** Calls of /api/bodies and the body's sub-resources. */
import { api, unwrap } from '../api/client.ts';
import type { ApiQuery, ApiRequest } from '../api/types.ts';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export type BodyListQuery = ApiQuery<'/api/bodies', 'get'>;
export type BodyListPage = Result<typeof listBodies>;
export type BodySummary = BodyListPage['items'][number];
export type BodyDetail = Result<typeof getBody>;
export type Membership = Result<typeof listMemberships>['items'][number];
export type BodyGroup = Result<typeof listGroups>['items'][number];
export type CharterVersionSummary = Result<typeof listCharterVersions>['items'][number];
export type CharterVersion = Result<typeof getCharterVersion>;
export type CharterDiff = Result<typeof diffCharterVersions>;
export type PreviewRequest = ApiRequest<'/api/charters/preview', 'post'>;
export type PreviewResponse = Result<typeof previewCharter>;
export type PublishResponse = Result<typeof publishBody>;

export const listBodies = (query: BodyListQuery) => unwrap(api.GET('/api/bodies', { params: { query } }));

export const getBody = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}', { params: { path: { bodyId } } }));

export const listMemberships = (bodyId: string, at: string) =>
  unwrap(api.GET('/api/bodies/{bodyId}/memberships', { params: { path: { bodyId }, query: { at } } }));

export const listGroups = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/groups', { params: { path: { bodyId } } }));

export const listCharterVersions = (bodyId: string) =>
  unwrap(api.GET('/api/bodies/{bodyId}/charter-versions', { params: { path: { bodyId } } }));

export const getCharterVersion = (bodyId: string, version: number) =>
  unwrap(api.GET('/api/bodies/{bodyId}/charter-versions/{version}', { params: { path: { bodyId, version } } }));

export const diffCharterVersions = (bodyId: string, a: number, b: number) =>
  unwrap(api.GET('/api/bodies/{bodyId}/charter-versions/{a}/diff/{b}', { params: { path: { bodyId, a, b } } }));

export const previewCharter = (body: PreviewRequest) => unwrap(api.POST('/api/charters/preview', { body }));

export const publishBody = (body: ApiRequest<'/api/bodies', 'post'>) => unwrap(api.POST('/api/bodies', { body }));

export type BodyUnit = Result<typeof listBodyUnits>['items'][number];

export const listBodyUnits = (bodyId: string, at: string) =>
  unwrap(api.GET('/api/bodies/{bodyId}/units', { params: { path: { bodyId }, query: { at } } }));

export type DissolveRequest = ApiRequest<'/api/bodies/{bodyId}/dissolve', 'post'>;

export const dissolveBody = (bodyId: string, request: DissolveRequest) =>
  unwrap(api.POST('/api/bodies/{bodyId}/dissolve', { params: { path: { bodyId } }, body: request }));

export type BodySortKey = NonNullable<BodyListQuery['sort']>;

/** The query string of a list's filters (values left empty are left out). */
export function listQueryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  return params.toString();
}

/** Where the browser downloads the registry as filtered and sorted (XLSX). */
export const registryExportUrl = (query: Omit<BodyListQuery, 'cursor' | 'limit'>) => `/api/bodies/export?${listQueryString(query)}`;
