/**
 * The audit trail (audit administrator): the chain's verification status on top (the first broken
 * link, if any), then the records, newest first, filtered and paged on the server. Read for people
 * (issue 15 point 5): actions and object types by their Chinese names, the actor and the object by
 * name, a summary of the change (the raw JSON behind an expander), filters by time range, the
 * actor's name, the action's name, object type and free text, and the export of what the filter shows.
 */
import { useState } from 'react';
import { Alert, Button, Card, Collapse, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../api/client.ts';
import { useI18n, type Language } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { listAudit, verifyAudit, type AuditQuery, type AuditRecord } from './admin-api.ts';
import { cursorPages } from '../common/cursor-pages.ts';
import { CursorPager } from '../common/cursor-pager.tsx';
import { SecurityAlertsCard } from './security-alerts-card.tsx';

const PAGE_SIZE = 30;
/** The filters kept in the address (and sent to the list and the export as they are). */
const FILTERS = ['actor', 'action', 'entityType', 'q', 'result', 'from', 'to', 'actorId', 'entityId'] as const;
type FilterName = (typeof FILTERS)[number];

const getCatalogue = () => unwrap(api.GET('/api/audit/catalogue'));

function nameIn(name: { zh: string; en: string }, language: Language): string {
  return language === 'zh' ? name.zh : name.en;
}

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

/** The filters of the address, as the list and the export take them. */
function appliedFilters(params: URLSearchParams): Partial<Record<FilterName, string>> {
  const applied: Partial<Record<FilterName, string>> = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value !== null && value !== '') applied[name] = value;
  }
  return applied;
}

interface Draft {
  actor: string;
  action: string | undefined;
  entityType: string | undefined;
  q: string;
  result: 'success' | 'failure' | undefined;
  start: Dayjs | null;
  end: Dayjs | null;
}

function draftOf(params: URLSearchParams): Draft {
  const result = params.get('result');
  const from = params.get('from');
  const to = params.get('to');
  return {
    actor: params.get('actor') ?? '',
    action: params.get('action') ?? undefined,
    entityType: params.get('entityType') ?? undefined,
    q: params.get('q') ?? '',
    result: result === 'success' || result === 'failure' ? result : undefined,
    start: from === null ? null : dayjs(from),
    end: to === null ? null : dayjs(to),
  };
}

export function AuditPage() {
  const { t, language } = useI18n();
  const [params, setParams] = useSearchParams();
  const pages = cursorPages(params, setParams);
  const { cursor } = pages;
  const [draft, setDraft] = useState<Draft>(() => draftOf(params));
  const catalogue = useQuery({ queryKey: ['audit-catalogue'], queryFn: getCatalogue, staleTime: Infinity });

  const applied = appliedFilters(params);
  const query: AuditQuery = { limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }), ...applied } as AuditQuery;
  const records = useQuery({ queryKey: ['audit', query], queryFn: () => listAudit(query), placeholderData: keepPreviousData });

  const apply = () => {
    const next = new URLSearchParams();
    if (draft.actor.trim() !== '') next.set('actor', draft.actor.trim());
    if (draft.action !== undefined) next.set('action', draft.action);
    if (draft.entityType !== undefined) next.set('entityType', draft.entityType);
    if (draft.q.trim() !== '') next.set('q', draft.q.trim());
    if (draft.result !== undefined) next.set('result', draft.result);
    if (draft.start !== null) next.set('from', draft.start.startOf('day').toISOString());
    if (draft.end !== null) next.set('to', draft.end.endOf('day').toISOString());
    setParams(next);
  };
  const resetFilters = () => {
    setDraft(draftOf(new URLSearchParams()));
    setParams(new URLSearchParams());
  };

  const actionOptions = (catalogue.data?.actions ?? []).map((entry) => ({
    value: entry.code,
    label: nameIn(entry, language),
    search: `${entry.zh} ${entry.en} ${entry.code}`.toLowerCase(),
  }));
  const entityTypeOptions = (catalogue.data?.entityTypes ?? []).map((entry) => ({
    value: entry.code,
    label: nameIn(entry, language),
    search: `${entry.zh} ${entry.en} ${entry.code}`.toLowerCase(),
  }));
  const filterOption = (input: string, option?: { search?: string }) => (option?.search ?? '').includes(input.trim().toLowerCase());

  const columns: TableColumnsType<AuditRecord> = [
    {
      title: t('auditTrail.column.occurredAt'),
      key: 'occurredAt',
      width: 170,
      render: (_value, record) => dayjs(record.occurredAt).format('YYYY-MM-DD HH:mm:ss'),
    },
    { title: t('auditTrail.column.actor'), key: 'actor', render: (_value, record) => <AuditActor record={record} /> },
    {
      title: t('auditTrail.column.action'),
      key: 'action',
      render: (_value, record) => (
        <span title={record.action}>
          {nameIn(record.actionName, language)}
          {record.result === 'failure' && (
            <Tag color="error" style={{ marginInlineStart: 8 }}>
              {t('auditTrail.result.failure')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t('auditTrail.column.entity'),
      key: 'entity',
      render: (_value, record) => (
        <span title={record.entityId ?? undefined}>
          <Typography.Text type="secondary">{nameIn(record.entityTypeName, language)}</Typography.Text>
          {record.entityLabel !== null && <span> · {record.entityLabel}</span>}
        </span>
      ),
    },
    {
      title: t('auditTrail.column.summary'),
      key: 'summary',
      responsive: ['md'],
      render: (_value, record) => {
        const summary = nameIn(record.summary, language);
        return summary === '' ? t('common.none') : <Typography.Text style={{ maxWidth: 360 }} ellipsis={{ tooltip: summary }}>{summary}</Typography.Text>;
      },
    },
    { title: t('auditTrail.column.client'), key: 'client', responsive: ['lg'], render: (_value, record) => record.clientAddress ?? t('common.none') },
    { title: t('auditTrail.column.seq'), dataIndex: 'seq', key: 'seq', width: 80, responsive: ['lg'] },
  ];

  const page = records.data;
  const summary =
    page === undefined ? undefined : page.totalIsLowerBound ? t('auditTrail.totalMore', { total: page.total }) : t('auditTrail.total', { total: page.total });
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
            <DatePicker aria-label={t('auditTrail.filter.from')} placeholder={t('auditTrail.filter.from')} value={draft.start} onChange={(start) => setDraft({ ...draft, start })} />
            <DatePicker aria-label={t('auditTrail.filter.to')} placeholder={t('auditTrail.filter.to')} value={draft.end} onChange={(end) => setDraft({ ...draft, end })} />
            <Input
              aria-label={t('auditTrail.filter.actor')}
              placeholder={t('auditTrail.filter.actor')}
              value={draft.actor}
              allowClear
              onChange={(event) => setDraft({ ...draft, actor: event.target.value })}
              style={{ width: 200 }}
            />
            <Select
              aria-label={t('auditTrail.filter.action')}
              placeholder={t('auditTrail.filter.action')}
              value={draft.action}
              options={actionOptions}
              showSearch={{ filterOption }}
              allowClear
              loading={catalogue.isFetching}
              onChange={(action: string | undefined) => setDraft({ ...draft, action })}
              style={{ width: 240 }}
              popupMatchSelectWidth={false}
            />
            <Select
              aria-label={t('auditTrail.filter.entityType')}
              placeholder={t('auditTrail.filter.entityType')}
              value={draft.entityType}
              options={entityTypeOptions}
              showSearch={{ filterOption }}
              allowClear
              onChange={(entityType: string | undefined) => setDraft({ ...draft, entityType })}
              style={{ width: 160 }}
            />
            <Select
              aria-label={t('auditTrail.filter.result')}
              placeholder={t('auditTrail.filter.result')}
              value={draft.result}
              options={[
                { value: 'success', label: t('auditTrail.result.success') },
                { value: 'failure', label: t('auditTrail.result.failure') },
              ]}
              allowClear
              onChange={(result: 'success' | 'failure' | undefined) => setDraft({ ...draft, result })}
              style={{ width: 110 }}
            />
            <Input
              aria-label={t('auditTrail.filter.q')}
              placeholder={t('auditTrail.filter.q')}
              value={draft.q}
              allowClear
              onChange={(event) => setDraft({ ...draft, q: event.target.value })}
              style={{ width: 220 }}
            />
            <Button type="primary" htmlType="submit">
              {t('auditTrail.filter.apply')}
            </Button>
            <Button onClick={resetFilters}>{t('auditTrail.filter.reset')}</Button>
            <AuditExportButtons applied={applied} />
          </form>
          {catalogue.isError && <ErrorAlert error={catalogue.error} />}
          {records.isError && <ErrorAlert error={records.error} />}
          <Table<AuditRecord>
            rowKey="seq"
            size="small"
            columns={columns}
            dataSource={page?.items ?? []}
            loading={records.isFetching}
            pagination={false}
            locale={{ emptyText: t('auditTrail.empty') }}
            scroll={{ x: 'max-content' }}
            expandable={{ expandedRowRender: (record) => <AuditDetail record={record} /> }}
          />
          <CursorPager pages={pages} nextCursor={page?.nextCursor} {...(summary === undefined ? {} : { summary })} />
        </Card>
      </Space>
    </div>
  );
}

/** The expanded row: the summary in full, then the codes, ids and the raw JSON for the auditor. */
function AuditDetail({ record }: { record: AuditRecord }) {
  const { t, language } = useI18n();
  const summary = nameIn(record.summary, language);
  return (
    <div className="lx-audit-detail">
      {summary !== '' && <Typography.Paragraph>{summary}</Typography.Paragraph>}
      <Typography.Text strong>{t('auditTrail.detail.title')}</Typography.Text>
      <Space orientation="vertical" size={0} style={{ display: 'flex' }}>
        <Typography.Text type="secondary">{t('auditTrail.detail.actionCode', { code: record.action })}</Typography.Text>
        <Typography.Text type="secondary">{t('auditTrail.detail.entity', { type: record.entityType, id: record.entityId ?? '—' })}</Typography.Text>
        {record.actorId !== null && <Typography.Text type="secondary">{t('auditTrail.detail.actorId', { id: record.actorId })}</Typography.Text>}
        {record.requestId !== null && <Typography.Text type="secondary">{t('auditTrail.detail.requestId', { id: record.requestId })}</Typography.Text>}
        <Typography.Text type="secondary" copyable={{ text: record.hash }}>
          {t('auditTrail.detail.hash', { hash: `${record.hash.slice(0, 16)}…` })}
        </Typography.Text>
      </Space>
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'raw',
            label: t('auditTrail.detail.showRaw'),
            children: (
              <div className="lx-audit-json">
                <div>
                  <Typography.Text strong>{t('auditTrail.detail.before')}</Typography.Text>
                  <Json value={record.before} />
                </div>
                <div>
                  <Typography.Text strong>{t('auditTrail.detail.after')}</Typography.Text>
                  <Json value={record.after} />
                </div>
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}

/** The actor as 显示名（账号 username）and the linked person, 系统 without an actor, or its id once the account is gone. */
function AuditActor({ record }: { record: AuditRecord }) {
  const { t } = useI18n();
  if (record.actorId === null) return <span>{t('auditTrail.system')}</span>;
  if (record.actorDisplayName === null || record.actorUsername === null) {
    return <Typography.Text title={record.actorId}>{t('auditTrail.unknownActor', { id: record.actorId })}</Typography.Text>;
  }
  return (
    <span title={record.actorId}>
      {t('audit.actorName', { name: record.actorDisplayName, username: record.actorUsername })}
      {record.actorPersonName !== null && record.actorPersonName !== record.actorDisplayName && (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {t('auditTrail.person', { name: record.actorPersonName })}
        </Typography.Text>
      )}
    </span>
  );
}

/** Downloads of the whole filtered trail (the applied filters of the page, without its paging). */
function AuditExportButtons({ applied }: { applied: Partial<Record<FilterName, string>> }) {
  const { t } = useI18n();
  const href = (format: 'csv' | 'xlsx') => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(applied)) query.set(name, value);
    query.set('format', format);
    return `/api/audit/export?${query.toString()}`;
  };
  return (
    <Space size="small" title={t('auditTrail.exportHelp')}>
      <Button icon={<DownloadOutlined />} href={href('csv')} download>
        {t('auditTrail.exportCsv')}
      </Button>
      <Button icon={<DownloadOutlined />} href={href('xlsx')} download>
        {t('auditTrail.exportXlsx')}
      </Button>
    </Space>
  );
}
