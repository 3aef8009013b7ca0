/**
 * A liaison's or member's unit, across every body it sits in: what it owes (decided items, incoming
 * documents assigned or forwarded to it …), to which body, by when — overdue first. The lead unit
 * replies to an incoming document from here.
 */
import { useState } from 'react';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import type { WorkspaceObligation } from './workspace-api.ts';
import { IncomingStanding } from '../incoming/incoming-labels.tsx';
import { ReplyModal } from '../incoming/reply-modal.tsx';

/** `rows`: what my units owe, each with its unit's name, overdue first (the workspace's read). */
export function UnitObligationsSection({ rows }: { rows: WorkspaceObligation[] }) {
  const { t } = useI18n();
  const [replying, setReplying] = useState<{ bodyId: string; documentId: string; title: string } | null>(null);
  return (
    <Card size="small" title={<h2 className="lx-card-title">{t('obligations.title')}</h2>}>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('obligations.empty')} />
      ) : (
        <List<WorkspaceObligation>
          dataSource={rows}
          rowKey={(item) => `${item.kind}-${item.id}-${item.unitName}`}
          renderItem={(item) => (
            <List.Item data-testid="unit-obligation">
              <Space orientation="vertical" size={2} style={{ minWidth: 0, width: '100%' }}>
                <Space size={4} wrap>
                  <Tag color={item.kind === 'incoming_document' ? 'purple' : 'blue'}>{item.kindName}</Tag>
                  <Link to={item.link}>{item.title}</Link>
                </Space>
                <Space size={4} wrap>
                  <IncomingStanding item={item} />
                  <Tag>{item.statusName}</Tag>
                  <Typography.Text type="secondary">
                    {item.unitName} · {t(`obligations.role.${item.role}`)} · {item.deadline === null ? '' : t('obligations.deadline', { date: item.deadline })}
                  </Typography.Text>
                </Space>
                <Typography.Text type="secondary">{item.bodyName}</Typography.Text>
                {item.kind === 'incoming_document' && item.role === 'lead' && (
                  <Button size="small" type="primary" style={{ alignSelf: 'flex-start' }} onClick={() => setReplying({ bodyId: item.bodyId, documentId: item.id, title: item.title })}>
                    {t('incoming.replyAction')}
                  </Button>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      <ReplyModal document={replying} onClose={() => setReplying(null)} />
    </Card>
  );
}
