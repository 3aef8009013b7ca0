/**
 * A body's incoming documents (收文办理): the office registers them; the convener or the office
 * assigns (批办) or forwards (转办) each to a lead unit with co-handling units and the charter's
 * deadline; the lead unit's liaison replies; the office closes or sends the reply back. Each row
 * shows only the steps the server says this person may take now (`allowedActions`).
 */
import { useState } from 'react';
import { App as AntApp, Breadcrumb, Button, Card, Empty, Input, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { getBody } from '../bodies/bodies-api.ts';
import { attachmentUrl, closeIncomingDocument, listIncomingDocuments, sendBackIncomingDocument } from './incoming-api.ts';
import type { IncomingDocument } from './incoming-api.ts';
import { IncomingStanding, IncomingStatusTag } from './incoming-labels.tsx';
import { RegisterButton } from './register-button.tsx';
import { AssignModal } from './assign-modal.tsx';
import { ReplyModal } from './reply-modal.tsx';

function BasisText({ item }: { item: IncomingDocument }) {
  const { t } = useI18n();
  const basis = item.deadlineBasis;
  if (basis === null) return null;
  const text =
    basis.kind === 'charter_default'
      ? t('incoming.basis.charter', { clause: basis.clause ?? '', days: basis.days })
      : basis.kind === 'working_days'
        ? t('incoming.basis.days', { days: basis.days })
        : t('incoming.basis.date');
  return <Typography.Text type="secondary">{text}</Typography.Text>;
}

/** The office's answer to a reply: close (办结) with an optional note, or send back with a reason. */
function CloseActions({ item }: { item: IncomingDocument }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const ref = { bodyId: item.bodyId, documentId: item.id };
  const step = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => {
      void message.success(t('incoming.done'));
      void queryClient.invalidateQueries({ queryKey: ['incoming-documents'] });
    },
  });
  return (
    <Space orientation="vertical" size={4}>
      {step.isError && <ErrorAlert error={step.error} />}
      <Input.TextArea rows={1} value={text} onChange={(event) => setText(event.target.value)} aria-label={t('incoming.closeNote')} placeholder={t('incoming.closeNote')} maxLength={5000} />
      <Space>
        <Button size="small" type="primary" onClick={() => step.mutate(() => closeIncomingDocument(ref, text.trim() === '' ? null : text.trim()))}>
          {t('incoming.close')}
        </Button>
        <Popconfirm title={t('incoming.sendBackReason')} onConfirm={() => step.mutate(() => sendBackIncomingDocument(ref, text.trim()))} okText={t('common.ok')} cancelText={t('common.cancel')}>
          <Button size="small" danger disabled={text.trim() === ''}>
            {t('incoming.sendBack')}
          </Button>
        </Popconfirm>
      </Space>
    </Space>
  );
}

export function IncomingPage() {
  const { t } = useI18n();
  const { bodyId = '' } = useParams();
  const [params] = useSearchParams();
  const focused = params.get('document');
  const body = useQuery({ queryKey: ['body', bodyId], queryFn: () => getBody(bodyId) });
  const list = useQuery({ queryKey: ['incoming-documents', bodyId], queryFn: () => listIncomingDocuments(bodyId) });
  const [assigning, setAssigning] = useState<IncomingDocument | null>(null);
  const [replying, setReplying] = useState<IncomingDocument | null>(null);
  const units = (body.data?.memberUnits ?? []).map((unit) => ({ unitId: unit.unitId, name: unit.name }));

  const columns: TableColumnsType<IncomingDocument> = [
    { key: 'receivedOn', title: t('incoming.receivedOn'), dataIndex: 'receivedOn', width: 110 },
    {
      key: 'title',
      title: t('incoming.docTitle'),
      render: (_value, item) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{item.title}</Typography.Text>
          <Typography.Text type="secondary">
            {item.sendingUnit}
            {item.sendingNumber === null ? '' : ` · ${item.sendingNumber}`}
          </Typography.Text>
          {item.attachments.map((file) => (
            <a key={file.id} href={attachmentUrl({ bodyId: item.bodyId, documentId: item.id }, file.id)}>
              {file.fileName}
            </a>
          ))}
        </Space>
      ),
    },
    { key: 'status', title: t('incoming.status'), render: (_value, item) => <IncomingStatusTag status={item.status} name={item.statusName} />, width: 100 },
    {
      key: 'units',
      title: t('incoming.leadUnit'),
      render: (_value, item) =>
        item.leadUnit === null ? null : (
          <Space orientation="vertical" size={0}>
            <span>
              {item.routingName} · {item.leadUnit.name}
            </span>
            {item.coUnits.length > 0 && (
              <Typography.Text type="secondary">
                {t('incoming.coUnits')}：{item.coUnits.map((unit) => unit.name).join('、')}
              </Typography.Text>
            )}
          </Space>
        ),
    },
    {
      key: 'deadline',
      title: t('incoming.deadline'),
      render: (_value, item) =>
        item.deadline === null ? null : (
          <Space orientation="vertical" size={0}>
            <span data-testid="incoming-deadline">{item.deadline}</span>
            <BasisText item={item} />
            <IncomingStanding item={item} />
          </Space>
        ),
    },
    {
      key: 'reply',
      title: t('incoming.reply'),
      render: (_value, item) => (item.replyText === null ? null : <Typography.Paragraph style={{ marginBottom: 0, maxWidth: 320 }}>{item.replyText}</Typography.Paragraph>),
    },
    {
      key: 'actions',
      title: t('incoming.actions'),
      render: (_value, item) => (
        <Space orientation="vertical" size={4}>
          {item.allowedActions.includes('assign') && (
            <Button size="small" type="primary" onClick={() => setAssigning(item)}>
              {t('incoming.assign')}
            </Button>
          )}
          {item.allowedActions.includes('reply') && (
            <Button size="small" type="primary" onClick={() => setReplying(item)}>
              {t('incoming.replyAction')}
            </Button>
          )}
          {item.allowedActions.includes('close') && <CloseActions item={item} />}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/bodies">{t('nav.bodies')}</Link> }, { title: <Link to={`/bodies/${bodyId}`}>{body.data?.name ?? ''}</Link> }, { title: t('incoming.title') }]}
      />
      <Space align="center" wrap style={{ marginBottom: 8 }}>
        <h1 className="lx-page-title" style={{ marginBottom: 0 }}>
          {t('incoming.title')}
        </h1>
        {list.data?.allowedActions.includes('register') === true && <RegisterButton bodyId={bodyId} />}
      </Space>
      {body.isError && <ErrorAlert error={body.error} />}
      {list.isError && <ErrorAlert error={list.error} />}
      <Card size="small">
        <Table<IncomingDocument>
          rowKey="id"
          size="small"
          loading={list.isPending}
          columns={columns}
          dataSource={list.data?.items ?? []}
          rowClassName={(item) => (item.id === focused ? 'ant-table-row-selected' : '')}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incoming.empty')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 960 }}
        />
      </Card>
      <AssignModal document={assigning} units={units} onClose={() => setAssigning(null)} />
      <ReplyModal document={replying === null ? null : { bodyId: replying.bodyId, documentId: replying.id, title: replying.title }} onClose={() => setReplying(null)} />
    </div>
  );
}
