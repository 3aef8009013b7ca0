/** Office staff: a dashboard card per body whose office the account works in (open items by rung, meeting frequency). */
import { Card, Col, Descriptions, Row, Skeleton, Tag, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { listDecisions } from '../decisions/decisions-api.ts';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { getBody, type BodyDetail } from '../bodies/bodies-api.ts';
import { FlagTags, StatusTag } from '../bodies/body-labels.tsx';
import { SunsetTag } from '../bodies/sunset-tag.tsx';
import { EscalationCounts, FrequencyLines } from './supervision-summary.tsx';
import { IncomingDashboardLine } from './incoming-dashboard-line.tsx';
import { ReportsDashboardLine } from './reports-dashboard-line.tsx';
import { OutgoingDashboardLine } from '../outgoing/outgoing-dashboard-line.tsx';

/** At most this many dashboards; the rest are in the registry. */
const SHOWN = 12;

function BodyDashboard({ body }: { body: BodyDetail }) {
  const { t } = useI18n();
  const decisions = useQuery({ queryKey: ['decisions', body.id, {}], queryFn: () => listDecisions(body.id) });
  const open = (decisions.data?.items ?? []).filter((item) => item.status !== 'closed');
  const overdue = open.filter((item) => item.overdue);
  return (
    <Card
      size="small"
      title={
        <Link to={`/bodies/${body.id}`} className="lx-strong-link">
          {body.name}
        </Link>
      }
      extra={<StatusTag status={body.status} />}
      className="lx-dashboard-card"
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'units', label: t('workspace.memberUnits'), children: t('workspace.unitCount', { count: body.memberUnits.length }) },
          {
            key: 'decisions',
            label: t('decisions.tab'),
            children: (
              <Link to={`/bodies/${body.id}?tab=decisions`}>
                <Tag color="blue">{t('workspace.openDecisions', { count: open.length })}</Tag>
                <Tag color={overdue.length > 0 ? 'red' : 'default'}>{t('workspace.overdueDecisions', { count: overdue.length })}</Tag>
              </Link>
            ),
          },
          { key: 'rungs', label: t('rung.dashboard'), children: <EscalationCounts bodyId={body.id} /> },
          { key: 'incoming', label: t('incoming.dashboard'), children: <IncomingDashboardLine bodyId={body.id} /> },
          { key: 'outgoing', label: t('outgoing.dashboard'), children: <OutgoingDashboardLine bodyId={body.id} /> },
          { key: 'reports', label: t('dashboard.reports'), children: <ReportsDashboardLine bodyId={body.id} /> },
          { key: 'frequency', label: t('frequency.label'), children: <FrequencyLines bodyId={body.id} /> },
          { key: 'sunset', label: t('workspace.sunset'), children: <SunsetTag sunsetDate={body.sunsetDate} /> },
          { key: 'flags', label: t('workspace.flags'), children: <FlagTags flags={body.flags} /> },
        ]}
      />
    </Card>
  );
}

export function OfficeSection({ bodyIds }: { bodyIds: string[] }) {
  const { t } = useI18n();
  const shown = bodyIds.slice(0, SHOWN);
  const bodies = useQueries({ queries: shown.map((bodyId) => ({ queryKey: ['body', bodyId], queryFn: () => getBody(bodyId) })) });
  return (
    <Card size="small" title={<h2 className="lx-card-title">{t('workspace.office')}</h2>}>
      <Row gutter={[12, 12]}>
        {bodies.map((body, index) => (
          <Col key={shown[index]} xs={24} lg={12} xxl={8}>
            {body.isError ? <ErrorAlert error={body.error} /> : body.data === undefined ? <Skeleton active /> : <BodyDashboard body={body.data} />}
          </Col>
        ))}
      </Row>
      {bodyIds.length > SHOWN && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          <Link to="/bodies">{t('workspace.officeMore', { count: bodyIds.length - SHOWN })}</Link>
        </Typography.Paragraph>
      )}
    </Card>
  );
}
