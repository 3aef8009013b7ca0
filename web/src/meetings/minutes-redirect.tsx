/**
 * The address the server writes into notifications for minutes (`/bodies/:bodyId/minutes/:minutesId`),
 * which has no screen of its own: it opens the minutes tab of their meeting. Kept in the meetings
 * feature (it reads the minutes) so that web/src/common/ imports no feature folder.
 */
import { Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { getMinutes } from './meetings-api.ts';

export function MinutesRedirect() {
  const { t } = useI18n();
  const { bodyId = '', minutesId = '' } = useParams();
  const minutes = useQuery({ queryKey: ['minutes', bodyId, minutesId], queryFn: () => getMinutes(bodyId, minutesId) });
  if (minutes.isError) return <ErrorAlert error={minutes.error} />;
  if (minutes.data === undefined) return <Spin description={t('app.loading')} />;
  return <Navigate replace to={`/bodies/${bodyId}/meetings/${minutes.data.meetingId}?tab=minutes`} />;
}
