/** Calls of the to-do centre: what waits for me (待办) and what I did (已办). */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export const getTodo = () => unwrap(api.GET('/api/todo', { params: { query: { doneLimit: 30 } } }));

export type Todo = Result<typeof getTodo>;
export type TodoItem = Todo['items'][number];
export type DoneEntry = Todo['done'][number];

export const TODO_QUERY_KEY = ['todo'] as const;

/**
 * The to-do centre, shared by the page and the menu's count badge (refreshed each minute). The page
 * asks with `onOpen: 'refresh'`: opening it reads again, since what waits for me is mostly made by
 * other people (the cached list is shown meanwhile).
 */
export function useTodo(options: { onOpen?: 'refresh' } = {}) {
  return useQuery({
    queryKey: TODO_QUERY_KEY,
    queryFn: getTodo,
    staleTime: 30_000,
    refetchInterval: 60_000,
    ...(options.onOpen === 'refresh' ? { refetchOnMount: 'always' as const } : {}),
  });
}
