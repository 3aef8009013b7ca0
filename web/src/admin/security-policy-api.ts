/** Calls of /api/security-policy (security administrator): the password rules, session limits and second factor. */
import { api, unwrap } from '../api/client.ts';
import type { ApiRequest } from '../api/types.ts';

export type SecurityPolicy = Awaited<ReturnType<typeof getSecurityPolicy>>;

export const getSecurityPolicy = () => unwrap(api.GET('/api/security-policy'));

export const updateSecurityPolicy = (body: ApiRequest<'/api/security-policy', 'put'>) => unwrap(api.PUT('/api/security-policy', { body }));
