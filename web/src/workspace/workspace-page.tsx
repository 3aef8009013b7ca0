/**
 * My workspace, by role: the bodies I sit in (member, liaison, convener), the dashboards of the
 * bodies whose office I work in, and for an administrator where their screens are. Sections appear
 * only for the roles the account holds.
 */
import { Alert, Space, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useMe } from '../auth/auth-context.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { getPerson, holdsOn } from './workspace-api.ts';
import { MyBodiesSection } from './my-bodies-section.tsx';
import { OfficeSection } from './office-section.tsx';

export function WorkspacePage() {
  const { t } = useI18n();
  const me = useMe();
  const today = dayjs().format('YYYY-MM-DD');
  const personId = me.personId;
  const person = useQuery({
    queryKey: ['person', personId],
    queryFn: () => getPerson(personId ?? ''),
    enabled: personId !== null,
  });
  const memberships = (person.data?.memberships ?? []).filter((membership) => holdsOn(membership, today));
  const officeBodyIds = me.bodyGrants.filter((grant) => grant.role === 'office_staff').map((grant) => grant.bodyId);
  const isAdmin = me.systemRoles.length > 0;

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
        {officeBodyIds.length > 0 && <OfficeSection bodyIds={officeBodyIds} />}
        {personId !== null && person.isPending && <Spin description={t('app.loading')} />}
        {person.isError && <ErrorAlert error={person.error} />}
        {(personId !== null || (officeBodyIds.length === 0 && !isAdmin)) && <MyBodiesSection memberships={memberships} />}
      </Space>
    </div>
  );
}
