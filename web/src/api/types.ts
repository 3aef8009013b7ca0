/**
 * Names for the API's types, all taken from the generated `schema.d.ts` (never written by hand).
 */
import type { paths } from './schema';
import type { previewCharter } from '../bodies/bodies-api.ts';

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

export type SignInRequest = ApiRequest<'/api/auth/sign-in', 'post'>;
export type ChangePasswordRequest = ApiRequest<'/api/auth/change-password', 'post'>;

/** The charter JSON as the client receives it (see src/domain/charter/charter-types.ts). */
export type Charter = Awaited<ReturnType<typeof previewCharter>>['charter'];
export type Rule = Charter['rules'][number];
export type Finding = Charter['findings'][number];
