import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { sunsetCountdown } from './sunset.ts';
import { todayInShanghai } from '../common/today.ts';

/** Sunset countdown as a tag: grey without a date, orange within 90 days, red when due or past. */
export function SunsetTag({ sunsetDate }: { sunsetDate: string | null }) {
  const { t } = useI18n();
  const countdown = sunsetCountdown(sunsetDate, todayInShanghai());
  switch (countdown.kind) {
    case 'none':
      return <span>{t('body.sunset.none')}</span>;
    case 'future':
      return <Tag color={countdown.days <= 90 ? 'orange' : 'green'} title={sunsetDate ?? undefined}>{t('body.sunset.daysLeft', { days: countdown.days })}</Tag>;
    case 'today':
      return <Tag color="red">{t('body.sunset.today')}</Tag>;
    case 'overdue':
      return <Tag color="red">{t('body.sunset.overdue', { days: countdown.days })}</Tag>;
  }
}
