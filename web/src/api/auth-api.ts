/** Calls of /api/auth. */
import { api, unwrap } from './client.ts';
import { AppError } from './app-error.ts';
import type { ChangePasswordRequest, SignInRequest } from './types.ts';

/** The signed-in account as /api/auth/me answers it. */
export type Me = Awaited<ReturnType<typeof getMe>>['account'];

const getMe = () => unwrap(api.GET('/api/auth/me'));

/** The signed-in account, or null when nobody is (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return (await getMe()).account;
  } catch (error) {
    if (error instanceof AppError && error.status === 401) return null;
    throw error;
  }
}

/** What the session probe answers: the account and its session (as /api/auth/me), or nobody. */
export type SessionProbe = Awaited<ReturnType<typeof probeSession>>;

const probeSession = () => unwrap(api.GET('/api/auth/session'));

/**
 * Who is signed in, through the session probe: never a 401 when nobody is, so that a signed-out
 * first visit makes no failing request (issue 15 point 8).
 */
export async function fetchSession(): Promise<SessionProbe['me']> {
  return (await probeSession()).me;
}

export async function signIn(request: SignInRequest): Promise<Me> {
  return (await unwrap(api.POST('/api/auth/sign-in', { body: request }))).account;
}

export async function signOut(): Promise<void> {
  await unwrap(api.POST('/api/auth/sign-out'));
}

/** Changes the password and answers the account as it now is. */
export async function changePassword(request: ChangePasswordRequest): Promise<Me> {
  await unwrap(api.POST('/api/auth/change-password', { body: request }));
  const me = await fetchMe();
  if (me === null) throw AppError.fromBody({ code: 'unauthenticated', status: 401, message: '请先登录' });
  return me;
}
