/** The body page's actions for the reader (issue 15), decided on the server: `GET /api/bodies/{bodyId}/actions`. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';

export const getBodyActions = (bodyId: string) => unwrap(api.GET('/api/bodies/{bodyId}/actions', { params: { path: { bodyId } } }));

/** The reader's actions on the body (refetched with the body: same key prefix). */
export function useBodyActions(bodyId: string) {
  return useQuery({ queryKey: ['body', bodyId, 'actions'], queryFn: () => getBodyActions(bodyId) });
}

/**
 * Whether a refused action should still show, disabled with its reason: only where the body's
 * charter refuses it (the refusal cites a clause). What the policy refuses is hidden (issue 15:
 * no screen offers what the server will refuse).
 */
export function refusedByCharter(actions: readonly { action: string; allowed: boolean; clause?: string }[] | undefined, name: string): boolean {
  const listed = actions?.find((a) => a.action === name);
  return listed !== undefined && !listed.allowed && listed.clause !== undefined;
}
