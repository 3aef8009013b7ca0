/**
 * Addresses the server writes into notifications (inbox links) that have no screen of their own:
 * a decision opens in its body's decisions tab, minutes in their meeting, a circular in the
 * circulars view of the body's decisions tab (a circular is about the decisions' status).
 */
import { Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { getMinutes } from '../meetings/meetings-api.ts';

export function DecisionRedirect() {
  const { bodyId = '', decisionId = '' } = useParams();
  return <Navigate replace to={`/bodies/${bodyId}?tab=decisions&decision=${encodeURIComponent(decisionId)}`} />;
}

export function CircularRedirect() {
  const { bodyId = '', circularId = '' } = useParams();
  return <Navigate replace to={`/bodies/${bodyId}?tab=decisions&view=circulars&circular=${encodeURIComponent(circularId)}`} />;
}

export function MinutesRedirect() {
  const { t } = useI18n();
  const { bodyId = '', minutesId = '' } = useParams();
  const minutes = useQuery({ queryKey: ['minutes', bodyId, minutesId], queryFn: () => getMinutes(bodyId, minutesId) });
  if (minutes.isError) return <ErrorAlert error={minutes.error} />;
  if (minutes.data === undefined) return <Spin description={t('app.loading')} />;
  return <Navigate replace to={`/bodies/${bodyId}/meetings/${minutes.data.meetingId}?tab=minutes`} />;
}
