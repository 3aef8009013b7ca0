/**
 * The office's supervision at a glance, per body: open items by rung of the escalation ladder, and
 * the meeting-frequency compliance lines of the charter ("全体会议：本年度已召开 0 次，至少 1 次").
 */
import { Space, Tag } from 'antd';
import { Text } from './section-card.tsx';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { RungTag } from '../decisions/rung-tag.tsx';
import { ESCALATION_RUNGS } from '../decisions/supervision-api.ts';
import type { OfficeDashboard } from './workspace-api.ts';

/** Open items by rung, highest first; rungs with no item are left out. */
export function EscalationCounts({ bodyId, counts }: { bodyId: string; counts: NonNullable<OfficeDashboard['escalationCounts']> }) {
  const { t } = useI18n();
  const shown = [...ESCALATION_RUNGS].reverse().filter((rung) => (counts[rung] ?? 0) > 0);
  if (shown.length === 0) return <Text type="secondary">{t('rung.dashboardEmpty')}</Text>;
  return (
    <Space size={[4, 4]} wrap data-testid="escalation-counts">
      {shown.map((rung) => (
        <Link key={rung} to={`/bodies/${bodyId}?tab=decisions`} aria-label={`${t(`rung.${rung}`)} ${counts[rung] ?? 0}`}>
          <RungTag rung={rung} />
          <Tag>{counts[rung] ?? 0}</Tag>
        </Link>
      ))}
    </Space>
  );
}

/** The charter's meeting-frequency lines for this year. */
export function FrequencyLines({ lines }: { lines: NonNullable<OfficeDashboard['frequency']> }) {
  const { t } = useI18n();
  if (lines.length === 0) return <Text type="secondary">{t('frequency.none')}</Text>;
  return (
    <Space orientation="vertical" size={2} data-testid="frequency-lines">
      {lines.map((line) => (
        <span key={`${line.meetingKind}-${line.sentence}`} title={line.sentence}>
          <Tag color={line.met ? 'green' : 'orange'}>{line.met ? t('frequency.met') : t('frequency.short')}</Tag>
          {line.text}
        </span>
      ))}
    </Space>
  );
}
