/** Office staff: a dashboard card per body whose office the account works in (open items by rung, meeting frequency …), from the workspace's one read. */
import { Col, Row, Tag } from 'antd';
import { DashboardLines, Paragraph, SectionCard, type DashboardLine } from './section-card.tsx';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { FlagTags, StatusTag } from '../bodies/body-labels.tsx';
import { SunsetTag } from '../bodies/sunset-tag.tsx';
import { EscalationCounts, FrequencyLines } from './supervision-summary.tsx';
import { IncomingDashboardLine } from './incoming-dashboard-line.tsx';
import { ReportsDashboardLine } from './reports-dashboard-line.tsx';
import type { OfficeDashboard } from './workspace-api.ts';

function BodyDashboard({ body }: { body: OfficeDashboard }) {
  const { t } = useI18n();
  const items: DashboardLine[] = [{ key: 'units', label: t('workspace.memberUnits'), children: t('workspace.unitCount', { count: body.memberUnitCount }) }];
  if (body.decisions !== null) {
    items.push({
      key: 'decisions',
      label: t('decisions.tab'),
      children: (
        <Link to={`/bodies/${body.bodyId}?tab=decisions`}>
          <Tag color="blue">{t('workspace.openDecisions', { count: body.decisions.open })}</Tag>
          <Tag color={body.decisions.overdue > 0 ? 'red' : 'default'}>{t('workspace.overdueDecisions', { count: body.decisions.overdue })}</Tag>
        </Link>
      ),
    });
  }
  if (body.escalationCounts !== null) items.push({ key: 'rungs', label: t('rung.dashboard'), children: <EscalationCounts bodyId={body.bodyId} counts={body.escalationCounts} /> });
  if (body.incoming !== null) items.push({ key: 'incoming', label: t('incoming.dashboard'), children: <IncomingDashboardLine bodyId={body.bodyId} counts={body.incoming} /> });
  if (body.outgoing !== null) {
    items.push({
      key: 'outgoing',
      label: t('outgoing.dashboard'),
      children: (
        <Link to={`/bodies/${body.bodyId}/outgoing-documents`} data-testid="outgoing-dashboard-link">
          <Tag color={body.outgoing.waiting > 0 ? 'orange' : 'default'}>{t('outgoing.waitingCount', { count: body.outgoing.waiting })}</Tag>
          <Tag color="green">{t('outgoing.issuedCount', { count: body.outgoing.issued })}</Tag>
        </Link>
      ),
    });
  }
  if (body.reports !== null) items.push({ key: 'reports', label: t('dashboard.reports'), children: <ReportsDashboardLine bodyId={body.bodyId} reports={body.reports} /> });
  if (body.frequency !== null) items.push({ key: 'frequency', label: t('frequency.label'), children: <FrequencyLines lines={body.frequency} /> });
  items.push(
    { key: 'sunset', label: t('workspace.sunset'), children: <SunsetTag sunsetDate={body.sunsetDate} /> },
    { key: 'flags', label: t('workspace.flags'), children: <FlagTags flags={body.flags} /> },
  );
  return (
    <SectionCard
      title={
        <Link to={`/bodies/${body.bodyId}`} className="lx-strong-link">
          {body.name}
        </Link>
      }
      extra={<StatusTag status={body.status} />}
      className="lx-dashboard-card"
    >
      <DashboardLines items={items} />
    </SectionCard>
  );
}

export function OfficeSection({ bodies, total }: { bodies: OfficeDashboard[]; total: number }) {
  const { t } = useI18n();
  return (
    <SectionCard title={<h2 className="lx-card-title">{t('workspace.office')}</h2>}>
      <Row gutter={[12, 12]}>
        {bodies.map((body) => (
          <Col key={body.bodyId} xs={24} lg={12} xxl={8}>
            <BodyDashboard body={body} />
          </Col>
        ))}
      </Row>
      {total > bodies.length && (
        <Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          <Link to="/bodies">{t('workspace.officeMore', { count: total - bodies.length })}</Link>
        </Paragraph>
      )}
    </SectionCard>
  );
}
