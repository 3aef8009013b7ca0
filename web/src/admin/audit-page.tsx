/**
 * The audit trail (audit administrator): the chain's verification status on top (the first broken
 * link, if any), then the records, newest first, filtered and paged on the server.
 */
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Input, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { listAudit, verifyAudit, type AuditQuery, type AuditRecord } from './admin-api.ts';
import { cursorPages } from '../common/cursor-pages.ts';
import { CursorPager } from '../common/cursor-pager.tsx';
import { SecurityAlertsCard } from './security-alerts-card.tsx';

const PAGE_SIZE = 30;
const TEXT_FILTERS = ['action', 'entityType', 'actorId'] as const;

function ChainStatus() {
  const { t } = useI18n();
  const verification = useQuery({ queryKey: ['audit-verify'], queryFn: verifyAudit, staleTime: 0 });
  const again = (
    <Button size="small" icon={<ReloadOutlined />} loading={verification.isFetching} onClick={() => void verification.refetch()}>
      {t('audit.verify')}
    </Button>
  );
  if (verification.isError) return <ErrorAlert error={verification.error} />;
  const result = verification.data;
  if (result === undefined) return <Alert type="info" showIcon title={t('audit.verifying')} />;
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<SafetyCertificateOutlined />}
        title={t('audit.chainOk', { checked: result.checked, lastSeq: result.lastSeq })}
        action={again}
        data-testid="audit-chain-status"
      />
    );
  }
  const broken = result.firstBreak;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={broken === null ? t('audit.chainBroken', { seq: result.lastSeq, expectedSeq: result.lastSeq }) : t('audit.chainBroken', { seq: broken.seq, expectedSeq: broken.expectedSeq })}
      description={
        broken === null ? undefined : (
          <div>
            <div>{t(`audit.break.${broken.kind}`)}</div>
            <div>{broken.message}</div>
          </div>
        )
      }
      action={again}
      data-testid="audit-chain-status"
    />
  );
}

function Json({ value }: { value: unknown }) {
  return <pre className="lx-json">{value === undefined || value === null ? '—' : JSON.stringify(value, null, 2)}</pre>;
}

export function AuditPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const pages = cursorPages(params, setParams);
  const { cursor } = pages;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const [draft, setDraft] = useState<Record<(typeof TEXT_FILTERS)[number], string>>(() => ({
    action: params.get('action') ?? '',
    entityType: params.get('entityType') ?? '',
    actorId: params.get('actorId') ?? '',
  }));
  const [start, setStart] = useState<Dayjs | null>(() => (from === undefined ? null : dayjs(from)));
  const [end, setEnd] = useState<Dayjs | null>(() => (to === undefined ? null : dayjs(to)));

  const query: AuditQuery = { limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }), ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  for (const name of TEXT_FILTERS) {
    const value = params.get(name);
    if (value !== null && value !== '') query[name] = value;
  }
  const records = useQuery({ queryKey: ['audit', query], queryFn: () => listAudit(query), placeholderData: keepPreviousData });

  const apply = () => {
    const next = new URLSearchParams();
    for (const name of TEXT_FILTERS) if (draft[name].trim() !== '') next.set(name, draft[name].trim());
    if (start !== null) next.set('from', start.startOf('day').toISOString());
    if (end !== null) next.set('to', end.endOf('day').toISOString());
    setParams(next);
  };
  const resetFilters = () => {
    setDraft({ action: '', entityType: '', actorId: '' });
    setStart(null);
    setEnd(null);
    setParams(new URLSearchParams());
  };

  const columns: TableColumnsType<AuditRecord> = [
    { title: t('audit.column.seq'), dataIndex: 'seq', key: 'seq', width: 80 },
    { title: t('audit.column.occurredAt'), key: 'occurredAt', width: 170, render: (_value, record) => dayjs(record.occurredAt).format('YYYY-MM-DD HH:mm:ss') },
    { title: t('audit.column.action'), dataIndex: 'action', key: 'action', render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
    { title: t('audit.column.entity'), key: 'entity', render: (_value, record) => `${record.entityType}${record.entityId === null ? '' : ` · ${record.entityId}`}` },
    { title: t('audit.column.actor'), key: 'actor', responsive: ['md'], render: (_value, record) => <AuditActor record={record} /> },
    { title: t('audit.column.client'), key: 'client', responsive: ['lg'], render: (_value, record) => record.clientAddress ?? t('common.none') },
    {
      title: t('audit.column.hash'),
      key: 'hash',
      responsive: ['lg'],
      render: (_value, record) => (
        <Typography.Text code title={record.hash}>
          {record.hash.slice(0, 12)}…
        </Typography.Text>
      ),
    },
  ];

  const page = records.data;
  return (
    <div>
      <h1 className="lx-page-title">{t('audit.title')}</h1>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small" title={<h2 className="lx-card-title">{t('audit.chain')}</h2>}>
          <ChainStatus />
        </Card>
        <SecurityAlertsCard />
        <Card size="small">
          <form
            className="lx-filters"
            role="search"
            onSubmit={(event) => {
              event.preventDefault();
              apply();
            }}
          >
            {TEXT_FILTERS.map((name) => (
              <Input
                key={name}
                aria-label={t(`audit.filter.${name}`)}
                placeholder={t(`audit.filter.${name}`)}
                value={draft[name]}
                allowClear
                onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
                style={{ width: 200 }}
              />
            ))}
            <DatePicker aria-label={t('audit.filter.from')} placeholder={t('audit.filter.from')} value={start} onChange={setStart} />
            <DatePicker aria-label={t('audit.filter.to')} placeholder={t('audit.filter.to')} value={end} onChange={setEnd} />
            <Button type="primary" htmlType="submit">
              {t('audit.filter.apply')}
            </Button>
            <Button onClick={resetFilters}>{t('audit.filter.reset')}</Button>
            <AuditExportButtons params={params} />
          </form>
          {records.isError && <ErrorAlert error={records.error} />}
          <Table<AuditRecord>
            rowKey="seq"
            size="small"
            columns={columns}
            dataSource={page?.items ?? []}
            loading={records.isFetching}
            pagination={false}
            locale={{ emptyText: t('audit.empty') }}
            scroll={{ x: 'max-content' }}
            expandable={{
              expandedRowRender: (record) => (
                <div className="lx-audit-detail">
                  {record.requestId !== null && <Typography.Text type="secondary">{t('audit.requestId', { id: record.requestId })}</Typography.Text>}
                  <div className="lx-audit-json">
                    <div>
                      <Typography.Text strong>{t('audit.before')}</Typography.Text>
                      <Json value={record.before} />
                    </div>
                    <div>
                      <Typography.Text strong>{t('audit.after')}</Typography.Text>
                      <Json value={record.after} />
                    </div>
                  </div>
                </div>
              ),
            }}
          />
          <CursorPager
            pages={pages}
            nextCursor={page?.nextCursor}
            {...(page === undefined ? {} : { summary: t('audit.total', { total: page.total }) })}
          />
        </Card>
      </Space>
    </div>
  );
}

/** The actor as 显示名（账号）, its id when the account cannot be read, or 系统 without an actor. */
function AuditActor({ record }: { record: AuditRecord }) {
  const { t } = useI18n();
  if (record.actorId === null) return <span>{t('audit.system')}</span>;
  if (record.actorDisplayName === null || record.actorUsername === null) {
    return <Typography.Text title={record.actorId}>{t('audit.unknownActor', { id: record.actorId })}</Typography.Text>;
  }
  return (
    <span title={record.actorId}>
      {t('audit.actorName', { name: record.actorDisplayName, username: record.actorUsername })}
    </span>
  );
}

/** Downloads of the whole filtered trail (the applied filters of the page, without its paging). */
function AuditExportButtons({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const href = (format: 'csv' | 'xlsx') => {
    const query = new URLSearchParams();
    for (const name of [...TEXT_FILTERS, 'from', 'to']) {
      const value = params.get(name);
      if (value !== null && value !== '') query.set(name, value);
    }
    query.set('format', format);
    return `/api/audit/export?${query.toString()}`;
  };
  return (
    <Space size="small" title={t('security.audit.exportHelp')}>
      <Button icon={<DownloadOutlined />} href={href('csv')} download>
        {t('security.audit.exportCsv')}
      </Button>
      <Button icon={<DownloadOutlined />} href={href('xlsx')} download>
        {t('security.audit.exportXlsx')}
      </Button>
    </Space>
  );
}
