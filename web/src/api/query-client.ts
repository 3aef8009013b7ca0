import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { AppError } from './app-error.ts';

type AuthProblemListener = (error: AppError) => void;
const authProblemListeners = new Set<AuthProblemListener>();

/**
 * Called with every refusal a query or mutation meets that is about the session rather than the
 * request: 401 (session expired, ended elsewhere) and 403 `password_change_required`.
 */
export function onAuthProblem(listener: AuthProblemListener): () => void {
  authProblemListeners.add(listener);
  return () => authProblemListeners.delete(listener);
}

function report(error: unknown): void {
  if (error instanceof AppError && (error.status === 401 || error.code === 'password_change_required')) {
    for (const listener of authProblemListeners) listener(error);
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: report }),
    mutationCache: new MutationCache({ onError: report }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !(error instanceof AppError && error.status > 0 && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: false,
        // A screen reads its data again each time it is opened, showing the cached answer meanwhile:
        // most of what a page shows is changed by other people (the office drafts the minutes the
        // convener opens from the to-do centre a moment later). Queries of data that rarely changes
        // (catalogues, regions, the session) set a longer staleTime of their own.
        staleTime: 0,
      },
      mutations: { retry: false },
    },
  });
}
