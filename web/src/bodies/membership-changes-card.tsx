/**
 * Membership change proposals (人员调整建议) on the members tab: a unit's liaison or member (for its
 * own unit) or the office proposes to start, end or hand over a member's or liaison's post; the
 * office or the convener confirms or returns it as the charter says (a plenary's decision is
 * recorded by the office with its basis). The list is the history: who proposed and decided, as
 * which role, under which clause (or the system default), and from when the change took effect.
 */
import { useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, Modal, Radio, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { DateField } from '../common/date-field.tsx';
import { todayInShanghai } from '../common/today.ts';
import type { BodyUnit, Membership } from './bodies-api.ts';
import { confirmMembershipChange, listMembershipChanges, proposeMembershipChange, rejectMembershipChange } from './membership-changes-api.ts';
import type { MembershipChange } from './membership-changes-api.ts';

/** A role the signed-in account holds in the body (from the body's detail). */
export interface MyBodyRole {
  role: string;
  unitId: string | null;
}

interface ProposeValues {
  unitId: string;
  roleKind: 'member' | 'liaison';
  kind: 'start' | 'end' | 'handover';
  membershipId?: string;
  personName?: string;
  position?: string;
  effectiveDate: Dayjs;
  reason: string;
}

const STATUS_COLORS: Record<MembershipChange['status'], string> = { proposed: 'gold', confirmed: 'green', rejected: 'default' };

function ProposeDialog({
  bodyId,
  units,
  memberships,
  onClose,
}: {
  bodyId: string;
  units: BodyUnit[];
  memberships: Membership[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProposeValues>();
  const unitId = Form.useWatch('unitId', form);
  const roleKind = Form.useWatch('roleKind', form);
  const kind = Form.useWatch('kind', form);
  const holders = memberships.filter((m) => m.unitId === unitId && m.roleKind === roleKind);
  const propose = useMutation({
    mutationFn: (values: ProposeValues) => {
      const effectiveDate = values.effectiveDate.format('YYYY-MM-DD');
      const reason = values.reason.trim();
      const position = values.position?.trim() ? values.position.trim() : null;
      if (values.kind === 'start') {
        return proposeMembershipChange(bodyId, {
          kind: 'start',
          roleKind: values.roleKind,
          title: t(`changes.post.${values.roleKind}`),
          unitId: values.unitId,
          personName: values.personName?.trim() ?? '',
          position,
          effectiveDate,
          reason,
        });
      }
      if (values.kind === 'end') return proposeMembershipChange(bodyId, { kind: 'end', membershipId: values.membershipId ?? '', effectiveDate, reason });
      return proposeMembershipChange(bodyId, {
        kind: 'handover',
        membershipId: values.membershipId ?? '',
        personName: values.personName?.trim() ?? '',
        ...(position === null ? {} : { position }),
        effectiveDate,
        reason,
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['membership-changes', bodyId] });
      void message.success(t('changes.proposed'));
      onClose();
    },
  });
  const today = dayjs(todayInShanghai());
  return (
    <Modal open title={t('changes.propose')} okText={t('changes.propose')} cancelText={t('common.cancel')} confirmLoading={propose.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<ProposeValues>
        form={form}
        layout="vertical"
        name="propose-membership-change"
        initialValues={{ unitId: units.length === 1 ? units[0]?.unitId : undefined, roleKind: 'member', kind: 'handover', effectiveDate: today }}
        onFinish={(values) => propose.mutate(values)}
      >
        {propose.isError && (
          <div style={{ marginBottom: 16 }} data-testid="propose-error">
            <ErrorAlert error={propose.error} />
          </div>
        )}
        <Form.Item name="unitId" label={t('changes.unit')} rules={[{ required: true, message: t('changes.unitRequired') }]}>
          <Select options={units.map((u) => ({ value: u.unitId, label: u.name }))} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="roleKind" label={t('changes.post')}>
          <Radio.Group
            options={[
              { value: 'member', label: t('changes.post.member') },
              { value: 'liaison', label: t('changes.post.liaison') },
            ]}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('changes.kind')}>
          <Radio.Group
            options={(['handover', 'start', 'end'] as const).map((k) => ({ value: k, label: t(`changes.kind.${k}`) }))}
          />
        </Form.Item>
        {kind !== 'start' && (
          <Form.Item name="membershipId" label={t('changes.holder')} rules={[{ required: true, message: t('changes.holderRequired') }]}>
            <Select options={holders.map((m) => ({ value: m.id, label: m.personName ?? m.position ?? m.title }))} />
          </Form.Item>
        )}
        {kind !== 'end' && (
          <>
            <Form.Item name="personName" label={t('changes.person')} rules={[{ required: true, whitespace: true, message: t('changes.personRequired') }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="position" label={t('changes.position')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Form.Item name="effectiveDate" label={t('changes.effectiveDate')} extra={t('changes.effectiveDateHint')} rules={[{ required: true }]}>
          <DateField disabledDate={(day) => day.isBefore(today, 'day')} />
        </Form.Item>
        <Form.Item name="reason" label={t('changes.reason')} rules={[{ required: true, whitespace: true, message: t('changes.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecideDialog({ bodyId, change, action, onClose }: { bodyId: string; change: MembershipChange; action: 'confirm' | 'reject'; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note?: string }>();
  const plenary = change.confirmer === 'plenary';
  const noteRequired = action === 'reject' || plenary;
  const decide = useMutation({
    mutationFn: (note: string) =>
      action === 'confirm' ? confirmMembershipChange(bodyId, change.id, { note: note === '' ? null : note }) : rejectMembershipChange(bodyId, change.id, note),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['membership-changes', bodyId] });
      void queryClient.invalidateQueries({ queryKey: ['memberships', bodyId] });
      void message.success(t(action === 'confirm' ? 'changes.confirmed' : 'changes.rejected'));
      onClose();
    },
  });
  const label = action === 'reject' ? t('changes.rejectNote') : plenary ? t('changes.notePlenary') : t('changes.note');
  const requiredMessage = action === 'reject' ? t('changes.rejectNoteRequired') : t('changes.notePlenaryRequired');
  return (
    <Modal
      open
      title={t(action === 'confirm' ? 'changes.confirmTitle' : 'changes.rejectTitle')}
      okText={t(action === 'confirm' ? 'changes.confirm' : 'changes.reject')}
      okButtonProps={action === 'reject' ? { danger: true } : {}}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name={`${action}-membership-change`} onFinish={(values) => decide.mutate(values.note?.trim() ?? '')}>
        {decide.isError && (
          <div style={{ marginBottom: 16 }} data-testid="decide-error">
            <ErrorAlert error={decide.error} />
          </div>
        )}
        <Form.Item name="note" label={label} rules={noteRequired ? [{ required: true, whitespace: true, message: requiredMessage }] : []}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function MembershipChangesCard({
  bodyId,
  myRoles,
  myAccountId,
  units,
  memberships,
}: {
  bodyId: string;
  myRoles: MyBodyRole[];
  myAccountId: string;
  units: BodyUnit[];
  memberships: Membership[];
}) {
  const { t } = useI18n();
  const changes = useQuery({ queryKey: ['membership-changes', bodyId], queryFn: () => listMembershipChanges(bodyId) });
  const [proposing, setProposing] = useState(false);
  const [deciding, setDeciding] = useState<{ change: MembershipChange; action: 'confirm' | 'reject' } | null>(null);
  const office = myRoles.some((r) => r.role === 'office_staff');
  const convener = myRoles.some((r) => r.role === 'convener');
  const proposableUnits = useMemo(
    () => (office ? units : units.filter((u) => myRoles.some((r) => (r.role === 'liaison' || r.role === 'member') && r.unitId === u.unitId))),
    [office, units, myRoles],
  );
  const mayDecide = (change: MembershipChange): boolean =>
    change.status === 'proposed' && (change.confirmer === 'convener' ? convener : office);

  const columns: TableColumnsType<MembershipChange> = [
    { title: t('changes.unit'), key: 'unit', render: (_v, c) => c.unitName ?? t('common.none') },
    {
      title: t('changes.content'),
      key: 'content',
      render: (_v, c) => (
        <Space orientation="vertical" size={0}>
          <span>
            <Tag>{t(`changes.kind.${c.kind}`)}</Tag>
            {c.title}
            {c.kind === 'handover' && `：${c.holderName ?? '—'} → ${c.personName ?? '—'}`}
            {c.kind === 'start' && `：${c.personName ?? '—'}`}
            {c.kind === 'end' && `：${c.holderName ?? '—'}`}
          </span>
          {c.reason !== null && <Typography.Text type="secondary">{c.reason}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('changes.effectiveDate'), dataIndex: 'effectiveDate', key: 'effectiveDate', width: 110 },
    {
      title: t('changes.status'),
      key: 'status',
      render: (_v, c) => (
        <Space orientation="vertical" size={0}>
          <Tag color={STATUS_COLORS[c.status]}>{t(`changes.status.${c.status}`)}</Tag>
          {c.tookEffectOn !== null && <Typography.Text type="secondary">{t('changes.tookEffect', { date: c.tookEffectOn })}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('changes.proposedBy'),
      key: 'proposedBy',
      render: (_v, c) => `${c.proposedBy.name ?? ''}（${t(`changes.as.${c.proposedBy.as}`)}）`,
    },
    {
      title: t('changes.confirmer'),
      key: 'confirmer',
      render: (_v, c) => (
        <Tooltip title={c.basis.kind === 'rule' ? c.basis.clause.text : c.basis.text}>
          <span>
            {t(`changes.confirmer.${c.confirmer}`)}
            <Typography.Text type="secondary">
              {'（'}
              {c.basis.kind === 'rule' ? `${t('changes.basis')}：${c.basis.clause.clause ?? c.basis.clause.document ?? ''}` : t('changes.basisDefault')}
              {'）'}
            </Typography.Text>
          </span>
        </Tooltip>
      ),
    },
    {
      title: t('changes.decidedBy'),
      key: 'decidedBy',
      render: (_v, c) =>
        c.decidedBy === null ? (
          t('common.none')
        ) : (
          <Space orientation="vertical" size={0}>
            <span>{`${c.decidedBy.name ?? ''}（${c.decidedBy.as === null ? '' : t(`changes.as.${c.decidedBy.as}`)}）`}</span>
            {c.decidedBy.note !== null && <Typography.Text type="secondary">{c.decidedBy.note}</Typography.Text>}
          </Space>
        ),
    },
    {
      title: t('changes.actions'),
      key: 'actions',
      render: (_v, c) => {
        if (!mayDecide(c)) return null;
        if (c.proposedBy.accountId === myAccountId) return <Typography.Text type="secondary">{t('changes.ownProposal')}</Typography.Text>;
        return (
          <Space>
            <Button size="small" type="primary" onClick={() => setDeciding({ change: c, action: 'confirm' })}>
              {t('changes.confirm')}
            </Button>
            <Button size="small" danger onClick={() => setDeciding({ change: c, action: 'reject' })}>
              {t('changes.reject')}
            </Button>
          </Space>
        );
      },
    },
  ];

  return (
    <Card
      size="small"
      title={<h2 className="lx-card-title">{t('changes.title')}</h2>}
      extra={
        proposableUnits.length > 0 && (
          <Button type="primary" onClick={() => setProposing(true)}>
            {t('changes.propose')}
          </Button>
        )
      }
      data-testid="membership-changes"
    >
      <Typography.Paragraph type="secondary">{t('changes.hint')}</Typography.Paragraph>
      {changes.isError && <ErrorAlert error={changes.error} />}
      <Table<MembershipChange>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={changes.data?.items ?? []}
        loading={changes.isFetching}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('changes.empty') }}
        scroll={{ x: 'max-content' }}
      />
      {proposing && <ProposeDialog bodyId={bodyId} units={proposableUnits} memberships={memberships} onClose={() => setProposing(false)} />}
      {deciding !== null && <DecideDialog bodyId={bodyId} change={deciding.change} action={deciding.action} onClose={() => setDeciding(null)} />}
    </Card>
  );
}
