/** The charter's versions and the diff between two of them. */
import { useState } from 'react';
import { Alert, Card, Empty, Form, List, Select, Space, Spin, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { diffCharterVersions, listCharterVersions, type CharterDiff, type CharterVersionSummary } from './bodies-api.ts';
import { diffValueText } from './diff-format.ts';

type VersionSummary = CharterVersionSummary;

const LISTS = ['memberUnits', 'roles', 'groups', 'rules', 'functions'] as const;
const LIST_LABEL: Record<(typeof LISTS)[number], MessageKey> = {
  memberUnits: 'versions.list.memberUnits',
  roles: 'versions.list.roles',
  groups: 'versions.list.groups',
  rules: 'versions.list.rules',
  functions: 'versions.list.functions',
};

function DiffView({ diff }: { diff: CharterDiff }) {
  const { t } = useI18n();
  if (diff.unchanged) return <Alert type="info" showIcon title={t('versions.unchanged')} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {diff.fields.length > 0 && (
        <Card size="small" title={<h3 className="lx-card-title">{t('versions.fields')}</h3>}>
          <Table
            size="small"
            rowKey="field"
            pagination={false}
            dataSource={diff.fields}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('versions.field'), dataIndex: 'field', key: 'field' },
              { title: t('versions.before'), key: 'before', render: (_v, row) => <span className="lx-diff-removed">{diffValueText(row.before)}</span> },
              { title: t('versions.after'), key: 'after', render: (_v, row) => <span className="lx-diff-added">{diffValueText(row.after)}</span> },
            ]}
          />
        </Card>
      )}
      {LISTS.map((list) => {
        const changes = diff[list];
        const rows = [
          ...changes.added.map((entry) => ({ key: `+${entry.key}`, tag: 'added' as const, text: diffValueText(entry.item) })),
          ...changes.removed.map((entry) => ({ key: `-${entry.key}`, tag: 'removed' as const, text: diffValueText(entry.item) })),
          ...changes.changed.map((entry) => ({
            key: `~${entry.key}`,
            tag: 'changed' as const,
            text: `${diffValueText(entry.before)} → ${diffValueText(entry.after)}（${entry.fields.join('、')}）`,
          })),
        ];
        if (rows.length === 0) return null;
        return (
          <Card key={list} size="small" title={<h3 className="lx-card-title">{t(LIST_LABEL[list])}</h3>}>
            <List
              size="small"
              dataSource={rows}
              renderItem={(row) => (
                <List.Item key={row.key}>
                  <Space>
                    <Tag color={row.tag === 'added' ? 'green' : row.tag === 'removed' ? 'red' : 'orange'}>{t(`versions.${row.tag}`)}</Tag>
                    <span className={row.tag === 'added' ? 'lx-diff-added' : row.tag === 'removed' ? 'lx-diff-removed' : undefined}>{row.text}</span>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        );
      })}
    </Space>
  );
}

export function VersionsTab({ bodyId, current }: { bodyId: string; current: number }) {
  const { t } = useI18n();
  const versions = useQuery({ queryKey: ['charter-versions', bodyId], queryFn: () => listCharterVersions(bodyId) });
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const numbers = (versions.data?.items ?? []).map((version) => version.version).sort((a, b) => a - b);
  const latest = numbers[numbers.length - 1];
  const previous = numbers[numbers.length - 2];
  const chosen = pair ?? (latest !== undefined && previous !== undefined ? { from: previous, to: latest } : null);
  const diff = useQuery({
    queryKey: ['charter-diff', bodyId, chosen?.from, chosen?.to],
    queryFn: () => diffCharterVersions(bodyId, chosen?.from ?? 1, chosen?.to ?? 1),
    enabled: chosen !== null,
  });

  if (versions.isPending) return <Spin description={t('app.loading')} style={{ display: 'block', margin: '40px auto' }} />;
  if (versions.isError) return <ErrorAlert error={versions.error} />;

  const columns: TableColumnsType<VersionSummary> = [
    {
      title: t('versions.title'),
      key: 'version',
      render: (_v, row) => (
        <Space>
          {t('versions.version', { number: row.version })}
          {row.version === current && <Tag color="green">{t('versions.current')}</Tag>}
        </Space>
      ),
    },
    { title: t('versions.createdAt'), key: 'importedAt', render: (_v, row) => dayjs(row.importedAt).format('YYYY-MM-DD HH:mm') },
  ];
  const options = numbers.map((number) => ({ value: number, label: t('versions.version', { number }) }));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={<h2 className="lx-card-title">{t('versions.title')}</h2>}>
        <Table<VersionSummary> rowKey="id" size="small" pagination={false} columns={columns} dataSource={versions.data.items} />
      </Card>
      <Card size="small" title={<h2 className="lx-card-title">{t('versions.compareWith')}</h2>}>
        {chosen === null ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('versions.onlyOne')} />
        ) : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Form layout="inline">
              <Form.Item label={t('versions.from')} htmlFor="diff-from">
                <Select id="diff-from" style={{ width: 120 }} value={chosen.from} options={options} onChange={(from: number) => setPair({ from, to: chosen.to })} />
              </Form.Item>
              <Form.Item label={t('versions.to')} htmlFor="diff-to">
                <Select id="diff-to" style={{ width: 120 }} value={chosen.to} options={options} onChange={(to: number) => setPair({ from: chosen.from, to })} />
              </Form.Item>
            </Form>
            {diff.isError && <ErrorAlert error={diff.error} />}
            {diff.isPending ? <Spin /> : diff.data === undefined ? null : <DiffView diff={diff.data} />}
          </Space>
        )}
      </Card>
    </Space>
  );
}
