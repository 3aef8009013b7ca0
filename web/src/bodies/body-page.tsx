/**
 * A body: overview, organisation chart, members and liaisons, groups, charter, versions; for office
 * staff also the notification settings, and 撤销 (office staff, system administrator).
 */
import { lazy, Suspense, useMemo } from 'react';
import { Breadcrumb, Result, Space, Spin, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { AppError } from '../api/app-error.ts';
import { getBody, getCharterVersion } from './bodies-api.ts';
import { StatusTag } from './body-labels.tsx';
import { BodyOverview } from './body-overview.tsx';
import { MembersTab } from './members-tab.tsx';
import { GroupsTab } from './groups-tab.tsx';
import { VersionsTab } from './versions-tab.tsx';
import { CharterView } from '../charter/charter-view.tsx';
import { MeetingsTab } from '../meetings/meetings-tab.tsx';
import { DecisionsTab } from '../decisions/decisions-tab.tsx';
import { useMe } from '../auth/auth-context.tsx';
import { DissolveButton, HandoverButton } from './dissolve-button.tsx';
import { useBodyActions } from './body-actions-api.ts';
import { isAllowed } from '../common/action-button.tsx';
import { NotificationSettingsTab } from './notification-settings-tab.tsx';

const OrgChartTab = lazy(() => import('./org-chart-tab.tsx'));

const TABS = ['overview', 'meetings', 'decisions', 'chart', 'members', 'groups', 'charter', 'versions', 'settings'] as const;
type TabKey = (typeof TABS)[number];

export function BodyPage() {
  const { t } = useI18n();
  const me = useMe();
  const { bodyId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((key) => key === params.get('tab')) ?? 'overview';
  const spanParam = params.get('span');
  const initialSource = useMemo(() => {
    const match = /^(\d+)-(\d+)$/.exec(spanParam ?? '');
    return match === null ? null : { start: Number(match[1]), end: Number(match[2]) };
  }, [spanParam]);

  const body = useQuery({ queryKey: ['body', bodyId], queryFn: () => getBody(bodyId) });
  const bodyActions = useBodyActions(bodyId);
  const versionNumber = body.data?.currentCharterVersion.version;
  const charterVersion = useQuery({
    queryKey: ['charter-version', bodyId, versionNumber],
    queryFn: () => getCharterVersion(bodyId, versionNumber ?? 1),
    enabled: versionNumber !== undefined,
    staleTime: Infinity,
  });

  if (body.isPending) return <Spin description={t('app.loading')} style={{ display: 'block', marginTop: 80 }} />;
  if (body.isError) {
    if (body.error instanceof AppError && body.error.status === 404) {
      return <Result status="404" title={t('bodyPage.notFound')} extra={<Link to="/bodies">{t('bodyPage.back')}</Link>} />;
    }
    return <ErrorAlert error={body.error} />;
  }
  const detail = body.data;
  const loadingCharter = <Spin description={t('app.loading')} style={{ display: 'block', margin: '40px auto' }} />;
  const charter = charterVersion.data?.charter;
  const office = detail.myRoles.some((role) => role.role === 'office_staff');
  // 撤销 only when the server lists it as allowed for the reader (policy and the body's status).
  const mayDissolve = isAllowed(bodyActions.data?.actions, 'body.dissolve');
  const heldRoles = new Set<string>(detail.myRoles.map((role) => role.role));
  /** The paper flow's pages, each shown only to the roles its read action admits (src/policy/*-actions.ts). */
  const paperFlowLinks = [
    ...(['office_staff', 'convener', 'deputy_convener', 'member', 'liaison'].some((role) => heldRoles.has(role))
      ? [{ to: `/bodies/${bodyId}/reports`, label: t('reports.title') }]
      : []),
    ...(heldRoles.size > 0
      ? [
          { to: `/bodies/${bodyId}/outgoing-documents`, label: t('outgoing.title') },
          { to: `/bodies/${bodyId}/incoming`, label: t('incoming.title') },
        ]
      : []),
  ];
  const charterPane = charterVersion.isError ? <ErrorAlert error={charterVersion.error} /> : charter === undefined ? loadingCharter : null;

  const items = [
    {
      key: 'overview',
      label: t('bodyPage.tab.overview'),
      children: <BodyOverview body={detail} charter={charter} onShowSource={(span) => setParams({ tab: 'charter', span: `${span.start}-${span.end}` })} />,
    },
    { key: 'meetings', label: t('meetings.tab'), children: <MeetingsTab bodyId={bodyId} /> },
    { key: 'decisions', label: t('decisions.tab'), children: <DecisionsTab bodyId={bodyId} /> },
    {
      key: 'chart',
      label: t('bodyPage.tab.chart'),
      children: (
        <Suspense fallback={<Spin description={t('chart.loading')} style={{ display: 'block', margin: '40px auto' }} />}>
          <OrgChartTab body={detail} />
        </Suspense>
      ),
    },
    { key: 'members', label: t('bodyPage.tab.members'), children: <MembersTab bodyId={bodyId} myRoles={detail.myRoles} myAccountId={me.id} /> },
    { key: 'groups', label: t('bodyPage.tab.groups'), children: <GroupsTab bodyId={bodyId} office={office} /> },
    { key: 'charter', label: t('bodyPage.tab.charter'), children: charterPane ?? (charter === undefined ? null : <CharterView charter={charter} initialSource={initialSource} />) },
    { key: 'versions', label: t('bodyPage.tab.versions'), children: <VersionsTab bodyId={bodyId} current={detail.currentCharterVersion.version} /> },
    ...(office ? [{ key: 'settings', label: t('notify.tab'), children: <NotificationSettingsTab bodyId={bodyId} /> }] : []),
  ];

  return (
    <div>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/bodies">{t('nav.bodies')}</Link> }, { title: detail.name }]} />
      <Space align="center" wrap style={{ marginBottom: 8 }}>
        <h1 className="lx-page-title" style={{ marginBottom: 0 }}>
          {detail.name}
        </h1>
        <StatusTag status={detail.status} />
        {detail.dissolvedOn !== null && <span>{t('bodies.dissolvedOn', { date: detail.dissolvedOn })}</span>}
        {mayDissolve && <DissolveButton bodyId={bodyId} bodyName={detail.name} office={office} />}
        {detail.status === 'dissolved' && office && <HandoverButton bodyId={bodyId} bodyName={detail.name} />}
      </Space>
      {paperFlowLinks.length > 0 && (
        <nav aria-label={t('bodyPage.paperFlow')} style={{ marginBottom: 8 }}>
          <Space wrap>
            {paperFlowLinks.map((link) => (
              <Link key={link.to} to={link.to}>
                {link.label}
              </Link>
            ))}
          </Space>
        </nav>
      )}
      <Tabs
        activeKey={tab === 'settings' && !office ? 'overview' : tab}
        onChange={(key) => setParams(key === 'overview' ? {} : { tab: key })}
        items={items}
        destroyOnHidden
      />
    </div>
  );
}
