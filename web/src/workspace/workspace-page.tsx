/**
 * My workspace, by role: the bodies I sit in (member, liaison, convener), the dashboards of the
 * bodies whose office I work in, and for an administrator where their screens are. Sections appear
 * only for the roles the account holds.
 */
import { Alert, Col, Row, Space, Spin, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMe } from '../auth/auth-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { getPerson, holdsOn } from './workspace-api.ts';
import { MyBodiesSection } from './my-bodies-section.tsx';
import { OfficeSection } from './office-section.tsx';
import { UnitDecisionsSection } from './unit-decisions-section.tsx';
import { UnitObligationsSection } from './unit-obligations-section.tsx';
import { MeetingsSection } from './meetings-section.tsx';
import { InboxSection } from './inbox-section.tsx';
import { CalendarFeedSection } from './calendar-feed-section.tsx';
import { getBody } from '../bodies/bodies-api.ts';
import { todayInShanghai } from '../common/today.ts';

export function WorkspacePage() {
  const { t } = useI18n();
  const me = useMe();
  const today = todayInShanghai();
  const personId = me.personId;
  const person = useQuery({
    queryKey: ['person', personId],
    queryFn: () => getPerson(personId ?? ''),
    enabled: personId !== null,
  });
  const memberships = (person.data?.memberships ?? []).filter((membership) => holdsOn(membership, today));
  const officeBodyIds = me.bodyGrants.filter((grant) => grant.role === 'office_staff').map((grant) => grant.bodyId);
  const isAdmin = me.systemRoles.length > 0;
  const officeBodies = useQueries({ queries: officeBodyIds.slice(0, 12).map((bodyId) => ({ queryKey: ['body', bodyId], queryFn: () => getBody(bodyId) })) });

  const bodyNames = new Map<string, string>();
  for (const membership of memberships) bodyNames.set(membership.bodyId, membership.bodyName);
  for (const body of officeBodies) if (body.data !== undefined) bodyNames.set(body.data.id, body.data.name);
  const units = new Map<string, string>();
  for (const membership of memberships) {
    if ((membership.roleKind === 'liaison' || membership.roleKind === 'member') && membership.unitId !== null) units.set(membership.unitId, membership.unitName ?? '');
  }
  const approverBodyIds = [...new Set(memberships.filter((m) => m.roleKind === 'convener' || m.roleKind === 'deputy_convener').map((m) => m.bodyId))];
  const meetingBodies = [...new Set([...memberships.map((m) => m.bodyId), ...officeBodyIds])].map((bodyId) => ({ bodyId, name: bodyNames.get(bodyId) ?? '' }));
  const worksInBodies = meetingBodies.length > 0;

  return (
    <div>
      <h1 className="lx-page-title">{t('workspace.title')}</h1>
      <Typography.Paragraph type="secondary">
        {t('workspace.greeting', { name: me.displayName })} · {t('workspace.today', { date: today })}
      </Typography.Paragraph>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {isAdmin && (
          <Alert
            type="info"
            showIcon
            title={t('workspace.admin')}
            description={t('workspace.adminHint', { role: me.systemRoles.map((role) => t(`role.system.${role}`)).join('、') })}
          />
        )}
        {personId !== null && person.isPending && <Spin description={t('app.loading')} />}
        {person.isError && <ErrorAlert error={person.error} />}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              {units.size > 0 && <UnitObligationsSection units={[...units].map(([unitId, name]) => ({ unitId, name }))} />}
              {units.size > 0 && <UnitDecisionsSection units={[...units].map(([unitId, name]) => ({ unitId, name }))} bodyNames={bodyNames} />}
              {worksInBodies && <MeetingsSection bodies={meetingBodies} approverBodyIds={approverBodyIds} myAccountId={me.id} />}
              {officeBodyIds.length > 0 && <OfficeSection bodyIds={officeBodyIds} />}
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              {(personId !== null || (officeBodyIds.length === 0 && !isAdmin)) && <MyBodiesSection memberships={memberships} />}
              <InboxSection />
              {worksInBodies && <CalendarFeedSection />}
            </Space>
          </Col>
        </Row>
      </Space>
    </div>
  );
}
