/** System settings (system administrator): session timeouts, password policy, lockout. */
import { useEffect } from 'react';
import { App as AntApp, Button, Card, Form, InputNumber, Space, Spin } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { getSettings, updateSettings, type SecuritySettings } from './admin-api.ts';

interface Field {
  path: [string, string];
  label: MessageKey;
  min: number;
  max: number;
}

/** The fields and their limits (the contract's limits: src/contracts/settings.ts). */
const GROUPS: { title: MessageKey; fields: Field[] }[] = [
  {
    title: 'settings.session',
    fields: [
      { path: ['session', 'idleMinutes'], label: 'settings.idleMinutes', min: 1, max: 24 * 60 },
      { path: ['session', 'absoluteHours'], label: 'settings.absoluteHours', min: 1, max: 24 * 30 },
    ],
  },
  {
    title: 'settings.passwordPolicy',
    fields: [
      { path: ['passwordPolicy', 'minLength'], label: 'settings.minLength', min: 8, max: 128 },
      { path: ['passwordPolicy', 'minClasses'], label: 'settings.minClasses', min: 1, max: 4 },
    ],
  },
  {
    title: 'settings.lockout',
    fields: [
      { path: ['lockout', 'threshold'], label: 'settings.threshold', min: 1, max: 100 },
      { path: ['lockout', 'minutes'], label: 'settings.lockMinutes', min: 1, max: 24 * 60 },
    ],
  },
];

export function SettingsPage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<SecuritySettings>();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: getSettings });
  const save = useMutation({
    mutationFn: updateSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(['settings'], saved);
      void message.success(t('settings.saved'));
    },
  });
  useEffect(() => {
    if (settings.data !== undefined) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  return (
    <div>
      <h1 className="lx-page-title">{t('settings.title')}</h1>
      {settings.isError && <ErrorAlert error={settings.error} />}
      {settings.isPending ? (
        <Spin description={t('app.loading')} style={{ display: 'block', marginTop: 40 }} />
      ) : (
        <Form<SecuritySettings> form={form} layout="vertical" name="settings" onFinish={(values) => save.mutate(values)} style={{ maxWidth: 640 }}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {save.isError && <ErrorAlert error={save.error} />}
            {GROUPS.map((group) => (
              <Card key={group.title} size="small" title={<h2 className="lx-card-title">{t(group.title)}</h2>}>
                {group.fields.map((field) => (
                  <Form.Item
                    key={field.label}
                    name={field.path}
                    label={t(field.label)}
                    rules={[{ required: true, message: t('settings.required') }]}
                  >
                    <InputNumber min={field.min} max={field.max} precision={0} style={{ width: 160 }} />
                  </Form.Item>
                ))}
              </Card>
            ))}
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('settings.save')}
            </Button>
          </Space>
        </Form>
      )}
    </div>
  );
}
