/**
 * The confirmation asked before a setting is loosened (issue 15: forms that prevent mistakes): the
 * list of what becomes weaker, and a danger button that saves. Used by the system settings and by
 * the security policy.
 */
import type { App } from 'antd';
import type { useI18n } from '../i18n/i18n.tsx';

type Translate = ReturnType<typeof useI18n>['t'];

/**
 * Saves at once when nothing is loosened (`changes` empty); otherwise asks first, with each change
 * described on a line, and saves on confirmation (`save` rejects on a refusal: shown by the form).
 */
export function saveAfterConfirmingLooser(options: {
  modal: ReturnType<typeof App.useApp>['modal'];
  t: Translate;
  title: string;
  changes: readonly { key: string; text: string }[];
  save: () => Promise<unknown>;
}): void {
  const { modal, t, changes, save } = options;
  if (changes.length === 0) {
    void save().catch(() => undefined);
    return;
  }
  void modal.confirm({
    title: options.title,
    content: (
      <div>
        <p>{t('settings.confirm.intro')}</p>
        <ul>
          {changes.map((change) => (
            <li key={change.key}>{change.text}</li>
          ))}
        </ul>
      </div>
    ),
    okText: t('settings.confirm.ok'),
    cancelText: t('settings.confirm.cancel'),
    okButtonProps: { danger: true },
    onOk: () => save().catch(() => undefined),
  });
}
