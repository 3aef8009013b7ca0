/** Small labels of incoming documents: the status tag and the standing (working days left or overdue). */
import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

const STATUS_COLORS: Record<string, string> = { registered: 'default', assigned: 'blue', replied: 'orange', closed: 'green' };

export function IncomingStatusTag({ status, name }: { status: string; name: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{name}</Tag>;
}

/** Working days left or overdue while the lead unit owes a reply; nothing otherwise. */
export function IncomingStanding({ item }: { item: { overdue: boolean; workingDaysLeft: number | null; workingDaysOverdue: number | null } }) {
  const { t } = useI18n();
  if (item.overdue) return <Tag color="red">{t('incoming.overdue', { days: item.workingDaysOverdue ?? 1 })}</Tag>;
  if (item.workingDaysLeft === null) return null;
  if (item.workingDaysLeft === 0) return <Tag color="orange">{t('incoming.dueToday')}</Tag>;
  return <Tag color={item.workingDaysLeft <= 3 ? 'gold' : 'default'}>{t('incoming.daysLeft', { days: item.workingDaysLeft })}</Tag>;
}
