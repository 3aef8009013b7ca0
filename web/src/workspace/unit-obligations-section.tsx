/**
 * A liaison's or member's unit, across every body it sits in: what it owes (decided items, incoming
 * documents assigned or forwarded to it …), to which body, by when — overdue first. The lead unit
 * replies to an incoming document from here.
 */
import { useState } from 'react';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { listUnitObligations } from '../incoming/incoming-api.ts';
import type { UnitObligation } from '../incoming/incoming-api.ts';
import { IncomingStanding } from '../incoming/incoming-labels.tsx';
import { ReplyModal } from '../incoming/reply-modal.tsx';

export function UnitObligationsSection({ units }: { units: { unitId: string; name: string }[] }) {
  const { t } = useI18n();
  const [replying, setReplying] = useState<{ bodyId: string; documentId: string; title: string } | null>(null);
  const results = useQueries({ queries: units.map((unit) => ({ queryKey: ['unit-obligations', unit.unitId], queryFn: () => listUnitObligations(unit.unitId) })) });
  const rows: (UnitObligation & { unitName: string })[] = [];
  results.forEach((result, index) => {
    for (const item of result.data?.items ?? []) rows.push({ ...item, unitName: units[index]?.name ?? '' });
  });
  rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
  const error = results.find((result) => result.isError)?.error;
  return (
    <Card size="small" title={<h2 className="lx-card-title">{t('obligations.title')}</h2>}>
      {error !== undefined && <ErrorAlert error={error} />}
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('obligations.empty')} />
      ) : (
        <List<UnitObligation & { unitName: string }>
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
