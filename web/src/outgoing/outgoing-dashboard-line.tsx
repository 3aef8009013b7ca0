/** The office dashboard's line for outgoing documents: drafts, waiting for review or signature, issued; linking to 发文与简报. */
import { Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { listOutgoingDocuments } from './outgoing-api.ts';

export function OutgoingDashboardLine({ bodyId }: { bodyId: string }) {
  const { t } = useI18n();
  const list = useQuery({ queryKey: ['outgoing-documents', bodyId], queryFn: () => listOutgoingDocuments(bodyId) });
  const items = list.data?.items ?? [];
  const waiting = items.filter((item) => item.status === 'awaiting_review' || item.status === 'awaiting_signature').length;
  const issued = items.filter((item) => item.status === 'issued').length;
  return (
    <Link to={`/bodies/${bodyId}/outgoing-documents`} data-testid="outgoing-dashboard-link">
      <Tag color={waiting > 0 ? 'orange' : 'default'}>{t('outgoing.waitingCount', { count: waiting })}</Tag>
      <Tag color="green">{t('outgoing.issuedCount', { count: issued })}</Tag>
    </Link>
  );
}
