import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { signIn } from '../api/auth-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useAuth } from './auth-context.tsx';
import { AuthPageLayout } from './auth-page-layout.tsx';

interface SignInForm {
  username: string;
  password: string;
}

function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    return state.from.startsWith('/') && !state.from.startsWith('/sign-in') ? state.from : '/';
  }
  return '/';
}

export function SignInPage() {
  const { t } = useI18n();
  const { me, setMe, notice, setNotice } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const target = returnPath(location.state);
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: (account) => {
      setNotice(null);
      setMe(account);
      void navigate(account.mustChangePassword ? '/change-password' : target, { replace: true });
    },
  });

  if (me !== null && !mutation.isSuccess) return <Navigate to={me.mustChangePassword ? '/change-password' : target} replace />;

  return (
    <AuthPageLayout title={t('auth.signIn.title')}>
      <Typography.Paragraph type="secondary">{t('auth.signIn.subtitle')}</Typography.Paragraph>
      {notice !== null && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={notice.kind === 'expired' ? 'warning' : 'success'}
          title={notice.kind === 'expired' ? notice.message || t('auth.sessionExpired') : t('auth.signedOut')}
        />
      )}
      {mutation.isError && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={mutation.error} />
        </div>
      )}
      <Form<SignInForm>
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => mutation.mutate(values)}
        autoComplete="on"
      >
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
          <Input prefix={<UserOutlined aria-hidden="true" />} placeholder={t('auth.usernamePlaceholder')} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined aria-hidden="true" />} placeholder={t('auth.passwordPlaceholder')} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending}>
          {t('auth.signIn.submit')}
        </Button>
      </Form>
    </AuthPageLayout>
  );
}
