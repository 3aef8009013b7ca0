/**
 * The enrolment of a second factor at sign-in (issue 17): the QR code of the new secret, the
 * secret itself to type in by hand, and the recovery codes shown once afterwards. Its own chunk,
 * loaded only when the server asks for an enrolment: the QR code renderer and the dialog stay out
 * of the sign-in page's first download (issue 15 point 7).
 */
import { Alert, Modal, QRCode, Typography } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

export function SecondFactorEnrolment({ secret, uri }: { secret: string; uri: string }) {
  const { t } = useI18n();
  return (
    <div style={{ marginBottom: 16 }}>
      <Alert showIcon type="info" title={t('security.totp.enrolTitle')} description={t('security.totp.enrolHelp')} />
      <div style={{ display: 'flex', justifyContent: 'center', margin: '12px 0' }}>
        <QRCode value={uri} aria-label={t('security.totp.qrLabel')} />
      </div>
      <Typography.Paragraph copyable={{ text: secret }} style={{ textAlign: 'center' }}>
        {t('security.totp.secret')}
        <Typography.Text code>{secret}</Typography.Text>
      </Typography.Paragraph>
    </div>
  );
}

/** The recovery codes, shown once after the enrolment, before anything else. */
export function RecoveryCodesDialog({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={t('security.totp.recoveryTitle')}
      closable={false}
      maskClosable={false}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={t('security.totp.recoverySaved')}
      onOk={onSaved}
    >
      <Typography.Paragraph>{t('security.totp.recoveryHelp')}</Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: codes.join('\n') }}>
        <pre style={{ margin: 0 }}>{codes.join('\n')}</pre>
      </Typography.Paragraph>
    </Modal>
  );
}
