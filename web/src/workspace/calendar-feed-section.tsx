/**
 * My calendar subscription: a personal .ics feed of the meetings of every body I work in. The
 * address holds a secret token shown once; creating a new one revokes the old, revoking stops it.
 */
import { Button, Space } from 'antd';
import { SectionCard, Text } from './section-card.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { formatTime } from '../meetings/meeting-labels.tsx';

const RevokeFeedButton = lazy(() => import('./revoke-feed-button.tsx').then((module) => ({ default: module.RevokeFeedButton })));
const CopyableUrl = lazy(() => import('./copyable-url.tsx').then((module) => ({ default: module.CopyableUrl })));

const getFeed = () => unwrap(api.GET('/api/me/calendar-feed'));
const createFeed = () => unwrap(api.POST('/api/me/calendar-feed'));
const revokeFeed = () => unwrap(api.DELETE('/api/me/calendar-feed'));

export function CalendarFeedSection() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [createdUrl, setCreatedUrl] = useState<string | null>(null);
  const feed = useQuery({ queryKey: ['calendar-feed'], queryFn: getFeed });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['calendar-feed'] });
  const create = useMutation({
    mutationFn: createFeed,
    onSuccess: (created) => {
      setCreatedUrl(created.url);
      refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: revokeFeed,
    onSuccess: () => {
      setCreatedUrl(null);
      refresh();
    },
  });
  const active = feed.data?.active ?? false;
  return (
    <SectionCard title={<h2 className="lx-card-title">{t('workspace.calendarFeed')}</h2>}>
      {feed.isError && <ErrorAlert error={feed.error} />}
      {create.isError && <ErrorAlert error={create.error} />}
      {revoke.isError && <ErrorAlert error={revoke.error} />}
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Text type="secondary">{t('workspace.calendarFeedHint')}</Text>
        {createdUrl !== null && (
          <Suspense fallback={null}>
            <CopyableUrl url={createdUrl} />
          </Suspense>
        )}
        {createdUrl !== null && <Text type="warning">{t('workspace.calendarFeedShownOnce')}</Text>}
        {active && createdUrl === null && (
          <Text>
            {t('workspace.calendarFeedActive', { time: feed.data?.createdAt ? formatTime(feed.data.createdAt) : '' })}
          </Text>
        )}
        <Space wrap>
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {active ? t('workspace.calendarFeedRenew') : t('workspace.calendarFeedCreate')}
          </Button>
          {active && (
            <Suspense fallback={<Button danger disabled>{t('workspace.calendarFeedRevoke')}</Button>}>
              <RevokeFeedButton onConfirm={() => revoke.mutate()} loading={revoke.isPending} />
            </Suspense>
          )}
        </Space>
      </Space>
    </SectionCard>
  );
}
