/** The office dashboard's line for incoming documents: open and overdue counts, linking to the body's 收文办理. */
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import type { OfficeDashboard } from './workspace-api.ts';

export function IncomingDashboardLine({ bodyId, counts }: { bodyId: string; counts: NonNullable<OfficeDashboard['incoming']> }) {
  const { t } = useI18n();
  return (
    <Link to={`/bodies/${bodyId}/incoming`} data-testid="incoming-dashboard-link">
      <Tag color="purple">{t('incoming.openCount', { count: counts.open })}</Tag>
      <Tag color={counts.overdue > 0 ? 'red' : 'default'}>{t('incoming.overdueCount', { count: counts.overdue })}</Tag>
    </Link>
  );
}
