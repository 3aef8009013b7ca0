/**
 * Tells the signed-in user before the session ends (idle or absolute timeout, enforced by the
 * server) and before the password expires (issue 17 point 9). The idle timer restarts with every
 * answer of the server, so the last activity is the last query or mutation that settled; "keep
 * working" asks the server who we are, which is activity too.
 */
import { useEffect, useState } from 'react';
import { Alert, Button } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { beijingDate, beijingTime, expiryWarning } from './session-expiry.ts';

const SESSION_QUERY_KEY = ['auth', 'session'] as const;

export function SessionExpiryWarning() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useQuery({ queryKey: SESSION_QUERY_KEY, queryFn: () => unwrap(api.GET('/api/auth/me')), staleTime: Infinity });
  const [lastActivity, setLastActivity] = useState(() => new Date());
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    const touch = () => setLastActivity(new Date());
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success') touch();
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success') touch();
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient]);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 15_000);
    return () => window.clearInterval(timer);
  }, []);

  if (session.data === undefined) return null;
  const warning = expiryWarning(
    {
      idleTimeoutMinutes: session.data.session.idleTimeoutMinutes,
      absoluteExpiresAt: session.data.session.absoluteExpiresAt,
      passwordExpiresAt: session.data.passwordExpiresAt,
    },
    lastActivity,
    now,
  );
  if (warning === null) return null;
  if (warning.kind === 'password') {
    return (
      <Alert
        banner
        type="warning"
        title={t('security.password.expiresSoon', { date: beijingDate(warning.at) })}
        action={<Button size="small" onClick={() => void navigate('/change-password')}>{t('security.password.change')}</Button>}
      />
    );
  }
  return (
    <Alert
      banner
      role="alert"
      type="warning"
      title={t(warning.kind === 'idle' ? 'security.session.idleSoon' : 'security.session.absoluteSoon', { time: beijingTime(warning.at) })}
      action={
        warning.kind === 'idle' ? (
          <Button size="small" type="primary" onClick={() => void session.refetch()}>
            {t('security.session.keepAlive')}
          </Button>
        ) : undefined
      }
    />
  );
}
