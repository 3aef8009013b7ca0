/**
 * The typed API client: openapi-fetch over the types generated from the server's OpenAPI
 * document (`schema.d.ts`, written by scripts/generate-api-types.ts). No request or response type
 * is written by hand.
 */
import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { appErrorFromResponse, toAppError } from './app-error.ts';

export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  credentials: 'same-origin',
});

/** The outcome of an openapi-fetch call (either branch). */
interface ApiOutcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call; any failure is thrown as an AppError. */
export async function unwrap<T>(call: Promise<ApiOutcome<T>>): Promise<T> {
  let outcome: ApiOutcome<T>;
  try {
    outcome = await call;
  } catch (error) {
    throw toAppError(error);
  }
  if (!outcome.response.ok) throw appErrorFromResponse(outcome.response.status, outcome.error);
  return outcome.data as T;
}
