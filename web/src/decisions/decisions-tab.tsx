/**
 * A body's decided items under supervision: filters (unit, lead unit only, status, overdue, text)
 * kept in the address, a table sorted and paged on the server (keyset pages, page size, total),
 * export of the filtered list (XLSX, the table's columns), a board by status, and charts (overdue
 * by unit, completion over time) loaded on demand. Below the md breakpoint the table becomes a
 * compact card list that keeps the key facts (deadline, days left, status). A row opens the
 * decision's detail with its timeline; each open item shows the rung of the escalation ladder it
 * stands on (督办阶段). The circulars view lists the body's status circulars (督办通报).
 */
import { lazy, Suspense, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Empty, Grid, Input, List, Row, Segmented, Select, Space, Spin, Switch, Table, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { CursorPager } from '../common/cursor-pager.tsx';
import { getBody } from '../bodies/bodies-api.ts';
import { refusedByCharter, useBodyActions } from '../bodies/body-actions-api.ts';
import { ActionButton } from '../common/action-button.tsx';
import {
  DECISION_STATUSES,
  decisionListExportUrl,
  ledgerUrl,
  listDecisions,
  type Decision,
  type DecisionListQuery,
  type DecisionSortKey,
  type DecisionStatus,
} from './decisions-api.ts';
import { StandingTag } from './standing-tag.tsx';
import { DecisionStatusTag } from './decision-status-tag.tsx';
import { DecisionDrawer } from './decision-drawer.tsx';
import { CircularsPanel } from './circulars-panel.tsx';
import { RungTag } from './rung-tag.tsx';

const DecisionCharts = lazy(() => import('./decision-charts.tsx'));

const VIEWS = ['table', 'board', 'charts', 'circulars'] as const;
type View = (typeof VIEWS)[number];
const SORT_KEYS: readonly DecisionSortKey[] = ['deadline', 'status', 'leadUnit', 'issuedOn'];
const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;
/** The board and the charts read one page of this size */
const BOARD_LIMIT = 200;

export function DecisionsTab({ bodyId }: { bodyId: string }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  /** A phone or small tablet (a breakpoint below md matches): the compact card list */
  const compact = screens.md === false && (screens.xs === true || screens.sm === true);
  const [params, setParams] = useSearchParams();
  // 下载督办台账 as the server lists `decision.download_ledger` on the body (issue 15).
  const bodyActions = useBodyActions(bodyId).data?.actions;
  const view: View = VIEWS.find((value) => value === params.get('view')) ?? 'table';
  const unitId = params.get('unit') ?? undefined;
  const leadOnly = params.get('lead') === 'true';
  const status = DECISION_STATUSES.find((value) => value === params.get('status'));
  const overdue = params.get('overdue') === 'true';
  const text = params.get('q') ?? '';
  const sort = SORT_KEYS.find((value) => value === params.get('sort'));
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const size = PAGE_SIZES.find((value) => String(value) === params.get('size')) ?? DEFAULT_PAGE_SIZE;
  const [openId, setOpenId] = useState<string | null>(() => params.get('decision'));
  const body = useQuery({ queryKey: ['body', bodyId], queryFn: () => getBody(bodyId) });

  const filters: Omit<DecisionListQuery, 'cursor' | 'limit'> = {
    ...(unitId === undefined ? {} : leadOnly ? { leadUnitId: unitId } : { unitId }),
    ...(status === undefined || view === 'board' ? {} : { status }),
    ...(overdue ? { overdue: 'true' as const } : {}),
    ...(text.trim() === '' ? {} : { q: text.trim() }),
    ...(sort === undefined ? {} : { sort, order }),
  };
  /** Cursors of the pages before this one ('' for the first) for the filters they were made with */
  const filterKey = JSON.stringify([filters, size]);
  const [trail, setTrail] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = trail.key === filterKey ? trail.cursors : [];
  const cursor = cursors.length === 0 ? undefined : cursors[cursors.length - 1];
  const paged = view === 'table';
  const query: DecisionListQuery = paged
    ? { ...filters, limit: size, ...(cursor === undefined || cursor === '' ? {} : { cursor }) }
    : { ...filters, limit: BOARD_LIMIT };
  const decisions = useQuery({
    queryKey: ['decisions', bodyId, query],
    queryFn: () => listDecisions(bodyId, query),
    enabled: view !== 'circulars',
    placeholderData: keepPreviousData,
  });
  const set = (values: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, value);
    }
    if ('view' in values) next.delete('circular');
    setParams(next);
  };

  const onTableChange: TableProps<Decision>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = SORT_KEYS.find((candidate) => candidate === one?.columnKey);
    if (one?.order == null || key === undefined) set({ sort: undefined, order: undefined });
    else set({ sort: key, order: one.order === 'descend' ? 'desc' : 'asc' });
  };
  const sortOrderOf = (key: DecisionSortKey) => (sort === key ? (order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null);

  const columns: TableColumnsType<Decision> = [
    { title: t('decisions.column.no'), dataIndex: 'itemNo', key: 'no', width: 64 },
    {
      title: t('decisions.column.text'),
      key: 'text',
      render: (_value, item) => (
        <Typography.Link onClick={() => setOpenId(item.id)} data-testid="decision-link">
          {item.text}
        </Typography.Link>
      ),
    },
    { title: t('decisions.column.leadUnit'), key: 'leadUnit', sorter: true, sortOrder: sortOrderOf('leadUnit'), render: (_value, item) => item.leadUnit.name },
    {
      title: t('decisions.column.coUnits'),
      key: 'co',
      responsive: ['lg'],
      render: (_value, item) => (item.coUnits.length === 0 ? t('common.none') : item.coUnits.map((unit) => unit.name).join('、')),
    },
    { title: t('decisions.column.issuedOn'), dataIndex: 'issuedOn', key: 'issuedOn', width: 110, responsive: ['xl'], sorter: true, sortOrder: sortOrderOf('issuedOn') },
    { title: t('decisions.column.deadline'), dataIndex: 'deadline', key: 'deadline', width: 110, sorter: true, sortOrder: sortOrderOf('deadline') },
    { title: t('decisions.column.standing'), key: 'standing', render: (_value, item) => <StandingTag item={item} /> },
    { title: t('decisions.column.status'), key: 'status', sorter: true, sortOrder: sortOrderOf('status'), render: (_value, item) => <DecisionStatusTag status={item.status} /> },
    {
      title: t('rung.column'),
      key: 'rung',
      render: (_value, item) => (item.status === 'closed' ? null : <RungTag rung={item.escalationRung} />),
    },
  ];
  const page = decisions.data;
  const items = page?.items ?? [];
  const pages = {
    cursor,
    trail: cursors.slice(0, -1),
    goNext: (nextCursor: string) => setTrail({ key: filterKey, cursors: [...(cursors.length === 0 ? [''] : cursors), nextCursor] }),
    goPrevious: () => setTrail({ key: filterKey, cursors: cursors.length <= 2 ? [] : cursors.slice(0, -1) }),
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div className="lx-filters">
        <Segmented<View>
          aria-label={t('decisions.title')}
          value={view}
          onChange={(value) => set({ view: value === 'table' ? undefined : value })}
          options={VIEWS.map((value) => ({ value, label: value === 'circulars' ? t('circulars.view') : t(`decisions.view.${value}`) }))}
        />
        {view !== 'circulars' && (
          <Input.Search
            key={text}
            aria-label={t('decisions.filter.text')}
            placeholder={t('decisions.filter.text')}
            defaultValue={text}
            allowClear
            onSearch={(value) => set({ q: value.trim() })}
            style={{ width: 220, maxWidth: '100%' }}
          />
        )}
        {view !== 'circulars' && (
          <Space size={4}>
            <Select<string>
              aria-label={t('decisions.filter.unit')}
              placeholder={t('decisions.filter.unit')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={unitId}
              onChange={(value) => set({ unit: value })}
              style={{ minWidth: 200 }}
              options={(body.data?.memberUnits ?? []).map((unit) => ({ value: unit.unitId, label: unit.name }))}
            />
            <Checkbox checked={leadOnly} onChange={(event) => set({ lead: event.target.checked ? 'true' : undefined })}>
              {t('decisions.filter.leadOnly')}
            </Checkbox>
          </Space>
        )}
        {view !== 'board' && view !== 'circulars' && (
          <Select<DecisionStatus>
            aria-label={t('decisions.filter.status')}
            placeholder={t('decisions.filter.status')}
            allowClear
            value={status}
            onChange={(value) => set({ status: value })}
            style={{ minWidth: 140 }}
            options={DECISION_STATUSES.map((value) => ({ value, label: t(`decision.status.${value}`) }))}
          />
        )}
        {view !== 'circulars' && (
          <Space>
            <Switch aria-label={t('decisions.filter.overdue')} checked={overdue} onChange={(checked) => set({ overdue: checked ? 'true' : undefined })} />
            <span>{t('decisions.filter.overdue')}</span>
          </Space>
        )}
        {view !== 'circulars' && (
          <Button href={decisionListExportUrl(bodyId, filters)} icon={<DownloadOutlined />} data-testid="decisions-export">
            {t('decisions.exportList')}
          </Button>
        )}
        <ActionButton
          actions={bodyActions}
          action="decision.download_ledger"
          href={ledgerUrl(bodyId)}
          icon={<DownloadOutlined />}
          showRefused={refusedByCharter(bodyActions, 'decision.download_ledger')}
        >
          {t('decisions.downloadLedger')}
        </ActionButton>
      </div>
      {decisions.isError && <ErrorAlert error={decisions.error} />}
      {!paged && view !== 'circulars' && page !== undefined && page.total > items.length && (
        <Alert type="info" showIcon title={t('decisions.boardPartial', { count: items.length, total: page.total })} />
      )}
      {view === 'table' && !compact && (
        <Table<Decision>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={decisions.isFetching}
          pagination={false}
          onChange={onTableChange}
          showSorterTooltip={false}
          locale={{ emptyText: t('decisions.empty') }}
          scroll={{ x: 'max-content' }}
          rowClassName={(item) => `lx-decision-row lx-decision-${item.overdue ? 'overdue' : 'ok'}`}
        />
      )}
      {view === 'table' && compact && <DecisionCards items={items} loading={decisions.isFetching} onOpen={setOpenId} />}
      {view === 'table' && (
        <CursorPager
          pages={pages}
          nextCursor={page?.nextCursor}
          summary={
            <Space wrap>
              {page !== undefined && <span data-testid="decisions-total">{t('lists.total', { count: page.total })}</span>}
              <Select<number>
                aria-label={t('lists.pageSize')}
                size="small"
                value={size}
                onChange={(value) => set({ size: value === DEFAULT_PAGE_SIZE ? undefined : String(value) })}
                options={PAGE_SIZES.map((value) => ({ value, label: t('lists.pageSizeOption', { size: value }) }))}
              />
            </Space>
          }
        />
      )}
      {view === 'board' && <DecisionBoard items={items} onOpen={setOpenId} />}
      {view === 'charts' && (
        <Suspense fallback={<Spin description={t('charts.loading')} style={{ display: 'block', margin: '40px auto' }} />}>
          <DecisionCharts items={items} />
        </Suspense>
      )}
      {view === 'circulars' && <CircularsPanel bodyId={bodyId} openId={params.get('circular')} onOpen={(id) => set({ circular: id ?? undefined })} />}
      <DecisionDrawer bodyId={bodyId} decisionId={openId} onClose={() => setOpenId(null)} />
    </Space>
  );
}

/** Below the md breakpoint: one compact card per item with its key facts (deadline, days left, status). */
function DecisionCards({ items, loading, onOpen }: { items: Decision[]; loading: boolean; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <List<Decision>
      loading={loading}
      dataSource={items}
      rowKey="id"
      locale={{ emptyText: t('decisions.empty') }}
      renderItem={(item) => (
        <List.Item className={`lx-decision-row lx-decision-${item.overdue ? 'overdue' : 'ok'}`} data-testid="decision-card">
          <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
            <Typography.Link onClick={() => onOpen(item.id)} data-testid="decision-link">
              {item.itemNo}. {item.text}
            </Typography.Link>
            <Typography.Text type="secondary">{item.leadUnit.name}</Typography.Text>
            <Space size={6} wrap>
              <span>
                {t('decisions.column.deadline')} {item.deadline}
              </span>
              <StandingTag item={item} />
              <DecisionStatusTag status={item.status} />
              {item.status !== 'closed' && <RungTag rung={item.escalationRung} />}
            </Space>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** Columns by status, one card per decision. */
function DecisionBoard({ items, onOpen }: { items: Decision[]; onOpen: (id: string) => void }) {
  const { t, count } = useI18n();
  return (
    <Row gutter={[12, 12]}>
      {DECISION_STATUSES.map((status) => {
        const column = items.filter((item) => item.status === status);
        return (
          <Col key={status} xs={24} md={12} xl={6}>
            <Card size="small" title={count(t(`decision.status.${status}`), column.length)} className="lx-board-column" data-testid={`board-${status}`}>
              {column.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('decisions.empty')} />
              ) : (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {column.map((item) => (
                    <Card key={item.id} size="small" hoverable className="lx-board-card">
                      <Typography.Link onClick={() => onOpen(item.id)}>{item.text}</Typography.Link>
                      <div>
                        <Typography.Text type="secondary">{item.leadUnit.name}</Typography.Text>
                      </div>
                      <StandingTag item={item} />
                      {item.status !== 'closed' && <RungTag rung={item.escalationRung} />}
                    </Card>
                  ))}
                </Space>
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
