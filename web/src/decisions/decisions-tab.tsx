/**
 * A body's decided items under supervision: filters (unit, status, overdue) kept in the address,
 * a table or a board by status, and charts (overdue by unit, completion over time) loaded on demand.
 * A row opens the decision's detail with its timeline; each open item shows the rung of the
 * escalation ladder it stands on (督办阶段). The circulars view lists the body's status circulars (督办通报).
 */
import { lazy, Suspense, useState } from 'react';
import { Button, Card, Col, Empty, Row, Segmented, Select, Space, Spin, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { getBody } from '../bodies/bodies-api.ts';
import { DECISION_STATUSES, ledgerUrl, listDecisions, type Decision, type DecisionListQuery, type DecisionStatus } from './decisions-api.ts';
import { StandingTag } from './standing-tag.tsx';
import { DecisionStatusTag } from './decision-status-tag.tsx';
import { DecisionDrawer } from './decision-drawer.tsx';
import { CircularsPanel } from './circulars-panel.tsx';
import { RungTag } from './rung-tag.tsx';

const DecisionCharts = lazy(() => import('./decision-charts.tsx'));

const VIEWS = ['table', 'board', 'charts', 'circulars'] as const;
type View = (typeof VIEWS)[number];

export function DecisionsTab({ bodyId }: { bodyId: string }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((value) => value === params.get('view')) ?? 'table';
  const unitId = params.get('unit') ?? undefined;
  const status = DECISION_STATUSES.find((value) => value === params.get('status'));
  const overdue = params.get('overdue') === 'true';
  const [openId, setOpenId] = useState<string | null>(() => params.get('decision'));
  const body = useQuery({ queryKey: ['body', bodyId], queryFn: () => getBody(bodyId) });

  const query: DecisionListQuery = {
    ...(unitId === undefined ? {} : { unitId }),
    ...(status === undefined || view === 'board' ? {} : { status }),
    ...(overdue ? { overdue: 'true' as const } : {}),
  };
  const decisions = useQuery({ queryKey: ['decisions', bodyId, query], queryFn: () => listDecisions(bodyId, query), enabled: view !== 'circulars' });
  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(name);
    else next.set(name, value);
    if (name === 'view') next.delete('circular');
    setParams(next);
  };

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
    { title: t('decisions.column.leadUnit'), key: 'lead', render: (_value, item) => item.leadUnit.name },
    {
      title: t('decisions.column.coUnits'),
      key: 'co',
      responsive: ['lg'],
      render: (_value, item) => (item.coUnits.length === 0 ? t('common.none') : item.coUnits.map((unit) => unit.name).join('、')),
    },
    { title: t('decisions.column.deadline'), dataIndex: 'deadline', key: 'deadline', width: 110 },
    { title: t('decisions.column.standing'), key: 'standing', render: (_value, item) => <StandingTag item={item} /> },
    { title: t('decisions.column.status'), key: 'status', render: (_value, item) => <DecisionStatusTag status={item.status} /> },
    {
      title: t('rung.column'),
      key: 'rung',
      render: (_value, item) => (item.status === 'closed' ? null : <RungTag rung={item.escalationRung} />),
    },
  ];
  const items = decisions.data?.items ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div className="lx-filters">
        <Segmented<View>
          aria-label={t('decisions.title')}
          value={view}
          onChange={(value) => set('view', value === 'table' ? undefined : value)}
          options={VIEWS.map((value) => ({ value, label: value === 'circulars' ? t('circulars.view') : t(`decisions.view.${value}`) }))}
        />
        {view !== 'circulars' && (
          <Select<string>
            aria-label={t('decisions.filter.unit')}
            placeholder={t('decisions.filter.unit')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={unitId}
            onChange={(value) => set('unit', value)}
            style={{ minWidth: 200 }}
            options={(body.data?.memberUnits ?? []).map((unit) => ({ value: unit.unitId, label: unit.name }))}
          />
        )}
        {view !== 'board' && view !== 'circulars' && (
          <Select<DecisionStatus>
            aria-label={t('decisions.filter.status')}
            placeholder={t('decisions.filter.status')}
            allowClear
            value={status}
            onChange={(value) => set('status', value)}
            style={{ minWidth: 140 }}
            options={DECISION_STATUSES.map((value) => ({ value, label: t(`decision.status.${value}`) }))}
          />
        )}
        <Button href={ledgerUrl(bodyId)} icon={<DownloadOutlined />}>
          {t('decisions.downloadLedger')}
        </Button>
        {view !== 'circulars' && (
          <Space>
            <Switch aria-label={t('decisions.filter.overdue')} checked={overdue} onChange={(checked) => set('overdue', checked ? 'true' : undefined)} />
            <span>{t('decisions.filter.overdue')}</span>
          </Space>
        )}
      </div>
      {decisions.isError && <ErrorAlert error={decisions.error} />}
      {view === 'table' && (
        <Table<Decision>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={decisions.isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('decisions.empty') }}
          scroll={{ x: 'max-content' }}
          rowClassName={(item) => `lx-decision-row lx-decision-${item.overdue ? 'overdue' : 'ok'}`}
        />
      )}
      {view === 'board' && <DecisionBoard items={items} onOpen={setOpenId} />}
      {view === 'charts' && (
        <Suspense fallback={<Spin description={t('charts.loading')} style={{ display: 'block', margin: '40px auto' }} />}>
          <DecisionCharts items={items} />
        </Suspense>
      )}
      {view === 'circulars' && <CircularsPanel bodyId={bodyId} openId={params.get('circular')} onOpen={(id) => set('circular', id ?? undefined)} />}
      <DecisionDrawer bodyId={bodyId} decisionId={openId} onClose={() => setOpenId(null)} />
    </Space>
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
