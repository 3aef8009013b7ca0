/** The office dashboard's line for incoming documents: open and overdue counts, linking to the body's 收文办理. */
import { Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { listIncomingDocuments } from '../incoming/incoming-api.ts';

export function IncomingDashboardLine({ bodyId }: { bodyId: string }) {
  const { t } = useI18n();
  const list = useQuery({ queryKey: ['incoming-documents', bodyId], queryFn: () => listIncomingDocuments(bodyId) });
  const open = (list.data?.items ?? []).filter((item) => item.status !== 'closed');
  const overdue = open.filter((item) => item.overdue);
  return (
    <Link to={`/bodies/${bodyId}/incoming`} data-testid="incoming-dashboard-link">
      <Tag color="purple">{t('incoming.openCount', { count: open.length })}</Tag>
      <Tag color={overdue.length > 0 ? 'red' : 'default'}>{t('incoming.overdueCount', { count: overdue.length })}</Tag>
    </Link>
  );
}
