/** The workspace's one call (GET /api/workspace), its query and the names of its parts. */
import type { QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';

export const getWorkspace = () => unwrap(api.GET('/api/workspace'));

export type Workspace = Awaited<ReturnType<typeof getWorkspace>>;
export type PersonMembership = Workspace['memberships'][number];
export type WorkspaceMeeting = Workspace['meetings'][number];
export type OfficeDashboard = Workspace['officeBodies'][number];
export type WorkspaceObligation = Workspace['unitObligations'][number];

export const WORKSPACE_QUERY_KEY = ['workspace'] as const;

/**
 * The workspace's query: also answers the inbox's and the calendar subscription's own queries (their
 * buttons refresh them). app.tsx starts it with the page's code, so data and code arrive together.
 */
export function workspaceQuery(queryClient: QueryClient) {
  return {
    queryKey: WORKSPACE_QUERY_KEY,
    queryFn: async (): Promise<Workspace> => {
      const data = await getWorkspace();
      queryClient.setQueryData(['inbox'], data.inbox);
      queryClient.setQueryData(['calendar-feed'], data.calendarFeed);
      return data;
    },
    staleTime: 10_000,
  };
}
