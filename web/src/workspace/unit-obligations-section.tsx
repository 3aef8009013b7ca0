/**
 * A liaison's or member's unit, across every body it sits in: what it owes (decided items, incoming
 * documents assigned or forwarded to it …), to which body, by when — overdue first. The lead unit
 * replies to an incoming document from here.
 */
import { lazy, Suspense, useState } from 'react';
import { Button, Space, Tag } from 'antd';
import { SectionCard, Text, EmptyNote } from './section-card.tsx';
import { RowList } from './row-list.tsx';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import type { WorkspaceObligation } from './workspace-api.ts';
import { IncomingStanding } from '../incoming/incoming-labels.tsx';

// The reply dialog (a form) is fetched when a reply is first asked for, not with the workspace.
const ReplyModal = lazy(() => import('../incoming/reply-modal.tsx').then((module) => ({ default: module.ReplyModal })));

/** `rows`: what my units owe, each with its unit's name, overdue first (the workspace's read). */
export function UnitObligationsSection({ rows }: { rows: WorkspaceObligation[] }) {
  const { t } = useI18n();
  const [replying, setReplying] = useState<{ bodyId: string; documentId: string; title: string } | null>(null);
  // Mounted from the first reply on, so that it closes with its animation.
  const [replyAsked, setReplyAsked] = useState(false);
  return (
    <SectionCard title={<h2 className="lx-card-title">{t('obligations.title')}</h2>}>
      {rows.length === 0 ? (
        <EmptyNote description={t('obligations.empty')} />
      ) : (
        <RowList<WorkspaceObligation>
          dataSource={rows}
          rowKey={(item) => `${item.kind}-${item.id}-${item.unitName}`}
          renderItem={(item) => (
            <RowList.Item data-testid="unit-obligation">
              <Space orientation="vertical" size={2} style={{ minWidth: 0, width: '100%' }}>
                <Space size={4} wrap>
                  <Tag color={item.kind === 'incoming_document' ? 'purple' : 'blue'}>{item.kindName}</Tag>
                  <Link to={item.link}>{item.title}</Link>
                </Space>
                <Space size={4} wrap>
                  <IncomingStanding item={item} />
                  <Tag>{item.statusName}</Tag>
                  <Text type="secondary">
                    {item.unitName} · {t(`obligations.role.${item.role}`)} · {item.deadline === null ? '' : t('obligations.deadline', { date: item.deadline })}
                  </Text>
                </Space>
                <Text type="secondary">{item.bodyName}</Text>
                {item.kind === 'incoming_document' && item.role === 'lead' && (
                  <Button size="small" type="primary" style={{ alignSelf: 'flex-start' }} onClick={() => {
                      setReplyAsked(true);
                      setReplying({ bodyId: item.bodyId, documentId: item.id, title: item.title });
                    }}>
                    {t('incoming.replyAction')}
                  </Button>
                )}
              </Space>
            </RowList.Item>
          )}
        />
      )}
      {replyAsked && (
        <Suspense fallback={null}>
          <ReplyModal document={replying} onClose={() => setReplying(null)} />
        </Suspense>
      )}
    </SectionCard>
  );
}
