import { Alert } from 'antd';
import { HTTP_ERROR, NETWORK_ERROR, appErrorMessage, toAppError } from '../api/app-error.ts';
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

/** An error from the server: its message, and the charter clause when a rule is the reason. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useI18n();
  const messageOf = useErrorMessage();
  const appError = toAppError(error);
  const clause = appError.clause;
  const description =
    clause === undefined && appError.field === undefined ? undefined : (
      <div>
        {clause !== undefined && (
          <>
            {(clause.document !== null || clause.clause !== null) && (
              <div>{t('error.clause', { document: clause.document ?? '', clause: clause.clause ?? '' })}</div>
            )}
            <div>{t('error.clauseText', { text: clause.text })}</div>
          </>
        )}
        {appError.field !== undefined && <div>{t('error.field', { field: appError.field })}</div>}
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
