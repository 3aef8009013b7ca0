/**
 * The security policy (security administrator, issue 17) on the settings page: concurrent-session
 * limits, the second-factor requirement and the password rules. Each number shows its bounds (the
 * contract's) and what 0 means where it is special; a change that loosens the policy (a higher or
 * lifted session limit, a weaker second-factor requirement, a looser password rule) is saved only
 * after a confirmation that lists it (issue 15); the server's field errors go under their fields.
 */
import { useEffect } from 'react';
import { App as AntApp, Button, Card, Form, InputNumber, Select, Space, Spin, Switch } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { applyFieldErrors } from '../common/form-errors.ts';
import { saveAfterConfirmingLooser } from './confirm-looser.tsx';
import { getSecurityPolicy, updateSecurityPolicy, type SecurityPolicy } from './security-policy-api.ts';
import {
  PASSWORD_FIELDS,
  SECOND_FACTOR_ORDER,
  SESSION_FIELDS,
  looserPolicyChanges,
  type LooserPolicyChange,
  type SecurityPolicyNumberField,
} from './security-policy-fields.ts';

export function SecurityPolicyCard() {
  const { t } = useI18n();
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<SecurityPolicy>();
  const queryClient = useQueryClient();
  const policy = useQuery({ queryKey: ['security-policy'], queryFn: getSecurityPolicy });
  const save = useMutation({
    mutationFn: updateSecurityPolicy,
    onSuccess: (saved) => {
      queryClient.setQueryData(['security-policy'], saved);
      void message.success(t('securityPolicy.saved'));
    },
    onError: (error) => {
      applyFieldErrors(form, error);
    },
  });
  useEffect(() => {
    if (policy.data !== undefined) form.setFieldsValue(policy.data);
  }, [policy.data, form]);

  const secondFactorName = (value: SecurityPolicy['secondFactor']) => t(`securityPolicy.secondFactor.${value}`);
  const limitText = (value: number) => (value === 0 ? t('securityPolicy.unlimited') : String(value));
  const describe = (change: LooserPolicyChange): string => {
    switch (change.kind) {
      case 'user_limit':
        return t('securityPolicy.confirm.userLimit', { before: limitText(change.before), after: limitText(change.after) });
      case 'admin_limit':
        return t('securityPolicy.confirm.adminLimit', { before: change.before, after: change.after });
      case 'second_factor':
        return t('securityPolicy.confirm.secondFactor', { before: secondFactorName(change.before), after: secondFactorName(change.after) });
      case 'password_looser':
        return t('securityPolicy.confirm.passwordLooser');
    }
  };
  const submit = (values: SecurityPolicy) => {
    if (save.isPending) return;
    const next: SecurityPolicy = { ...values, password: { ...values.password, bannedWords: values.password.bannedWords ?? [] } };
    const changes = policy.data === undefined ? [] : looserPolicyChanges(policy.data, next);
    saveAfterConfirmingLooser({
      modal,
      t,
      title: t('securityPolicy.confirm.title'),
      changes: changes.map((change) => ({ key: change.kind, text: describe(change) })),
      save: () => save.mutateAsync(next),
    });
  };
  const numberItem = (field: SecurityPolicyNumberField) => (
    <Form.Item
      key={field.label}
      name={field.path}
      label={t(field.label)}
      extra={`${t('form.range', { min: field.min, max: field.max })}${field.zeroMeans === undefined ? '' : `；${t(field.zeroMeans)}`}`}
      rules={[{ required: true, message: t('settings.required') }]}
    >
      <InputNumber min={field.min} max={field.max} precision={0} style={{ width: 160 }} />
    </Form.Item>
  );

  if (policy.isError) return <ErrorAlert error={policy.error} />;
  if (policy.isPending) return <Spin description={t('app.loading')} style={{ display: 'block', marginTop: 40 }} />;
  return (
    <Form<SecurityPolicy> form={form} layout="vertical" name="security-policy" onFinish={submit} style={{ maxWidth: 640 }}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {save.isError && <ErrorAlert error={save.error} />}
        <Card size="small" title={<h2 className="lx-card-title">{t('securityPolicy.sessions')}</h2>}>
          {SESSION_FIELDS.map(numberItem)}
          <Form.Item name="secondFactor" label={t('securityPolicy.secondFactor')} extra={t('securityPolicy.secondFactorHint')} rules={[{ required: true, message: t('settings.required') }]}>
            <Select<SecurityPolicy['secondFactor']>
              style={{ maxWidth: 360 }}
              options={SECOND_FACTOR_ORDER.map((value) => ({ value, label: secondFactorName(value) }))}
            />
          </Form.Item>
        </Card>
        <Card size="small" title={<h2 className="lx-card-title">{t('securityPolicy.password')}</h2>}>
          {PASSWORD_FIELDS.map(numberItem)}
          <Form.Item name={['password', 'blockCommon']} label={t('securityPolicy.blockCommon')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name={['password', 'bannedWords']} label={t('securityPolicy.bannedWords')} extra={t('securityPolicy.bannedWordsHint')}>
            <Select<string[]> mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
          </Form.Item>
        </Card>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={save.isPending}>
          {t('securityPolicy.save')}
        </Button>
      </Space>
    </Form>
  );
}
