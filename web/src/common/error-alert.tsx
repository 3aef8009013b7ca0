import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import { HTTP_ERROR, NETWORK_ERROR, fieldIssues, toAppError } from '../api/app-error.ts';
import type * as ErrorMessagesModule from '../api/error-messages.ts';
import { useI18n } from '../i18n/i18n.tsx';

type ErrorMessages = typeof ErrorMessagesModule;

/** The error catalogue's module (error-messages.ts) once it has arrived; one download for the page. */
let errorMessages: ErrorMessages | null = null;
let errorMessagesDownload: Promise<ErrorMessages> | null = null;

function loadErrorMessages(): Promise<ErrorMessages> {
  errorMessagesDownload ??= import('../api/error-messages.ts').then(
    (module) => (errorMessages = module),
    (error: unknown) => {
      errorMessagesDownload = null;
      throw error;
    },
  );
  return errorMessagesDownload;
}

/** The error catalogue when `needed`: downloaded on the first need, then re-rendering the caller. */
function useErrorMessages(needed: boolean): ErrorMessages | null {
  const [module, setModule] = useState(errorMessages);
  useEffect(() => {
    if (!needed || module !== null) return;
    let current = true;
    loadErrorMessages().then(
      (loaded) => {
        if (current) setModule(loaded);
      },
      () => undefined, // no connection: the server's own message stands
    );
    return () => {
      current = false;
    };
  }, [needed, module]);
  return module;
}

/**
 * The message of an error as the user reads it: in Chinese the server's specific message; in
 * English the error catalogue's template for its code; the server's message for an unknown code.
 * The catalogue is downloaded on demand: in English as soon as a screen that shows errors is
 * there, in Chinese only for `shown`, an error the server sent without a message; until it has
 * arrived the server's message stands.
 */
export function useErrorMessage(shown?: unknown): (error: unknown) => string {
  const { t, language } = useI18n();
  const messages = useErrorMessages(language === 'en' || (shown !== undefined && toAppError(shown).message.trim() === ''));
  return (error) => {
    const appError = toAppError(error);
    if (appError.code === NETWORK_ERROR) return t('error.network');
    if (appError.code === HTTP_ERROR) return t('error.http', { status: appError.status });
    const serverMessage = appError.message.trim();
    const message = messages === null ? (serverMessage === '' ? null : serverMessage) : messages.appErrorMessage(appError, language);
    return message ?? t('error.http', { status: appError.status });
  };
}

/**
 * An error from the server: its message, the charter clause when a rule is the reason, and — for
 * a refused form with several fields at fault — each field's Chinese message (never the field's key).
 */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t, language } = useI18n();
  const messageOf = useErrorMessage(error);
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
