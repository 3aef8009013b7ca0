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
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
