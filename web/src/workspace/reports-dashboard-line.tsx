/**
 * The office dashboard's line for information reports (信息报送), read through the reports part's
 * compliance call: this period's reporters met and behind, linking to the body's 信息报送 page;
 * "not on" while the charter states no quota and the office has set none.
 */
import { Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { getCompliance } from '../reports/reports-api.ts';

export function ReportsDashboardLine({ bodyId }: { bodyId: string }) {
  const { t } = useI18n();
  const compliance = useQuery({ queryKey: ['report-compliance', bodyId], queryFn: () => getCompliance(bodyId) });
  if (compliance.data === undefined) return null;
  if (compliance.data.period === null) {
    return (
      <Link to={`/bodies/${bodyId}/reports`} data-testid="reports-dashboard-link">
        <Tag>{t('dashboard.reportsOff')}</Tag>
      </Link>
    );
  }
  const behind = compliance.data.lines.filter((line) => line.status !== 'met').length;
  const met = compliance.data.lines.length - behind;
  return (
    <Link to={`/bodies/${bodyId}/reports`} data-testid="reports-dashboard-link">
      <Tag color="green">{t('dashboard.reportsMet', { count: met })}</Tag>
      <Tag color={behind > 0 ? 'red' : 'default'}>{t('dashboard.reportsBehind', { count: behind, period: compliance.data.period.label })}</Tag>
    </Link>
  );
}
