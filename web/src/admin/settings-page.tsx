/**
 * Settings. System settings (system administrator): session timeouts, password policy, lockout.
 * Each field shows its bounds (the contract's); a change that weakens security or affects everyone
 * (an idle timeout under 15 minutes, another session length, a looser password policy or lockout)
 * is saved only after a confirmation; the server's field errors appear under their fields. The
 * security policy (security administrator: concurrent-session limits, second factor, password
 * rules) follows the same rules in its own section (security-policy-card.tsx); each administrator
 * sees only the section of their duty.
 */
import { useEffect } from 'react';
import { App as AntApp, Button, Card, Form, InputNumber, Space, Spin } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { useAuth } from '../auth/auth-context.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { applyFieldErrors } from '../common/form-errors.ts';
import { getSettings, updateSettings, type SecuritySettings } from './admin-api.ts';
import { IDLE_CONFIRM_BELOW_MINUTES, SETTINGS_GROUPS, dangerousChanges, type DangerousChange } from './settings-fields.ts';
import { SecurityPolicyCard } from './security-policy-card.tsx';
import { saveAfterConfirmingLooser } from './confirm-looser.tsx';

export function SettingsPage() {
  const { t } = useI18n();
  const roles = useAuth().me?.systemRoles ?? [];
  const system = roles.includes('system_admin');
  const security = roles.includes('security_admin');
  return (
    <div>
      <h1 className="lx-page-title">{system || !security ? t('settings.title') : t('securityPolicy.title')}</h1>
      {(system || !security) && <SystemSettings />}
      {security && (
        <section aria-label={t('securityPolicy.title')} style={{ marginTop: system ? 24 : 0 }}>
          {system && <h2 className="lx-page-title">{t('securityPolicy.title')}</h2>}
          <SecurityPolicyCard />
        </section>
      )}
    </div>
  );
}

/** The system administrator's settings form. */
function SystemSettings() {
  const { t } = useI18n();
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<SecuritySettings>();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: getSettings });
  const save = useMutation({
    mutationFn: updateSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(['settings'], saved);
      void message.success(t('settings.saved'));
    },
    onError: (error) => {
      applyFieldErrors(form, error);
    },
  });
  useEffect(() => {
    if (settings.data !== undefined) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const describe = (change: DangerousChange): string => {
    switch (change.kind) {
      case 'idle_short':
        return t('settings.confirm.idleShort', { minutes: change.minutes, threshold: IDLE_CONFIRM_BELOW_MINUTES });
      case 'absolute_changed':
        return t('settings.confirm.absoluteChanged', { before: change.before, after: change.after });
      case 'password_weaker':
        return t('settings.confirm.passwordWeaker');
      case 'lockout_weaker':
        return t('settings.confirm.lockoutWeaker');
    }
  };
  const submit = (values: SecuritySettings) => {
    if (save.isPending) return;
    const changes = settings.data === undefined ? [] : dangerousChanges(settings.data, values);
    saveAfterConfirmingLooser({
      modal,
      t,
      title: t('settings.confirm.title'),
      changes: changes.map((change) => ({ key: change.kind, text: describe(change) })),
      save: () => save.mutateAsync(values),
    });
  };

  return (
    <div>
      {settings.isError && <ErrorAlert error={settings.error} />}
      {settings.isPending ? (
        <Spin description={t('app.loading')} style={{ display: 'block', marginTop: 40 }} />
      ) : (
        <Form<SecuritySettings> form={form} layout="vertical" name="settings" onFinish={submit} style={{ maxWidth: 640 }}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {save.isError && <ErrorAlert error={save.error} />}
            {SETTINGS_GROUPS.map((group) => (
              <Card key={group.title} size="small" title={<h2 className="lx-card-title">{t(group.title)}</h2>}>
                {group.fields.map((field) => (
                  <Form.Item
                    key={field.label}
                    name={field.path}
                    label={t(field.label)}
                    extra={t('form.range', { min: field.min, max: field.max })}
                    rules={[{ required: true, message: t('settings.required') }]}
                  >
                    <InputNumber min={field.min} max={field.max} precision={0} style={{ width: 160 }} />
                  </Form.Item>
                ))}
              </Card>
            ))}
            <Button type="primary" htmlType="submit" loading={save.isPending} disabled={save.isPending}>
              {t('settings.save')}
            </Button>
          </Space>
        </Form>
      )}
    </div>
  );
}
