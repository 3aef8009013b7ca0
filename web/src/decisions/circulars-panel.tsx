/**
 * A body's status circulars (督办通报): the issued circulars, issuing one as of today (office staff),
 * and one circular item by item (status, working days left or overdue, latest progress). The open
 * circular lives in the address (`circular=`), so the inbox link /bodies/:id/circulars/:id reaches it.
 */
import { App as AntApp, Button, Drawer, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { ActionButton } from '../common/action-button.tsx';
import { refusedByCharter, useBodyActions } from '../bodies/body-actions-api.ts';
import { formatTime } from '../meetings/meeting-labels.tsx';
import { circularDocumentUrl, getCircular, issueCircular, listCirculars, type CircularItem, type CircularSummary } from './circulars-api.ts';
import { DecisionStatusTag } from './decision-status-tag.tsx';

export function CircularsPanel({ bodyId, openId, onOpen }: { bodyId: string; openId: string | null; onOpen: (id: string | null) => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  // 生成通报 as the server lists `circular.create` on the body (policy, the body's status): issue 15.
  const bodyActions = useBodyActions(bodyId).data?.actions;
  const circulars = useQuery({ queryKey: ['circulars', bodyId], queryFn: () => listCirculars(bodyId) });
  const issue = async () => {
    const created = await issueCircular(bodyId);
    void queryClient.invalidateQueries({ queryKey: ['circulars', bodyId] });
    void message.success(t('circulars.issued', { number: created.number }));
    onOpen(created.id);
  };

  const columns: TableColumnsType<CircularSummary> = [
    {
      title: t('circulars.column.number'),
      key: 'number',
      render: (_value, circular) => (
        <Typography.Link onClick={() => onOpen(circular.id)} data-testid="circular-link">
          {t('circulars.numberLabel', { year: circular.year, number: circular.number })}
        </Typography.Link>
      ),
    },
    { title: t('circulars.column.asOf'), dataIndex: 'asOf', key: 'asOf', width: 120 },
    { title: t('circulars.column.open'), dataIndex: 'openCount', key: 'open', width: 90, align: 'right' },
    {
      title: t('circulars.column.overdue'),
      key: 'overdue',
      width: 90,
      align: 'right',
      render: (_value, circular) =>
        circular.overdueCount > 0 ? (
          <Typography.Text type="danger" strong>
            {circular.overdueCount}
          </Typography.Text>
        ) : (
          circular.overdueCount
        ),
    },
    { title: t('circulars.column.createdAt'), key: 'createdAt', width: 170, responsive: ['md'], render: (_value, circular) => formatTime(circular.createdAt) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ActionButton
        actions={bodyActions}
        action="circular.create"
        type="primary"
        icon={<FileAddOutlined />}
        showRefused={refusedByCharter(bodyActions, 'circular.create')}
        confirm={
          <>
            <div>{t('circulars.issue')}</div>
            <Typography.Text type="secondary">{t('circulars.issueConfirm')}</Typography.Text>
          </>
        }
        confirmTexts={{ ok: t('common.ok'), cancel: t('common.cancel') }}
        run={issue}
      >
        {t('circulars.issue')}
      </ActionButton>
      {circulars.isError && <ErrorAlert error={circulars.error} />}
      <Table<CircularSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={circulars.data?.items ?? []}
        loading={circulars.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('circulars.empty') }}
        scroll={{ x: 'max-content' }}
      />
      <CircularDrawer bodyId={bodyId} circularId={openId} onClose={() => onOpen(null)} />
    </Space>
  );
}

function CircularDrawer({ bodyId, circularId, onClose }: { bodyId: string; circularId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const circular = useQuery({
    queryKey: ['circular', bodyId, circularId],
    queryFn: () => getCircular(bodyId, circularId ?? ''),
    enabled: circularId !== null,
  });
  const detail = circular.data;

  const columns: TableColumnsType<CircularItem> = [
    { title: t('decisions.column.no'), dataIndex: 'itemNo', key: 'no', width: 56 },
    {
      title: t('circulars.item.text'),
      key: 'text',
      render: (_value, item) => (
        <Space orientation="vertical" size={0}>
          <span>{item.text}</span>
          {item.minutesTitle !== null && <Typography.Text type="secondary">{item.minutesTitle}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('circulars.item.lead'),
      key: 'lead',
      render: (_value, item) => (
        <Space orientation="vertical" size={0}>
          <span>{item.leadUnitName}</span>
          {item.coUnitNames.length > 0 && <Typography.Text type="secondary">{item.coUnitNames.join('、')}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('circulars.item.deadline'),
      key: 'deadline',
      width: 150,
      render: (_value, item) => (
        <Space size={4}>
          <span style={{ whiteSpace: 'nowrap' }}>{item.deadline}</span>
          {item.deadlineProvisional && <Tag color="purple">{t('circulars.item.provisional')}</Tag>}
        </Space>
      ),
    },
    { title: t('circulars.item.status'), key: 'status', width: 100, render: (_value, item) => <DecisionStatusTag status={item.status} /> },
    { title: t('circulars.item.standing'), key: 'standing', width: 150, render: (_value, item) => <ItemStanding item={item} /> },
    { title: t('circulars.item.progress'), key: 'progress', responsive: ['lg'], render: (_value, item) => item.latestProgress ?? t('common.none') },
  ];

  return (
    <Drawer
      open={circularId !== null}
      onClose={onClose}
      size={960}
      title={detail === undefined ? t('circulars.view') : t('circulars.detailTitle', { year: detail.year, number: detail.number })}
      destroyOnHidden
    >
      {circular.isError && <ErrorAlert error={circular.error} />}
      {circular.isPending && circularId !== null && <Spin description={t('app.loading')} style={{ display: 'block', margin: '40px auto' }} />}
      {detail !== undefined && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="circular-detail">
          <Space orientation="vertical" size={2}>
            <Typography.Text strong>{detail.bodyName}</Typography.Text>
            <Typography.Text>{t('circulars.summary', { date: detail.asOf, open: detail.openCount, overdue: detail.overdueCount })}</Typography.Text>
          </Space>
          <Space wrap>
            <Button href={circularDocumentUrl(bodyId, detail.id, 'docx')} icon={<DownloadOutlined />}>
              {t('circulars.downloadDocx')}
            </Button>
            <Button href={circularDocumentUrl(bodyId, detail.id, 'pdf')} icon={<DownloadOutlined />}>
              {t('circulars.downloadPdf')}
            </Button>
          </Space>
          <Table<CircularItem>
            rowKey="decisionId"
            size="small"
            columns={columns}
            dataSource={detail.items}
            pagination={false}
            locale={{ emptyText: t('circulars.noItems') }}
            scroll={{ x: 'max-content' }}
          />
        </Space>
      )}
    </Drawer>
  );
}

/** Working days left (green) or overdue (red), nothing once closed. */
function ItemStanding({ item }: { item: CircularItem }) {
  const { t } = useI18n();
  if (item.overdue && item.workingDaysOverdue !== null) return <Tag color="red">{t('circulars.item.daysOverdue', { days: item.workingDaysOverdue })}</Tag>;
  if (item.workingDaysLeft !== null) return <Tag color="green">{t('circulars.item.daysLeft', { days: item.workingDaysLeft })}</Tag>;
  return <span>{t('common.none')}</span>;
}
