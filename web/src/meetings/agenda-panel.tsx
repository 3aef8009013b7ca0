/**
 * The agenda of a meeting: proposed items with their status; the approving roles approve or reject
 * (with a reason); a liaison proposes for their unit, the office for itself; materials attach to
 * items and are circulated before the meeting.
 */
import { useState } from 'react';
import { Button, Card, Empty, Form, Input, List, Popconfirm, Select, Space, Tag, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { InlineError, isAllowed } from '../common/action-button.tsx';
import { attachMaterial, circulateMaterials, decideAgendaItem, materialUrl, proposeAgendaItem, type AgendaItem, type MeetingDetail } from './meetings-api.ts';
import type { BodyRoles } from './body-roles.ts';
import { readAsBase64 } from '../common/read-file.ts';
import { actedAsText, formatTime } from './meeting-labels.tsx';

const STATUS_COLORS = { proposed: 'gold', approved: 'green', rejected: 'red' } as const;

interface AgendaPanelProps {
  meeting: MeetingDetail;
  roles: BodyRoles;
  /** Units the reader may propose for (their liaison units), with names */
  unitOptions: { value: string; label: string }[];
  onChanged: () => void;
}

export function AgendaPanel({ meeting, roles, unitOptions, onChanged }: AgendaPanelProps) {
  const { t, field } = useI18n();
  const ref = { bodyId: meeting.bodyId, meetingId: meeting.id };
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [form] = Form.useForm<{ title: string; description?: string; unitId?: string }>();
  // What the server lists as allowed for the reader on this meeting (policy, charter gate, status).
  const mayDecide = isAllowed(meeting.actions, 'agenda.decide');
  const mayPropose = isAllowed(meeting.actions, 'agenda.propose');
  const mayAttach = isAllowed(meeting.actions, 'material.attach');
  const mayCirculate = isAllowed(meeting.actions, 'material.circulate');

  const decide = useMutation({
    mutationFn: (input: { itemId: string; approve: boolean; reason: string | null }) => decideAgendaItem(ref, input.itemId, input.approve, input.reason),
    onSuccess: () => {
      setRejecting(null);
      setReason('');
      onChanged();
    },
  });
  const propose = useMutation({
    mutationFn: (values: { title: string; description?: string; unitId?: string }) =>
      proposeAgendaItem(ref, {
        title: values.title.trim(),
        description: values.description?.trim() === '' || values.description === undefined ? null : values.description.trim(),
        unitId: values.unitId ?? (roles.office ? null : (unitOptions[0]?.value ?? null)),
      }),
    onSuccess: () => {
      form.resetFields();
      onChanged();
    },
  });
  const attach = useMutation({
    mutationFn: async (input: { itemId: string; file: File }) =>
      attachMaterial(ref, input.itemId, {
        name: input.file.name,
        contentType: input.file.type === '' ? 'application/octet-stream' : input.file.type,
        base64: await readAsBase64(input.file),
      }),
    onSuccess: onChanged,
  });
  const circulate = useMutation({ mutationFn: () => circulateMaterials(ref), onSuccess: onChanged });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {meeting.agenda.length === 0 ? (
        <Empty description={t('agenda.empty')} />
      ) : (
        <List<AgendaItem>
          bordered
          dataSource={meeting.agenda}
          rowKey="id"
          renderItem={(item) => (
            <List.Item data-testid="agenda-item">
              <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
                <Space wrap>
                  <Typography.Text strong>
                    {item.position}. {item.title}
                  </Typography.Text>
                  <Tag color={STATUS_COLORS[item.status]}>{t(`agenda.status.${item.status}`)}</Tag>
                </Space>
                {item.description !== null && <Typography.Paragraph style={{ marginBottom: 0 }}>{item.description}</Typography.Paragraph>}
                <Typography.Text type="secondary">
                  {t('agenda.proposedBy', { unit: item.proposedByUnitName ?? t('actor.office') })} · {formatTime(item.proposedAt)}
                </Typography.Text>
                {item.decidedAs !== null && (
                  <Typography.Text type="secondary">
                    {t('agenda.decidedAs', { who: actedAsText(t, item.decidedAs) })}
                    {item.decisionReason !== null && ` · ${t('meeting.reason', { reason: item.decisionReason })}`}
                  </Typography.Text>
                )}
                {item.materials.length > 0 && (
                  <Space wrap size={4}>
                    <Typography.Text>{field(t('agenda.materials'), '')}</Typography.Text>
                    {item.materials.map((material) => (
                      <Space key={material.id} size={2}>
                        <a href={materialUrl(ref, material.id)} download={material.name}>
                          <PaperClipOutlined /> {material.name}
                        </a>
                        <Tag>{material.circulatedAt === null ? t('agenda.notCirculated') : t('agenda.circulated')}</Tag>
                      </Space>
                    ))}
                  </Space>
                )}
                <Space wrap>
                  {mayDecide && item.status === 'proposed' && (
                    <>
                      <Button
                        size="small"
                        type="primary"
                        loading={decide.isPending && decide.variables.itemId === item.id}
                        disabled={decide.isPending}
                        onClick={() => decide.mutate({ itemId: item.id, approve: true, reason: null })}
                      >
                        {t('agenda.approve')}
                      </Button>
                      <Button size="small" danger onClick={() => setRejecting(rejecting === item.id ? null : item.id)}>
                        {t('agenda.reject')}
                      </Button>
                    </>
                  )}
                  {mayAttach && (roles.office || (item.proposedByUnitId !== null && roles.unitIds.includes(item.proposedByUnitId))) && item.status !== 'rejected' && (
                    <Upload
                      showUploadList={false}
                      beforeUpload={(file) => {
                        attach.mutate({ itemId: item.id, file });
                        return false;
                      }}
                    >
                      <Button size="small" icon={<UploadOutlined />} loading={attach.isPending && attach.variables.itemId === item.id} disabled={attach.isPending}>
                        {t('agenda.attach')}
                      </Button>
                    </Upload>
                  )}
                  {decide.isError && decide.variables.itemId === item.id && <InlineError error={decide.error} />}
                  {attach.isError && attach.variables.itemId === item.id && <InlineError error={attach.error} />}
                </Space>
                {rejecting === item.id && (
                  <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
                    <Input aria-label={t('agenda.rejectReason')} placeholder={t('agenda.rejectReason')} value={reason} onChange={(event) => setReason(event.target.value)} />
                    <Button danger disabled={reason.trim() === '' || decide.isPending} onClick={() => decide.mutate({ itemId: item.id, approve: false, reason: reason.trim() })}>
                      {t('decision.submit')}
                    </Button>
                  </Space.Compact>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      {mayCirculate && (
        <Space wrap>
          <Popconfirm title={t('agenda.circulate')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => circulate.mutate()}>
            <Button loading={circulate.isPending} disabled={circulate.isPending}>
              {t('agenda.circulate')}
            </Button>
          </Popconfirm>
          {circulate.isError && <InlineError error={circulate.error} />}
        </Space>
      )}
      {mayPropose && (
        <Card size="small" title={<h3 className="lx-card-title">{t('agenda.propose')}</h3>}>
          <Form form={form} layout="vertical" name="propose-agenda-item" onFinish={(values) => propose.mutate(values)} style={{ maxWidth: 640 }}>
            <Form.Item name="title" label={t('agenda.title')} rules={[{ required: true, whitespace: true, message: t('agenda.titleRequired') }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="description" label={t('agenda.description')}>
              <Input.TextArea rows={3} />
            </Form.Item>
            {unitOptions.length > 1 && (
              <Form.Item name="unitId" label={t('agenda.unit')}>
                <Select options={unitOptions} allowClear={roles.office} />
              </Form.Item>
            )}
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={propose.isPending} disabled={propose.isPending}>
                {t('agenda.propose')}
              </Button>
              {propose.isError && <InlineError error={propose.error} />}
            </Space>
          </Form>
        </Card>
      )}
    </Space>
  );
}
