/**
 * A body's notification settings (office staff): how many working days before a deadline the
 * assigned units are reminded, the webhook (address, on / off, signing secret — a new secret is shown
 * once), and the deliveries that keep failing, each retried on demand.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, InputNumber, Popconfirm, Space, Spin, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { KeyOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { formatTime } from '../meetings/meeting-labels.tsx';
import {
  getNotificationSettings,
  listFailingDeliveries,
  retryDelivery,
  updateNotificationSettings,
  type FailingDelivery,
  type NotificationSettings,
  type NotificationSettingsChange,
} from '../decisions/circulars-api.ts';
import { EscalationSettingsCard } from '../decisions/escalation-settings-card.tsx';

export function NotificationSettingsTab({ bodyId }: { bodyId: string }) {
  const { t } = useI18n();
  const settings = useQuery({ queryKey: ['notification-settings', bodyId], queryFn: () => getNotificationSettings(bodyId) });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('notify.title')}>
        {settings.isError && <ErrorAlert error={settings.error} />}
        {settings.isPending && <Spin description={t('app.loading')} />}
        {settings.data !== undefined && <SettingsForm bodyId={bodyId} settings={settings.data} />}
      </Card>
      <EscalationSettingsCard bodyId={bodyId} />
      <FailingDeliveries bodyId={bodyId} />
    </Space>
  );
}

interface FormValues {
  reminderDaysBefore: number;
  webhookUrl: string;
  webhookEnabled: boolean;
}

function SettingsForm({ bodyId, settings }: { bodyId: string; settings: NotificationSettings }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [newSecret, setNewSecret] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (change: NotificationSettingsChange) => updateNotificationSettings(bodyId, change),
    onSuccess: (saved) => {
      const { webhookSecret, ...rest } = saved;
      queryClient.setQueryData(['notification-settings', bodyId], rest);
      setNewSecret(webhookSecret);
      void message.success(t('notify.saved'));
    },
  });

  const submit = (values: FormValues) => {
    const url = values.webhookUrl.trim();
    save.mutate({ reminderDaysBefore: values.reminderDaysBefore, webhookUrl: url === '' ? null : url, webhookEnabled: values.webhookEnabled });
  };

  return (
    <>
      <Form<FormValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ reminderDaysBefore: settings.reminderDaysBefore, webhookUrl: settings.webhookUrl ?? '', webhookEnabled: settings.webhookEnabled }}
        onFinish={submit}
      >
        {save.isError && <ErrorAlert error={save.error} />}
        <Form.Item name="reminderDaysBefore" label={t('notify.reminderDaysBefore')} extra={t('notify.reminderHint')} rules={[{ required: true, type: 'integer', min: 1, max: 60 }]}>
          <InputNumber min={1} max={60} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="webhookUrl" label={t('notify.webhookUrl')} rules={[{ type: 'url', message: t('notify.invalidUrl') }]}>
          <Input placeholder={t('notify.webhookUrlPlaceholder')} inputMode="url" />
        </Form.Item>
        <Form.Item name="webhookEnabled" label={t('notify.webhookEnabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
            {t('notify.save')}
          </Button>
          {settings.updatedAt !== null && <Typography.Text type="secondary">{t('notify.updatedAt', { time: formatTime(settings.updatedAt) })}</Typography.Text>}
        </Space>
      </Form>
      <Space orientation="vertical" size="small" style={{ width: '100%', marginTop: 24 }}>
        <Space wrap>
          <Tag color={settings.webhookSecretSet ? 'green' : 'default'}>{settings.webhookSecretSet ? t('notify.secretSet') : t('notify.secretNotSet')}</Tag>
          <Popconfirm title={t('notify.rotateSecret')} description={t('notify.rotateConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => save.mutate({ rotateSecret: true })}>
            <Button icon={<KeyOutlined />} disabled={save.isPending}>
              {t('notify.rotateSecret')}
            </Button>
          </Popconfirm>
        </Space>
        {newSecret !== null && (
          <Alert
            type="warning"
            showIcon
            title={t('notify.newSecret')}
            description={
              <Typography.Text code copyable data-testid="new-secret">
                {newSecret}
              </Typography.Text>
            }
          />
        )}
      </Space>
    </>
  );
}

function FailingDeliveries({ bodyId }: { bodyId: string }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const deliveries = useQuery({ queryKey: ['failing-deliveries', bodyId], queryFn: () => listFailingDeliveries(bodyId) });
  const retry = useMutation({
    mutationFn: (deliveryId: number) => retryDelivery(bodyId, deliveryId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['failing-deliveries', bodyId] });
      void message.success(t('notify.retried'));
    },
  });

  const columns: TableColumnsType<FailingDelivery> = [
    { title: t('deliveries.column.kind'), dataIndex: 'kind', key: 'kind', width: 90 },
    { title: t('deliveries.column.target'), dataIndex: 'target', key: 'target', render: (value: string) => <Typography.Text ellipsis={{ tooltip: value }} style={{ maxWidth: 280 }}>{value}</Typography.Text> },
    { title: t('deliveries.column.attempts'), dataIndex: 'attempts', key: 'attempts', width: 90, align: 'right' },
    {
      title: t('deliveries.column.lastError'),
      key: 'lastError',
      responsive: ['md'],
      render: (_value, delivery) => (delivery.lastError === null ? t('common.none') : <Typography.Text type="danger">{delivery.lastError}</Typography.Text>),
    },
    { title: t('deliveries.column.createdAt'), key: 'createdAt', width: 150, responsive: ['lg'], render: (_value, delivery) => formatTime(delivery.createdAt) },
    {
      title: t('deliveries.column.next'),
      key: 'next',
      width: 150,
      render: (_value, delivery) => (delivery.givenUp ? <Tag color="red">{t('deliveries.givenUp')}</Tag> : formatTime(delivery.nextAttemptAt)),
    },
    {
      title: '',
      key: 'retry',
      width: 90,
      render: (_value, delivery) => (
        <Button size="small" icon={<ReloadOutlined />} loading={retry.isPending && retry.variables === delivery.id} onClick={() => retry.mutate(delivery.id)}>
          {t('deliveries.retry')}
        </Button>
      ),
    },
  ];

  return (
    <Card size="small" title={t('deliveries.title')}>
      {deliveries.isError && <ErrorAlert error={deliveries.error} />}
      {retry.isError && <ErrorAlert error={retry.error} />}
      <Table<FailingDelivery>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={deliveries.data?.items ?? []}
        loading={deliveries.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('deliveries.empty') }}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
