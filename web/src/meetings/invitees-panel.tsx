/** Who is invited: the member units' people valid on the meeting date, and observers (列席) proposed by the office and approved where the charter says so. */
import { useState } from 'react';
import { Button, Card, Form, Input, Space, Table, Tag } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { InlineError, isAllowed } from '../common/action-button.tsx';
import { decideObserver, proposeObserver, type Invitee, type MeetingDetail } from './meetings-api.ts';
import type { BodyRoles } from './body-roles.ts';

const APPROVAL_COLORS = { not_required: 'default', proposed: 'gold', approved: 'green', rejected: 'red' } as const;

export function InviteesPanel({ meeting, onChanged }: { meeting: MeetingDetail; roles: BodyRoles; onChanged: () => void }) {
  const { t } = useI18n();
  const ref = { bodyId: meeting.bodyId, meetingId: meeting.id };
  const [form] = Form.useForm<{ name: string }>();
  const [rejectReason, setRejectReason] = useState('');
  const propose = useMutation({
    mutationFn: (values: { name: string }) => proposeObserver(ref, values.name.trim(), null),
    onSuccess: () => {
      form.resetFields();
      onChanged();
    },
  });
  const decide = useMutation({
    mutationFn: (input: { inviteeId: string; approve: boolean }) =>
      decideObserver(ref, input.inviteeId, input.approve, input.approve ? null : rejectReason.trim() === '' ? null : rejectReason.trim()),
    onSuccess: onChanged,
  });
  // What the server lists as allowed for the reader (policy, charter gate, meeting status).
  const mayDecide = isAllowed(meeting.actions, 'observer.decide');
  const mayPropose = isAllowed(meeting.actions, 'observer.propose');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Table<Invitee>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={meeting.invitees}
        locale={{ emptyText: t('invitees.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('invitees.unit'), key: 'unit', render: (_value, invitee) => invitee.unitName ?? t('common.none') },
          { title: t('invitees.name'), key: 'name', render: (_value, invitee) => invitee.personName ?? invitee.name ?? t('chart.vacant') },
          {
            title: t('invitees.role'),
            key: 'role',
            render: (_value, invitee) => (invitee.kind === 'observer' ? <Tag color="purple">{t('invitees.observer')}</Tag> : (invitee.title ?? t('invitees.member'))),
          },
          {
            title: t('invitees.approval'),
            key: 'approval',
            render: (_value, invitee) =>
              invitee.kind === 'observer' ? (
                <Space wrap size={4}>
                  <Tag color={APPROVAL_COLORS[invitee.approvalStatus]}>{t(`invitees.approval.${invitee.approvalStatus}`)}</Tag>
                  {mayDecide && invitee.approvalStatus === 'proposed' && (
                    <>
                      <Button size="small" type="primary" disabled={decide.isPending} onClick={() => decide.mutate({ inviteeId: invitee.id, approve: true })}>
                        {t('agenda.approve')}
                      </Button>
                      <Button size="small" danger disabled={decide.isPending} onClick={() => decide.mutate({ inviteeId: invitee.id, approve: false })}>
                        {t('agenda.reject')}
                      </Button>
                    </>
                  )}
                  {decide.isError && decide.variables.inviteeId === invitee.id && <InlineError error={decide.error} />}
                </Space>
              ) : (
                t('common.none')
              ),
          },
        ]}
      />
      {mayDecide && meeting.invitees.some((invitee) => invitee.approvalStatus === 'proposed') && (
        <Input
          aria-label={t('agenda.rejectReason')}
          placeholder={t('agenda.rejectReason')}
          value={rejectReason}
          onChange={(event) => setRejectReason(event.target.value)}
          style={{ maxWidth: 480 }}
        />
      )}
      {mayPropose && (
        <Card size="small" title={<h3 className="lx-card-title">{t('invitees.proposeObserver')}</h3>}>
          <Form form={form} layout="inline" name="propose-observer" onFinish={(values) => propose.mutate(values)}>
            <Form.Item name="name" label={t('invitees.observerName')} rules={[{ required: true, whitespace: true, message: t('invitees.observerName') }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Button htmlType="submit" loading={propose.isPending} disabled={propose.isPending}>
              {t('invitees.proposeObserver')}
            </Button>
            {propose.isError && <InlineError error={propose.error} />}
          </Form>
        </Card>
      )}
    </Space>
  );
}
