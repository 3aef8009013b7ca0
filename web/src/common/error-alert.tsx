import { Alert } from 'antd';
import { HTTP_ERROR, NETWORK_ERROR, appErrorMessage, fieldIssues, toAppError } from '../api/app-error.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * The message of an error as the user reads it: in Chinese the server's specific message; in
 * English the error catalogue's template for its code; the server's message for an unknown code.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t, language } = useI18n();
  return (error) => {
    const appError = toAppError(error);
    if (appError.code === NETWORK_ERROR) return t('error.network');
    if (appError.code === HTTP_ERROR) return t('error.http', { status: appError.status });
    return appErrorMessage(appError, language) ?? t('error.http', { status: appError.status });
  };
}

/**
 * An error from the server: its message, the charter clause when a rule is the reason, and — for
 * a refused form with several fields at fault — each field's Chinese message (never the field's key).
 */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t, language } = useI18n();
  const messageOf = useErrorMessage();
  const appError = toAppError(error);
  const clause = appError.clause;
  // The issues name the fields by their Chinese labels; in English the catalogue's sentence stands alone.
  const issues = language === 'zh' ? fieldIssues(appError) : [];
  const description =
    clause === undefined && issues.length < 2 ? undefined : (
      <div>
        {clause !== undefined && (
          <>
            {(clause.document !== null || clause.clause !== null) && (
              <div>{t('error.clause', { document: clause.document ?? '', clause: clause.clause ?? '' })}</div>
            )}
            <div>{t('error.clauseText', { text: clause.text })}</div>
          </>
        )}
        {issues.length >= 2 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {issues.map((issue) => (
              <li key={`${issue.path.join('.')}:${issue.message}`}>{issue.message}</li>
            ))}
          </ul>
        )}
      </div>
    );
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? messageOf(error)}
      description={title === undefined ? description : (
        <div>
          <div>{messageOf(error)}</div>
          {description}
        </div>
      )}
    />
  );
}
