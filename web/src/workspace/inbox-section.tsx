/** My inbox: the latest messages, unread first marked, each with a link to what it is about. */
import { Badge, Button, Space } from 'antd';
import { SectionCard, Text, EmptyNote } from './section-card.tsx';
import { RowList } from './row-list.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { getInbox, markInboxRead, type InboxItem } from '../decisions/decisions-api.ts';
import { formatTime } from '../meetings/meeting-labels.tsx';

export function InboxSection() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const inbox = useQuery({ queryKey: ['inbox'], queryFn: () => getInbox() });
  const read = useMutation({ mutationFn: (ids: string[] | null) => markInboxRead(ids), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inbox'] }) });
  const items = (inbox.data?.items ?? []).slice(0, 20);
  return (
    <SectionCard
      title={
        <Space>
          <h2 className="lx-card-title">{t('workspace.inbox')}</h2>
          <Badge count={inbox.data?.unread ?? 0} />
        </Space>
      }
      extra={
        (inbox.data?.unread ?? 0) > 0 && (
          <Button size="small" onClick={() => read.mutate(null)}>
            {t('workspace.markRead')}
          </Button>
        )
      }
    >
      {inbox.isError && <ErrorAlert error={inbox.error} />}
      {read.isError && <ErrorAlert error={read.error} />}
      {items.length === 0 ? (
        <EmptyNote description={t('workspace.inboxEmpty')} />
      ) : (
        <RowList<InboxItem>
          dataSource={items}
          rowKey="id"
          renderItem={(item) => (
            <RowList.Item>
              <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
                <Space size={4}>
                  {item.readAt === null && <Badge status="processing" />}
                  {item.link !== null && item.link.startsWith('/') ? <Link to={item.link}>{item.title}</Link> : <Text strong>{item.title}</Text>}
                </Space>
                <Text>{item.message}</Text>
                <Text type="secondary">{formatTime(item.createdAt)}</Text>
              </Space>
            </RowList.Item>
          )}
        />
      )}
    </SectionCard>
  );
}
