import { Tag, Tooltip } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { decisionStanding, type StandingFacts } from './decision-standing.ts';

const COLORS = { red: 'red', yellow: 'gold', green: 'green', grey: 'default' } as const;

/** Working days left or overdue as a red / yellow / green tag; "暂定" when the calendar is provisional. */
export function StandingTag({ item }: { item: StandingFacts & { standingProvisional?: boolean; deadlineProvisional?: boolean } }) {
  const { t } = useI18n();
  const standing = decisionStanding(item);
  const text =
    standing.kind === 'closed'
      ? t('decision.closed')
      : standing.kind === 'overdue'
        ? t('decision.overdue', { days: standing.days })
        : standing.kind === 'today'
          ? t('decision.dueToday')
          : t('decision.daysLeft', { days: standing.days });
  const provisional = item.standingProvisional === true || item.deadlineProvisional === true;
  return (
    <span className={`lx-standing lx-standing-${standing.light}`} data-light={standing.light}>
      <Tag color={COLORS[standing.light]}>{text}</Tag>
      {provisional && standing.kind !== 'closed' && (
        <Tooltip title={t('decision.provisionalHint')}>
          <Tag color="purple" tabIndex={0}>
            {t('decision.provisional')}
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}
