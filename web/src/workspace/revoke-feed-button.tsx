/**
 * Stopping the calendar subscription, after a confirmation. Its own chunk: the confirmation popup is
 * fetched only for an account that has a subscription, not with every workspace (issue 15 point 7).
 */
import { Button, Popconfirm } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

export function RevokeFeedButton({ onConfirm, loading }: { onConfirm: () => void; loading: boolean }) {
  const { t } = useI18n();
  return (
    <Popconfirm title={t('workspace.calendarFeedRevokeConfirm')} onConfirm={onConfirm}>
      <Button danger loading={loading}>
        {t('workspace.calendarFeedRevoke')}
      </Button>
    </Popconfirm>
  );
}
