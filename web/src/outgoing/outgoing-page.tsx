/**
 * A body's outgoing documents (发文) and bulletins: each with its kind, name, status and 发文字号;
 * the office compiles a bulletin issue and keeps the number prefixes (发文登记).
 */
import { useState } from 'react';
import { App as AntApp, Breadcrumb, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { getBody } from '../bodies/bodies-api.ts';
import { listOutgoingDocuments, listRegisters, setRegisterPrefix } from './outgoing-api.ts';
import type { OutgoingDocument, Register } from './outgoing-api.ts';
import { CompileBulletinModal } from './compile-bulletin-modal.tsx';
import { DraftDocumentModal } from './draft-document-modal.tsx';

function RegisterRow({ bodyId, register }: { bodyId: string; register: Register }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [prefix, setPrefix] = useState(register.prefix);
  const save = useMutation({
    mutationFn: () => setRegisterPrefix(bodyId, register.register, prefix),
    onSuccess: () => {
      void message.success(t('outgoing.done'));
      void queryClient.invalidateQueries({ queryKey: ['document-registers', bodyId] });
    },
  });
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      {save.isError && <ErrorAlert error={save.error} />}
      <Space wrap>
        <Typography.Text>{t(`outgoing.issuer.${register.register}`)}</Typography.Text>
        <Input aria-label={`${t('outgoing.prefix')} ${t(`outgoing.issuer.${register.register}`)}`} value={prefix} onChange={(event) => setPrefix(event.target.value)} style={{ width: 280 }} maxLength={40} />
        <Button onClick={() => save.mutate()} disabled={prefix.trim() === '' || prefix === register.prefix}>
          {t('outgoing.savePrefix')}
        </Button>
        <Typography.Text type="secondary">
          {t('outgoing.nextNumber')}：{register.nextDocNumber}
          {register.isDefault ? t('outgoing.prefixDefault') : ''}
        </Typography.Text>
      </Space>
    </Space>
  );
}

export function OutgoingPage() {
  const { t } = useI18n();
  const { bodyId = '' } = useParams();
  const body = useQuery({ queryKey: ['body', bodyId], queryFn: () => getBody(bodyId) });
  const list = useQuery({ queryKey: ['outgoing-documents', bodyId], queryFn: () => listOutgoingDocuments(bodyId) });
  const office = body.data?.myRoles.some((role) => role.role === 'office_staff') ?? false;
  const registers = useQuery({ queryKey: ['document-registers', bodyId], queryFn: () => listRegisters(bodyId), enabled: office });
  const [compiling, setCompiling] = useState(false);
  const [drafting, setDrafting] = useState(false);
  const acting = body.data?.myRoles.some((role) => role.role !== 'viewer') ?? false;
  const units = (body.data?.memberUnits ?? []).map((unit) => ({ unitId: unit.unitId, name: unit.name }));

  const columns: TableColumnsType<OutgoingDocument> = [
    {
      key: 'title',
      title: t('outgoing.docTitle'),
      render: (_, item) => <Link to={`/bodies/${bodyId}/outgoing-documents/${item.id}`}>{item.title}</Link>,
    },
    { key: 'kind', title: t('outgoing.kind'), dataIndex: 'kindLabel', width: 80 },
    {
      key: 'issuer',
      title: t('outgoing.issuer'),
      width: 200,
      render: (_, item) => `${t(`outgoing.issuer.${item.issuedInNameOf}`)}${item.groupName ? `（${item.groupName}）` : ''}`,
    },
    { key: 'status', title: t('outgoing.status'), width: 100, render: (_, item) => <Tag color={item.status === 'issued' ? 'green' : 'blue'}>{item.statusLabel}</Tag> },
    { key: 'docNumber', title: t('outgoing.docNumber'), width: 200, render: (_, item) => item.docNumber ?? t('common.none') },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/bodies">{t('nav.bodies')}</Link> },
          { title: <Link to={`/bodies/${bodyId}`}>{body.data?.name ?? ''}</Link> },
          { title: t('outgoing.title') },
        ]}
      />
      <Typography.Title level={3}>{t('outgoing.title')}</Typography.Title>
      {list.isError && <ErrorAlert error={list.error} />}
      <Space>
        {office && (
          <Button type="primary" onClick={() => setCompiling(true)}>
            {t('bulletin.compile')}
          </Button>
        )}
        {acting && <Button onClick={() => setDrafting(true)}>{t('outgoing.draft')}</Button>}
      </Space>
      <Table<OutgoingDocument> rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.isLoading} pagination={false} locale={{ emptyText: t('outgoing.empty') }} />
      {office && registers.data && (
        <Card title={t('outgoing.registers')} size="small">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {registers.data.items.map((register) => (
              <RegisterRow key={`${register.register}:${register.prefix}`} bodyId={bodyId} register={register} />
            ))}
          </Space>
        </Card>
      )}
      {acting && <DraftDocumentModal bodyId={bodyId} open={drafting} onClose={() => setDrafting(false)} />}
      {office && <CompileBulletinModal bodyId={bodyId} units={units} open={compiling} onClose={() => setCompiling(false)} />}
    </Space>
  );
}
