/**
 * The office dashboard's line for information reports (信息报送), from the reports part's compliance
 * read: this period's reporters met and behind, linking to the body's 信息报送 page; "not on" while
 * the charter states no quota and the office has set none.
 */
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import type { OfficeDashboard } from './workspace-api.ts';

export function ReportsDashboardLine({ bodyId, reports }: { bodyId: string; reports: NonNullable<OfficeDashboard['reports']> }) {
  const { t } = useI18n();
  if (reports.periodLabel === null) {
    return (
      <Link to={`/bodies/${bodyId}/reports`} data-testid="reports-dashboard-link">
        <Tag>{t('dashboard.reportsOff')}</Tag>
      </Link>
    );
  }
  return (
    <Link to={`/bodies/${bodyId}/reports`} data-testid="reports-dashboard-link">
      <Tag color="green">{t('dashboard.reportsMet', { count: reports.met })}</Tag>
      <Tag color={reports.behind > 0 ? 'red' : 'default'}>{t('dashboard.reportsBehind', { count: reports.behind, period: reports.periodLabel })}</Tag>
    </Link>
  );
}
