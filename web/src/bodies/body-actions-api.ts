/** The body page's actions for the reader (issue 15), decided on the server: `GET /api/bodies/{bodyId}/actions`. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';

export const getBodyActions = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/actions', { params: { path: { bodyId } } }));

/** The reader's actions on the body (refetched with the body: same key prefix). */
export function useBodyActions(bodyId: string) {
  return useQuery({ queryKey: ['body', bodyId, 'actions'], queryFn: () => getBodyActions(bodyId) });
}
