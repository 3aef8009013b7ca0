import { lazy, Suspense, useState } from 'react';
import { Alert, Button, Form, Input, Spin } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../api/client.ts';
import { AppError } from '../api/app-error.ts';
import type { Me } from '../api/auth-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useAuth } from './auth-context.tsx';
import { AuthPageLayout } from './auth-page-layout.tsx';

// Only an account enrolling its second factor needs the QR code and the recovery codes: fetched then.
const loadEnrolment = () => import('./second-factor-enrolment.tsx');
const SecondFactorEnrolment = lazy(() => loadEnrolment().then((module) => ({ default: module.SecondFactorEnrolment })));
const RecoveryCodesDialog = lazy(() => loadEnrolment().then((module) => ({ default: module.RecoveryCodesDialog })));

interface SignInForm {
  username: string;
  password: string;
  /** The second factor: a TOTP code or a recovery code (issue 17) */
  code?: string;
}

/** What the server asked for after a right password: a code, or the enrolment of a new secret. */
type SecondFactorStep = { kind: 'code' } | { kind: 'enrol'; secret: string; uri: string } | null;

function secondFactorStepOf(error: unknown): SecondFactorStep {
  if (!(error instanceof AppError)) return null;
  if (error.code === 'second_factor_required') return { kind: 'code' };
  const enrolment = (error.details as { enrolment?: { secret?: unknown; uri?: unknown } } | undefined)?.enrolment;
  if (error.code === 'second_factor_enrolment_required' && typeof enrolment?.secret === 'string' && typeof enrolment.uri === 'string') {
    return { kind: 'enrol', secret: enrolment.secret, uri: enrolment.uri };
  }
  return null;
}

async function signInWithCode(form: SignInForm): Promise<{ account: Me; recoveryCodes: string[] | null }> {
  const code = form.code?.trim();
  const answer = await unwrap(api.POST('/api/auth/sign-in', { body: { username: form.username, password: form.password, ...(code ? { code } : {}) } }));
  return { account: answer.account, recoveryCodes: answer.recoveryCodes };
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
  const [step, setStep] = useState<SecondFactorStep>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<{ codes: string[]; account: Me } | null>(null);
  const finish = (account: Me) => {
    setNotice(null);
    setMe(account);
    void navigate(account.mustChangePassword ? '/change-password' : target, { replace: true });
  };
  const mutation = useMutation({
    mutationFn: signInWithCode,
    onSuccess: ({ account, recoveryCodes: codes }) => {
      // Recovery codes are shown once, before anything else.
      if (codes !== null) setRecoveryCodes({ codes, account });
      else finish(account);
    },
    onError: (error) => {
      const next = secondFactorStepOf(error);
      if (next !== null) setStep(next);
    },
  });
  const secondFactorAsked = mutation.isError && secondFactorStepOf(mutation.error) !== null;

  if (me !== null && !mutation.isSuccess && recoveryCodes === null) return <Navigate to={me.mustChangePassword ? '/change-password' : target} replace />;

  return (
    <AuthPageLayout title={t('auth.signIn.title')}>
      <p className="lx-auth-subtitle">{t('auth.signIn.subtitle')}</p>
      {notice !== null && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={notice.kind === 'expired' ? 'warning' : 'success'}
          title={notice.kind === 'expired' ? notice.message || t('auth.sessionExpired') : t('auth.signedOut')}
        />
      )}
      {mutation.isError && !secondFactorAsked && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={mutation.error} />
        </div>
      )}
      {step?.kind === 'enrol' && (
        <Suspense fallback={<Spin description={t('app.loading')} style={{ display: 'block', marginBottom: 16 }} />}>
          <SecondFactorEnrolment secret={step.secret} uri={step.uri} />
        </Suspense>
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
        {step !== null && (
          <Form.Item
            name="code"
            label={t('security.totp.code')}
            extra={step.kind === 'code' ? t('security.totp.codeHelp') : undefined}
            rules={[{ required: true, whitespace: true, message: t('security.totp.codeRequired') }]}
          >
            <Input inputMode={step.kind === 'enrol' ? 'numeric' : 'text'} autoComplete="one-time-code" autoFocus maxLength={64} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending}>
          {t('auth.signIn.submit')}
        </Button>
      </Form>
      {recoveryCodes !== null && (
        <Suspense fallback={null}>
          <RecoveryCodesDialog
            codes={recoveryCodes.codes}
            onSaved={() => {
              finish(recoveryCodes.account);
              setRecoveryCodes(null);
            }}
          />
        </Suspense>
      )}
    </AuthPageLayout>
  );
}
