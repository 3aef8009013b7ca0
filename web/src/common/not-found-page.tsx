import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('error.pageNotFound')}
      subTitle={t('error.pageNotFoundHint')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('error.backHome')}
        </Button>
      }
    />
  );
}
