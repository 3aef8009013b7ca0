/**
 * The bodies registry: filters (kind, level, region, status), search by name, sort by a column on
 * the server, keyset (cursor) pagination with a page size and the total, column settings remembered
 * in this browser, and export of what the filters show (XLSX). Filters, sort and page size live in
 * the address so a list can be bookmarked and shared. Activity (last meeting, open and overdue
 * decisions) shows only for bodies the reader holds a role in.
 */
import { useMemo, type ReactNode } from 'react';
import { Button, Card, Cascader, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { useMe } from '../auth/auth-context.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { listBodies, registryExportUrl, type BodyListQuery, type BodySortKey, type BodySummary } from './bodies-api.ts';
import { ColumnSettings, useHiddenColumns } from './column-settings.tsx';
import { loadRegionOptions } from './region-options.ts';
import { BODY_KINDS, BODY_LEVELS, BODY_STATUSES, StatusTag } from './body-labels.tsx';
import { sunsetCountdown } from './sunset.ts';
import { todayInShanghai } from '../common/today.ts';
import { cursorPages } from '../common/cursor-pages.ts';
import { CursorPager } from '../common/cursor-pager.tsx';

const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;
/** Columns sorted on the server, by their column key */
const SORTABLE: readonly BodySortKey[] = ['name', 'kind', 'level', 'region', 'status', 'sunset'];

type Kind = NonNullable<BodyListQuery['kind']>;
type Level = NonNullable<BodyListQuery['level']>;
type Status = NonNullable<BodyListQuery['status']>;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

export function BodiesPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();

  const kind = oneOf<Kind>(BODY_KINDS, params.get('kind'));
  const level = oneOf<Level>(BODY_LEVELS, params.get('level'));
  const status = oneOf<Status>(BODY_STATUSES, params.get('status'));
  const region = /^\d{6}$/.test(params.get('region') ?? '') ? (params.get('region') ?? undefined) : undefined;
  const q = params.get('q') ?? '';
  const sort = SORTABLE.find((key) => key === params.get('sort'));
  const order = sort === undefined ? undefined : params.get('order') === 'desc' ? 'desc' : 'asc';
  const size = PAGE_SIZES.find((value) => String(value) === params.get('size')) ?? DEFAULT_PAGE_SIZE;
  const [hidden, setHidden] = useHiddenColumns('lx.registry.hiddenColumns');
  /** Cursors of the pages before this one ('' for the first page), so that 上一页 works. */
  const pages = cursorPages(params, setParams);
  const { cursor } = pages;

  const filters: Omit<BodyListQuery, 'cursor' | 'limit'> = {
    ...(kind === undefined ? {} : { kind }),
    ...(level === undefined ? {} : { level }),
    ...(status === undefined ? {} : { status }),
    ...(region === undefined ? {} : { region }),
    ...(q.trim() === '' ? {} : { q: q.trim() }),
    ...(sort === undefined ? {} : { sort, order }),
  };
  const query: BodyListQuery = { ...filters, limit: size, ...(cursor === undefined ? {} : { cursor }) };
  const bodies = useQuery({ queryKey: ['bodies', query], queryFn: () => listBodies(query), placeholderData: keepPreviousData });
  const regions = useQuery({ queryKey: ['region-options'], queryFn: loadRegionOptions, staleTime: Infinity });

  /** Changes filters (or sort, page size) and goes back to the first page. */
  const setFilters = (values: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, value);
    }
    next.delete('cursor');
    next.delete('trail');
    setParams(next);
  };
  const setFilter = (name: string, value: string | undefined) => setFilters({ [name]: value });

  /** A column header click: sort by that column on the server (a third click goes back to the default order). */
  const onTableChange: TableProps<BodySummary>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = SORTABLE.find((candidate) => candidate === one?.columnKey);
    if (one?.order == null || key === undefined) setFilters({ sort: undefined, order: undefined });
    else setFilters({ sort: key, order: one.order === 'descend' ? 'desc' : 'asc' });
  };
  const sortOrderOf = (key: BodySortKey) => (sort === key ? (order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null);


  const regionPath = useMemo(() => {
    if (region === undefined) return undefined;
    const province = `${region.slice(0, 2)}0000`;
    return region === province ? [province] : [province, region];
  }, [region]);

  const columns: TableColumnsType<BodySummary> = [
    {
      title: t('bodies.column.name'),
      dataIndex: 'name',
      key: 'name',
      width: 220,
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (_value, body) => <Link to={`/bodies/${body.id}`}>{body.name}</Link>,
    },
    { title: t('bodies.column.kind'), dataIndex: 'kind', key: 'kind', width: 100, sorter: true, sortOrder: sortOrderOf('kind'), render: (_value, body) => t(`body.kind.${body.kind}`) },
    {
      title: t('bodies.column.level'),
      dataIndex: 'level',
      key: 'level',
      width: 90,
      sorter: true,
      sortOrder: sortOrderOf('level'),
      responsive: ['md'],
      render: (_value, body) => (body.level === null ? t('common.none') : t(`body.level.${body.level}`)),
    },
    {
      title: t('bodies.column.region'),
      dataIndex: 'regionName',
      key: 'region',
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf('region'),
      responsive: ['md'],
      render: (_value, body) => body.regionName ?? t('common.none'),
    },
    {
      title: t('bodies.column.status'),
      dataIndex: 'status',
      key: 'status',
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf('status'),
      render: (_value, body) => (
        <Space orientation="vertical" size={0}>
          <StatusTag status={body.status} />
          {body.dissolvedOn !== null && (
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {t('bodies.dissolvedOn', { date: body.dissolvedOn })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('bodies.column.members'),
      dataIndex: 'memberUnitCount',
      key: 'members',
      width: 90,
      align: 'right',
      render: (_value, body) => t('bodies.memberUnits', { count: body.memberUnitCount }),
    },
    {
      title: t('bodies.column.lastMeeting'),
      key: 'lastMeeting',
      width: 110,
      responsive: ['md'],
      render: (_value, body) => <ActivityCell body={body} value={(activity) => (activity.lastMeetingAt === null ? t('bodies.noMeeting') : dayjs(activity.lastMeetingAt).format('YYYY-MM-DD'))} />,
    },
    {
      title: t('bodies.column.openDecisions'),
      key: 'openDecisions',
      width: 80,
      align: 'right',
      render: (_value, body) => <ActivityCell body={body} value={(activity) => String(activity.openDecisions)} />,
    },
    {
      title: t('bodies.column.overdueDecisions'),
      key: 'overdueDecisions',
      width: 80,
      align: 'right',
      render: (_value, body) => (
        <ActivityCell
          body={body}
          value={(activity) =>
            activity.overdueDecisions > 0 ? (
              <Typography.Text type="danger" strong data-testid="overdue-count">
                {activity.overdueDecisions}
              </Typography.Text>
            ) : (
              '0'
            )
          }
        />
      ),
    },
    { title: t('bodies.column.sunset'), key: 'sunset', width: 100, sorter: true, sortOrder: sortOrderOf('sunset'), render: (_value, body) => <SunsetCountdownCell body={body} /> },
  ];

  const hideable = columns.filter((column) => column.key !== 'name').map((column) => ({ key: String(column.key), title: String(column.title) }));
  const shownColumns = columns.filter((column) => !hidden.includes(String(column.key)));
  const page = bodies.data;
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <h1 className="lx-page-title">
          {t('bodies.title')}
        </h1>
        {me.systemRoles.includes('system_admin') && (
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => void navigate('/import')}>
            {t('bodies.import')}
          </Button>
        )}
      </Space>
      <Card size="small">
        <form className="lx-filters" role="search" onSubmit={(event) => event.preventDefault()}>
          <Input.Search
            key={q}
            aria-label={t('bodies.searchPlaceholder')}
            placeholder={t('bodies.searchPlaceholder')}
            defaultValue={q}
            allowClear
            enterButton={t('common.search')}
            onSearch={(value) => setFilter('q', value.trim())}
            style={{ width: 320, maxWidth: '100%' }}
          />
          <Select<Kind>
            aria-label={t('bodies.filter.kind')}
            placeholder={t('bodies.filter.kind')}
            allowClear
            value={kind}
            onChange={(value) => setFilter('kind', value)}
            options={BODY_KINDS.map((value) => ({ value, label: t(`body.kind.${value}`) }))}
          />
          <Select<Level>
            aria-label={t('bodies.filter.level')}
            placeholder={t('bodies.filter.level')}
            allowClear
            value={level}
            onChange={(value) => setFilter('level', value)}
            options={BODY_LEVELS.map((value) => ({ value, label: t(`body.level.${value}`) }))}
          />
          <Cascader
            aria-label={t('bodies.filter.region')}
            placeholder={t('bodies.filter.region')}
            options={regions.data ?? []}
            changeOnSelect
            showSearch
            value={regionPath}
            onChange={(path) => setFilter('region', path === undefined ? undefined : String(path[path.length - 1] ?? ''))}
            style={{ minWidth: 180 }}
          />
          <Select<Status>
            aria-label={t('bodies.filter.status')}
            placeholder={t('bodies.filter.status')}
            allowClear
            value={status}
            onChange={(value) => setFilter('status', value)}
            options={BODY_STATUSES.map((value) => ({ value, label: t(`body.status.${value}`) }))}
          />
          <Button onClick={() => setParams(new URLSearchParams())}>{t('bodies.filter.reset')}</Button>
          <Space wrap style={{ marginLeft: 'auto' }}>
            <Tooltip title={t('lists.exportHint')}>
              <Button href={registryExportUrl(filters)} icon={<DownloadOutlined />} data-testid="registry-export">
                {t('lists.export')}
              </Button>
            </Tooltip>
            <ColumnSettings columns={hideable} hidden={hidden} onChange={setHidden} />
          </Space>
        </form>
        {bodies.isError && <ErrorAlert error={bodies.error} />}
        <Table<BodySummary>
          rowKey="id"
          size="middle"
          columns={shownColumns}
          dataSource={page?.items ?? []}
          loading={bodies.isFetching}
          pagination={false}
          onChange={onTableChange}
          showSorterTooltip={false}
          locale={{ emptyText: t('bodies.empty') }}
          scroll={{ x: 'max-content' }}
        />
        <CursorPager
          pages={pages}
          nextCursor={page?.nextCursor}
          summary={
            <Space wrap>
              {page !== undefined && <span data-testid="registry-total">{t('lists.total', { count: page.total })}</span>}
              <Select<number>
                aria-label={t('lists.pageSize')}
                size="small"
                value={size}
                onChange={(value) => setFilter('size', value === DEFAULT_PAGE_SIZE ? undefined : String(value))}
                options={PAGE_SIZES.map((value) => ({ value, label: t('lists.pageSizeOption', { size: value }) }))}
              />
            </Space>
          }
        />
      </Card>
    </div>
  );
}

type Activity = NonNullable<BodySummary['activity']>;

/** A value of the body's activity, or '—' when the reader holds no role in the body. */
function ActivityCell({ body, value }: { body: BodySummary; value: (activity: Activity) => ReactNode }) {
  const { t } = useI18n();
  if (body.activity === null) return <span title={t('bodies.noActivity')}>{t('common.none')}</span>;
  return <>{value(body.activity)}</>;
}

/** Days until the sunset date, 已到期 once it has come; '—' without a date or once dissolved. */
function SunsetCountdownCell({ body }: { body: BodySummary }) {
  const { t } = useI18n();
  if (body.status === 'dissolved') return <span>{t('common.none')}</span>;
  const countdown = sunsetCountdown(body.sunsetDate, todayInShanghai());
  switch (countdown.kind) {
    case 'none':
      return <span>{t('common.none')}</span>;
    case 'future':
      return (
        <Tag color={countdown.days <= 90 ? 'orange' : 'green'} title={body.sunsetDate ?? undefined}>
          {t('bodies.sunsetDays', { days: countdown.days })}
        </Tag>
      );
    case 'today':
    case 'overdue':
      return (
        <Tag color="red" title={body.sunsetDate ?? undefined}>
          {t('bodies.sunsetDue')}
        </Tag>
      );
  }
}
