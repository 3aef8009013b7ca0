/**
 * Names for the API's types, all taken from the generated `schema.d.ts` (never written by hand).
 */
import type { ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import type { api } from './client.ts';
import type { paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The JSON request body of `method path`. */
export type ApiRequest<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody: { content: { 'application/json': infer Body } };
} ? Body
  : paths[P][M] extends { requestBody?: { content: { 'application/json': infer Body } } }
    ? Body
    : never;

/** The query parameters of `method path`. */
export type ApiQuery<P extends keyof paths, M extends Method> = paths[P][M] extends { parameters: { query?: infer Query } }
  ? NonNullable<Query>
  : never;

/** The data of a successful `method path` call, as the client (`unwrap`) returns it. */
export type ApiResponse<M extends Method, P extends ClientPathsWithMethod<typeof api, M>> = MethodResponse<typeof api, M, P>;

export type SignInRequest = ApiRequest<'/api/auth/sign-in', 'post'>;
export type ChangePasswordRequest = ApiRequest<'/api/auth/change-password', 'post'>;

/** The charter JSON as the client receives it (see src/domain/charter/charter-types.ts). */
export type Charter = ApiResponse<'post', '/api/charters/preview'>['charter'];
export type Rule = Charter['rules'][number];
export type Finding = Charter['findings'][number];
