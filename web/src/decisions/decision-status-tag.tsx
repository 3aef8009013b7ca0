import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import type { DecisionStatus } from './decisions-api.ts';

const COLORS: Record<DecisionStatus, string> = { assigned: 'blue', in_progress: 'processing', completion_reported: 'purple', closed: 'green' };

export function DecisionStatusTag({ status }: { status: DecisionStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="decision-status">
      {t(`decision.status.${status}`)}
    </Tag>
  );
}
