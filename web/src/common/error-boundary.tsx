import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

function RenderFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  // An Alert, not a Result: Result's illustrations would weigh on every screen's first download (issue 15 point 7).
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ margin: '48px auto', maxWidth: 560 }}
      title={t('error.render')}
      action={
        <Button type="primary" onClick={onRetry}>
          {t('error.retry')}
        </Button>
      }
    />
  );
}

/** Shows a translated message instead of a blank page when a screen fails to render. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('screen failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failed) return <RenderFailed onRetry={() => this.setState({ failed: false })} />;
    return this.props.children;
  }
}
