/**
 * Security alerts on the audit page (issue 17 point 7): a broken audit chain, lockouts,
 * administrators' actions at night and many refusals of one account, newest first; the audit
 * administrator acknowledges each (the security administrator reads them on the same API).
 */
import { useState } from 'react';
import { App as AntApp, Button, Card, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { acknowledgeSecurityAlert, listSecurityAlerts, type SecurityAlert } from './admin-api.ts';

export function SecurityAlertsCard() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [openOnly, setOpenOnly] = useState(true);
  const alerts = useQuery({ queryKey: ['security-alerts', openOnly], queryFn: () => listSecurityAlerts(openOnly) });
  const acknowledge = useMutation({
    mutationFn: acknowledgeSecurityAlert,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['security-alerts'] });
      void message.success(t('security.alerts.done'));
    },
  });

  const columns: TableColumnsType<SecurityAlert> = [
    { title: t('security.alerts.column.raisedAt'), key: 'raisedAt', width: 170, render: (_value, alert) => dayjs(alert.raisedAt).format('YYYY-MM-DD HH:mm:ss') },
    { title: t('security.alerts.column.kind'), key: 'kind', render: (_value, alert) => t(`security.alerts.kind.${alert.kind}`) },
    {
      title: t('security.alerts.column.detail'),
      key: 'detail',
      responsive: ['md'],
      render: (_value, alert) => <Typography.Text code>{JSON.stringify(alert.detail)}</Typography.Text>,
    },
    {
      title: t('security.alerts.column.status'),
      key: 'status',
      render: (_value, alert) =>
        alert.acknowledgedAt === null ? (
          <Button size="small" loading={acknowledge.isPending && acknowledge.variables === alert.id} onClick={() => acknowledge.mutate(alert.id)}>
            {t('security.alerts.acknowledge')}
          </Button>
        ) : (
          t('security.alerts.acknowledged', { time: dayjs(alert.acknowledgedAt).format('YYYY-MM-DD HH:mm') })
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={<h2 className="lx-card-title">{t('security.alerts.title')}</h2>}
      extra={<Switch checked={openOnly} onChange={setOpenOnly} checkedChildren={t('security.alerts.openOnly')} unCheckedChildren={t('security.alerts.openOnly')} aria-label={t('security.alerts.openOnly')} />}
    >
      {alerts.isError && <ErrorAlert error={alerts.error} />}
      {acknowledge.isError && <ErrorAlert error={acknowledge.error} />}
      <Table<SecurityAlert>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={alerts.data?.items ?? []}
        loading={alerts.isFetching}
        pagination={false}
        locale={{ emptyText: t('security.alerts.empty') }}
        scroll={{ x: 'max-content' }}
        data-testid="security-alerts"
      />
    </Card>
  );
}
