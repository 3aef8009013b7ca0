/** The organisation chart tab (loaded on demand together with ECharts). */
import { lazy, Suspense, useMemo } from 'react';
import { Card, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { listBodyUnits, listGroups, listMemberships, type BodyDetail } from './bodies-api.ts';
import { buildOrgTree } from './org-chart-data.ts';
import { todayInShanghai } from '../common/today.ts';

const OrgChart = lazy(() => import('./org-chart.tsx'));

export default function OrgChartTab({ body }: { body: BodyDetail }) {
  const { t } = useI18n();
  const today = todayInShanghai();
  const units = useQuery({ queryKey: ['body-units', body.id, today], queryFn: () => listBodyUnits(body.id, today) });
  const memberships = useQuery({ queryKey: ['memberships', body.id, today], queryFn: () => listMemberships(body.id, today) });
  const groups = useQuery({ queryKey: ['groups', body.id], queryFn: () => listGroups(body.id) });

  const tree = useMemo(() => {
    if (units.data === undefined || memberships.data === undefined || groups.data === undefined) return null;
    return buildOrgTree({
      bodyName: body.name,
      units: units.data.items,
      memberships: memberships.data.items,
      office: body.office,
      groups: groups.data.items.map((group) => ({ ...group, kindLabel: t(`groups.kind.${group.kind}`) })),
      labels: {
        memberUnits: (count) => `${t('chart.memberUnits')}（${count}）`,
        member: (name) => t('chart.member', { name }),
        liaison: (name) => t('chart.liaison', { name }),
        vacant: t('chart.vacant'),
        lead: t('members.lead'),
        office: (host) => (host === null ? t('chart.office') : `${t('chart.office')}（${host}）`),
        officeDirector: (name) => t('charter.officeDirector', { name }),
        officeDeputy: (name) => t('charter.officeDeputy', { name }),
        groups: t('chart.groups'),
        groupLead: (names) => `${t('groups.leadUnits')}：${names}`,
      },
    });
  }, [body, units.data, memberships.data, groups.data, t]);

  const error = units.error ?? memberships.error ?? groups.error;
  return (
    <Card size="small" title={<h2 className="lx-card-title">{t('chart.title')}</h2>}>
      <Typography.Paragraph type="secondary">{t('chart.hint')}</Typography.Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      {tree === null ? (
        error === null && <Spin description={t('chart.loading')} style={{ display: 'block', margin: '40px auto' }} />
      ) : (
        <Suspense fallback={<Spin description={t('chart.loading')} style={{ display: 'block', margin: '40px auto' }} />}>
          <OrgChart tree={tree} ariaLabel={t('chart.ariaLabel', { name: body.name })} />
        </Suspense>
      )}
    </Card>
  );
}
