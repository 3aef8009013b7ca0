import { Tag, Tooltip } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import type { EscalationRung } from './supervision-api.ts';

const COLORS: Record<EscalationRung, string> = {
  none: 'default',
  before: 'blue',
  due: 'gold',
  overdue: 'orange',
  overdue_member: 'volcano',
  overdue_convener: 'red',
};

/** The rung of the escalation ladder an item stands on today (督办升级阶段). */
export function RungTag({ rung }: { rung: EscalationRung }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t(`rung.hint.${rung}`)}>
      <Tag color={COLORS[rung]} tabIndex={0} data-testid="rung-tag" data-rung={rung}>
        {t(`rung.${rung}`)}
      </Tag>
    </Tooltip>
  );
}
