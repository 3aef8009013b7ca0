import { useState } from 'react';
import { Alert, Button, Form, Input, Space, App as AntApp } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { changePassword } from '../api/auth-api.ts';
import { fieldIssues } from '../api/app-error.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { applyFieldErrors } from '../common/form-errors.ts';
import { useAuth, useMe } from './auth-context.tsx';
import { AuthPageLayout } from './auth-page-layout.tsx';

interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const { t } = useI18n();
  const me = useMe();
  const { setMe } = useAuth();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ChangePasswordForm>();
  // True when every issue of the refusal stands under its field (no alert above the form then).
  const [errorShownAtFields, setErrorShownAtFields] = useState(false);
  const mutation = useMutation({
    mutationFn: changePassword,
    onMutate: () => setErrorShownAtFields(false),
    onError: (error) => {
      setErrorShownAtFields(fieldIssues(error).length > 0 && applyFieldErrors(form, error).length === 0);
    },
    onSuccess: (account) => {
      setMe(account);
      void message.success(t('auth.changePassword.done'));
      void navigate('/', { replace: true });
    },
  });
  const forced = me.mustChangePassword;

  return (
    <AuthPageLayout title={t('auth.changePassword.title')}>
      {forced && <Alert style={{ marginBottom: 16 }} type="warning" showIcon title={t('auth.changePassword.forced')} />}
      {mutation.isError && !errorShownAtFields && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={mutation.error} />
        </div>
      )}
      <Form<ChangePasswordForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          if (!mutation.isPending) mutation.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
        }}
      >
        <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
        <Form.Item
          name="currentPassword"
          label={t('auth.changePassword.current')}
          rules={[{ required: true, message: t('auth.changePassword.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.changePassword.new')}
          rules={[
            { required: true, message: t('auth.changePassword.newRequired') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value !== undefined && value !== '' && value === getFieldValue('currentPassword')) {
                  throw new Error(t('auth.changePassword.sameAsCurrent'));
                }
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.changePassword.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.changePassword.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value !== undefined && value !== '' && value !== getFieldValue('newPassword')) {
                  throw new Error(t('auth.changePassword.mismatch'));
                }
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} disabled={mutation.isPending}>
            {t('auth.changePassword.submit')}
          </Button>
          {!forced && <Button onClick={() => void navigate(-1)}>{t('auth.changePassword.cancel')}</Button>}
        </Space>
      </Form>
    </AuthPageLayout>
  );
}
