/**
 * The bodies registry: filters (kind, level, region, status), search by name, server-side cursor
 * pagination. Filters live in the address so a filtered list can be bookmarked and shared.
 */
import { useMemo } from 'react';
import { Button, Card, Cascader, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileAddOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { useMe } from '../auth/auth-context.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { listBodies, type BodyListQuery, type BodySummary } from './bodies-api.ts';
import { loadRegionOptions } from './region-options.ts';
import { BODY_KINDS, BODY_LEVELS, BODY_STATUSES, StatusTag } from './body-labels.tsx';

const PAGE_SIZE = 20;

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
  /** Cursors of the pages before this one ('' for the first page), so that 上一页 works. */
  const trail = (params.get('trail') ?? '').split(',').filter((cursor) => cursor !== '');
  const cursor = params.get('cursor') ?? undefined;

  const query: BodyListQuery = {
    limit: PAGE_SIZE,
    ...(kind === undefined ? {} : { kind }),
    ...(level === undefined ? {} : { level }),
    ...(status === undefined ? {} : { status }),
    ...(region === undefined ? {} : { region }),
    ...(q.trim() === '' ? {} : { q: q.trim() }),
    ...(cursor === undefined ? {} : { cursor }),
  };
  const bodies = useQuery({ queryKey: ['bodies', query], queryFn: () => listBodies(query), placeholderData: keepPreviousData });
  const regions = useQuery({ queryKey: ['region-options'], queryFn: loadRegionOptions, staleTime: Infinity });

  /** Changes a filter and goes back to the first page. */
  const setFilter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(name);
    else next.set(name, value);
    next.delete('cursor');
    next.delete('trail');
    setParams(next);
  };

  const goNext = (nextCursor: string) => {
    const next = new URLSearchParams(params);
    next.set('trail', [...trail, cursor ?? '-'].join(','));
    next.set('cursor', nextCursor);
    setParams(next);
  };
  const goPrevious = () => {
    const next = new URLSearchParams(params);
    const previous = trail[trail.length - 1];
    const rest = trail.slice(0, -1);
    if (previous === undefined || previous === '-') next.delete('cursor');
    else next.set('cursor', previous);
    if (rest.length === 0) next.delete('trail');
    else next.set('trail', rest.join(','));
    setParams(next);
  };

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
      render: (_value, body) => <Link to={`/bodies/${body.id}`}>{body.name}</Link>,
    },
    { title: t('bodies.column.kind'), dataIndex: 'kind', key: 'kind', width: 120, render: (_value, body) => t(`body.kind.${body.kind}`) },
    {
      title: t('bodies.column.level'),
      dataIndex: 'level',
      key: 'level',
      width: 90,
      responsive: ['md'],
      render: (_value, body) => (body.level === null ? t('common.none') : t(`body.level.${body.level}`)),
    },
    {
      title: t('bodies.column.region'),
      dataIndex: 'regionName',
      key: 'region',
      width: 140,
      responsive: ['md'],
      render: (_value, body) => body.regionName ?? t('common.none'),
    },
    { title: t('bodies.column.status'), dataIndex: 'status', key: 'status', width: 110, render: (_value, body) => <StatusTag status={body.status} /> },
  ];

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
            enterButton={t('bodies.search')}
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
        </form>
        {bodies.isError && <ErrorAlert error={bodies.error} />}
        <Table<BodySummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={page?.items ?? []}
          loading={bodies.isFetching}
          pagination={false}
          locale={{ emptyText: t('bodies.empty') }}
          scroll={{ x: 'max-content' }}
        />
        <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }}>
          <Typography.Text type="secondary">{t('bodies.pageInfo', { page: trail.length + 1 })}</Typography.Text>
          <Button icon={<LeftOutlined />} disabled={trail.length === 0} onClick={goPrevious}>
            {t('bodies.previousPage')}
          </Button>
          <Button
            disabled={page?.nextCursor === null || page === undefined}
            onClick={() => page?.nextCursor != null && goNext(page.nextCursor)}
          >
            {t('bodies.nextPage')}
            <RightOutlined />
          </Button>
        </Space>
      </Card>
    </div>
  );
}
