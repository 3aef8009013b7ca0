/**
 * My workspace, by role: the bodies I sit in (member, liaison, convener), the dashboards of the
 * bodies whose office I work in, and for an administrator where their screens are. Sections appear
 * only for the roles the account holds. Everything comes from one request (GET /api/workspace);
 * it is read again after any change made from the page (a report, a reply, an approval …).
 */
import { useEffect } from 'react';
import { Alert, Col, Row, Space, Spin } from 'antd';
import { Paragraph } from './section-card.tsx';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMe } from '../auth/auth-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { WORKSPACE_QUERY_KEY, workspaceQuery } from './workspace-api.ts';
import { MyBodiesSection } from './my-bodies-section.tsx';
import { OfficeSection } from './office-section.tsx';
import { UnitDecisionsSection } from './unit-decisions-section.tsx';
import { UnitObligationsSection } from './unit-obligations-section.tsx';
import { MeetingsSection } from './meetings-section.tsx';
import { InboxSection } from './inbox-section.tsx';
import { CalendarFeedSection } from './calendar-feed-section.tsx';
import { todayInShanghai } from '../common/today.ts';

export function WorkspacePage() {
  const { t } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const workspace = useQuery(workspaceQuery(queryClient));

  // A change made from the workspace (a progress report in the drawer, a reply, marking read …) may change what it shows.
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'success') void queryClient.invalidateQueries({ queryKey: WORKSPACE_QUERY_KEY });
      }),
    [queryClient],
  );

  const data = workspace.data;
  const today = data?.today ?? todayInShanghai();
  const isAdmin = me.systemRoles.length > 0;
  const officeBodyCount = data?.officeBodyCount ?? 0;
  const bodyNames = new Map<string, string>();
  for (const membership of data?.memberships ?? []) bodyNames.set(membership.bodyId, membership.bodyName);
  for (const body of data?.officeBodies ?? []) bodyNames.set(body.bodyId, body.name);

  return (
    <div>
      <h1 className="lx-page-title">{t('workspace.title')}</h1>
      <Paragraph type="secondary">
        {t('workspace.greeting', { name: me.displayName })} · {t('workspace.today', { date: today })}
      </Paragraph>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {isAdmin && (
          <Alert
            type="info"
            showIcon
            title={t('workspace.admin')}
            description={t('workspace.adminHint', { role: me.systemRoles.map((role) => t(`role.system.${role}`)).join('、') })}
          />
        )}
        {workspace.isPending && <Spin description={t('app.loading')} />}
        {workspace.isError && <ErrorAlert error={workspace.error} />}
        {data !== undefined && (
          <Row gutter={[16, 16]} data-testid="workspace-content">
            <Col xs={24} xl={14}>
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                {data.units.length > 0 && <UnitObligationsSection rows={data.unitObligations} />}
                {data.units.length > 0 && <UnitDecisionsSection decisions={data.unitDecisions} bodyNames={bodyNames} />}
                {data.worksInBodies && <MeetingsSection meetings={data.meetings} approverBodyIds={data.approverBodyIds} myAccountId={me.id} />}
                {officeBodyCount > 0 && <OfficeSection bodies={data.officeBodies} total={officeBodyCount} />}
              </Space>
            </Col>
            <Col xs={24} xl={10}>
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                {(me.personId !== null || (officeBodyCount === 0 && !isAdmin)) && <MyBodiesSection memberships={data.memberships} />}
                <InboxSection />
                {data.worksInBodies && <CalendarFeedSection />}
              </Space>
            </Col>
          </Row>
        )}
      </Space>
    </div>
  );
}
