import { Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../i18n/i18n.tsx';
import type { Account } from './admin-api.ts';

/** Whether the account is locked now (lockedUntil in the future). */
export function isLocked(account: Account): boolean {
  return account.lockedUntil !== null && dayjs(account.lockedUntil).isAfter(dayjs());
}

/** Disabled, locked, must change password — or active. */
export function AccountStatusTags({ account }: { account: Account }) {
  const { t } = useI18n();
  const tags = [];
  if (account.disabled) tags.push(<Tag key="disabled" color="default">{t('accounts.status.disabled')}</Tag>);
  if (isLocked(account)) tags.push(<Tag key="locked" color="red">{t('accounts.status.locked')}</Tag>);
  if (account.mustChangePassword) tags.push(<Tag key="password" color="orange">{t('accounts.status.mustChangePassword')}</Tag>);
  if (tags.length === 0) tags.push(<Tag key="active" color="green">{t('accounts.status.active')}</Tag>);
  return <Space size={4} wrap>{tags}</Space>;
}
