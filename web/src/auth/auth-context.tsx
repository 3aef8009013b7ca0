/**
 * Who is signed in. The session probe `GET /api/auth/session` answers the account and its session,
 * or that nobody is signed in — with 200 either way, so a signed-out first visit makes no failing
 * request (issue 15 point 8). Any 401 met later (the session expired, was ended elsewhere) signs
 * the UI out and carries the server's message to the sign-in page.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { fetchSession, type Me } from '../api/auth-api.ts';
import type { AppError } from '../api/app-error.ts';
import { onAuthProblem } from '../api/query-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { SessionExpiryWarning } from './session-expiry-warning.tsx';

export const ME_QUERY_KEY = ['auth', 'me'] as const;
/** The session-expiry warning's query of /api/auth/me (session-expiry-warning.tsx): the probe answers it too. */
const SESSION_DETAIL_QUERY_KEY = ['auth', 'session'] as const;

/**
 * The session probe's query: who is signed in (null: nobody). `onSignedIn` runs when it finds
 * someone signed in who may go on (not held at the forced password change). app.tsx starts it as
 * soon as the app's code runs, alongside the download of the language; AuthProvider's query is then
 * the same one, answered by that one request.
 */
export function sessionQuery(queryClient: QueryClient, onSignedIn?: () => void) {
  return {
    queryKey: ME_QUERY_KEY,
    queryFn: async (): Promise<Me | null> => {
      const session = await fetchSession();
      if (session === null) return null;
      queryClient.setQueryData(SESSION_DETAIL_QUERY_KEY, session);
      if (!session.account.mustChangePassword) onSignedIn?.();
      return session.account;
    },
    staleTime: Infinity,
  };
}

/** Why the user is on the sign-in page: a server message (session expired) or a translated notice. */
export type SignInNotice = { kind: 'expired'; message: string } | { kind: 'signedOut' };

interface AuthValue {
  me: Me | null;
  /** Replace who is signed in (after sign-in, password change, sign-out) */
  setMe: (me: Me | null) => void;
  notice: SignInNotice | null;
  setNotice: (notice: SignInNotice | null) => void;
}

const AuthContext = createContext<AuthValue | null>(null);

/**
 * `onSignedInVisit` is called once when the probe finds someone signed in (not held at the forced
 * password change), with the address first opened: app.tsx starts loading that screen's code then.
 */
export function AuthProvider({ children, onSignedInVisit }: { children: ReactNode; onSignedInVisit?: (path: string) => void }) {
  const queryClient = useQueryClient();
  const { t } = useI18n();
  const [notice, setNotice] = useState<SignInNotice | null>(null);
  const location = useLocation();
  const firstPath = useRef(location.pathname);
  const meQuery = useQuery(sessionQuery(queryClient, onSignedInVisit === undefined ? undefined : () => onSignedInVisit(firstPath.current)));

  const setMe = useCallback(
    (me: Me | null) => {
      if (me === null) {
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
      }
      queryClient.setQueryData(ME_QUERY_KEY, me);
    },
    [queryClient],
  );

  useEffect(
    () =>
      onAuthProblem((error: AppError) => {
        if (queryClient.getQueryData(ME_QUERY_KEY) === null) return;
        if (error.status === 401) {
          setNotice({ kind: 'expired', message: error.message });
          setMe(null);
        } else {
          // The password must be changed first (reset by the security administrator): ask again who we are.
          void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
        }
      }),
    [queryClient, setMe],
  );

  const value = useMemo<AuthValue>(
    () => ({ me: meQuery.data ?? null, setMe, notice, setNotice }),
    [meQuery.data, setMe, notice],
  );

  if (meQuery.isPending) {
    return (
      <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 120 }}>
        <Spin size="large" description={t('app.loading')} />
      </div>
    );
  }
  if (meQuery.isError) {
    return (
      <div style={{ maxWidth: 560, margin: '120px auto' }}>
        <ErrorAlert error={meQuery.error} />
      </div>
    );
  }
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (value === null) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in account; only inside RequireSignedIn. */
export function useMe(): Me {
  const { me } = useAuth();
  if (me === null) throw new Error('useMe without a signed-in account');
  return me;
}

/** Renders its children for a signed-in account; otherwise sends to sign-in (or to the forced password change). */
export function RequireSignedIn({ children, allowPasswordChange = false }: { children: ReactNode; allowPasswordChange?: boolean }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === null) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  if (me.mustChangePassword && !allowPasswordChange) {
    return <Navigate to="/change-password" replace />;
  }
  return (
    <>
      <SessionExpiryWarning />
      {children}
    </>
  );
}
