/** A liaison's or member's unit: its open decisions across every body it sits in, with working days left or overdue. */
import { lazy, Suspense, useState } from 'react';
import { Space } from 'antd';
import { SectionCard, Text, ActionLink, EmptyNote } from './section-card.tsx';
import { RowList } from './row-list.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { Decision } from '../decisions/decisions-api.ts';
import { StandingTag } from '../decisions/standing-tag.tsx';
import { RungTag } from '../decisions/rung-tag.tsx';
import { DecisionStatusTag } from '../decisions/decision-status-tag.tsx';
import { decisionStanding } from '../decisions/decision-standing.ts';

const URGENCY = { red: 0, yellow: 1, green: 2, grey: 3 } as const;

// The decision's detail (forms, uploads, date pickers) loads when one is opened: the workspace stays small.
const DecisionDrawer = lazy(() => import('../decisions/decision-drawer.tsx').then((module) => ({ default: module.DecisionDrawer })));

/** `decisions`: the open items of my units, once each (the workspace's read). */
export function UnitDecisionsSection({ decisions, bodyNames }: { decisions: Decision[]; bodyNames: Map<string, string> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<{ bodyId: string; decisionId: string } | null>(null);
  const items = [...decisions];
  items.sort((a, b) => URGENCY[decisionStanding(a).light] - URGENCY[decisionStanding(b).light] || a.deadline.localeCompare(b.deadline));
  return (
    <SectionCard title={<h2 className="lx-card-title">{t('workspace.unitDecisions')}</h2>}>
      {items.length === 0 ? (
        <EmptyNote description={t('workspace.unitDecisionsEmpty')} />
      ) : (
        <RowList<Decision>
          dataSource={items}
          rowKey="id"
          renderItem={(item) => (
            <RowList.Item data-testid="unit-decision">
              <Space orientation="vertical" size={2} style={{ minWidth: 0, width: '100%' }}>
                <ActionLink onClick={() => setOpen({ bodyId: item.bodyId, decisionId: item.id })}>{item.text}</ActionLink>
                <Space size={4} wrap>
                  <StandingTag item={item} />
                  <DecisionStatusTag status={item.status} />
                  {item.escalationRung !== 'none' && <RungTag rung={item.escalationRung} />}
                  <Text type="secondary">
                    {item.leadUnit.name} · {t('decisions.column.deadline')} {item.deadline}
                  </Text>
                </Space>
                <Text type="secondary">{bodyNames.get(item.bodyId) ?? ''}</Text>
              </Space>
            </RowList.Item>
          )}
        />
      )}
      {open !== null && (
        <Suspense fallback={null}>
          <DecisionDrawer bodyId={open.bodyId} decisionId={open.decisionId} onClose={() => setOpen(null)} />
        </Suspense>
      )}
    </SectionCard>
  );
}
