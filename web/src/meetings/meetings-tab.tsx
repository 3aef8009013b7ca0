/**
 * A body's meetings: the list (newest first; sort by time, title, kind or status; filter by status
 * on the server and by kind; page size and total) and, for the office, scheduling a new one. A
 * body holds tens of meetings a year, so the one list the server returns is sorted and paged here.
 * Below the md breakpoint only the key columns show (title, time, status).
 */
import { useState } from 'react';
import { Form, Input, Modal, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { ActionButton } from '../common/action-button.tsx';
import { DateField } from '../common/date-field.tsx';
import { refusedByCharter, useBodyActions } from '../bodies/body-actions-api.ts';
import { createMeeting, listMeetings, MEETING_KINDS, MEETING_STATUSES, type MeetingKind, type MeetingStatus, type MeetingSummary } from './meetings-api.ts';
import { formatTime, MeetingStatusTag } from './meeting-labels.tsx';

const PAGE_SIZES = [10, 20, 50, 100];

export function MeetingsTab({ bodyId }: { bodyId: string }) {
  const { t } = useI18n();
  // 新建会议 as the server lists it on the body (policy, the body's status): issue 15.
  const bodyActions = useBodyActions(bodyId).data?.actions;
  const [status, setStatus] = useState<MeetingStatus | undefined>();
  const [kind, setKind] = useState<MeetingKind | undefined>();
  const [creating, setCreating] = useState(false);
  const meetings = useQuery({
    queryKey: ['meetings', bodyId, status ?? null],
    queryFn: () => listMeetings(bodyId, status === undefined ? {} : { status }),
  });
  const items = (meetings.data?.items ?? []).filter((meeting) => kind === undefined || meeting.kind === kind);
  const columns: TableColumnsType<MeetingSummary> = [
    {
      title: t('meetings.column.title'),
      key: 'title',
      sorter: (a, b) => a.title.localeCompare(b.title, 'zh-CN'),
      render: (_value, meeting) => (
        <Link to={`/bodies/${bodyId}/meetings/${meeting.id}`} className="lx-strong-link">
          {meeting.title}
        </Link>
      ),
    },
    {
      title: t('meetings.column.startsAt'),
      key: 'startsAt',
      width: 150,
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.startsAt.localeCompare(b.startsAt),
      render: (_value, meeting) => formatTime(meeting.startsAt),
    },
    {
      title: t('meetings.column.kind'),
      key: 'kind',
      responsive: ['md'],
      sorter: (a, b) => MEETING_KINDS.indexOf(a.kind) - MEETING_KINDS.indexOf(b.kind),
      render: (_value, meeting) => meeting.kindName,
    },
    {
      title: t('meetings.column.status'),
      key: 'status',
      sorter: (a, b) => MEETING_STATUSES.indexOf(a.status) - MEETING_STATUSES.indexOf(b.status),
      render: (_value, meeting) => <MeetingStatusTag status={meeting.status} />,
    },
    { title: t('meetings.column.location'), key: 'location', responsive: ['lg'], render: (_value, meeting) => meeting.location ?? t('common.none') },
  ];
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<MeetingStatus>
          aria-label={t('meetings.filter.status')}
          placeholder={t('meetings.filter.status')}
          allowClear
          value={status}
          onChange={setStatus}
          style={{ minWidth: 160 }}
          options={MEETING_STATUSES.map((value) => ({ value, label: t(`meeting.status.${value}`) }))}
        />
        <Select<MeetingKind>
          aria-label={t('meetings.filter.kind')}
          placeholder={t('meetings.filter.kind')}
          allowClear
          value={kind}
          onChange={setKind}
          style={{ minWidth: 140 }}
          options={MEETING_KINDS.map((value) => ({ value, label: t(`meeting.kind.${value}`) }))}
        />
        <ActionButton
          actions={bodyActions}
          action="meeting.create"
          type="primary"
          icon={<PlusOutlined />}
          showRefused={refusedByCharter(bodyActions, 'meeting.create')}
          onOpen={() => setCreating(true)}
        >
          {t('meetings.create')}
        </ActionButton>
      </Space>
      {meetings.isError && <ErrorAlert error={meetings.error} />}
      <Table<MeetingSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={meetings.isFetching}
        showSorterTooltip={false}
        locale={{ emptyText: t('meetings.empty') }}
        pagination={{
          defaultPageSize: 20,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          hideOnSinglePage: false,
          showTotal: (total) => t('lists.total', { count: total }),
        }}
      />
      <CreateMeetingModal bodyId={bodyId} open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

interface CreateValues {
  kind: MeetingKind;
  title: string;
  startsAt: Dayjs;
  endsAt?: Dayjs | null;
  location?: string;
}

function CreateMeetingModal({ bodyId, open, onClose }: { bodyId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const create = useMutation({
    mutationFn: (values: CreateValues) =>
      createMeeting(bodyId, {
        kind: values.kind,
        title: values.title.trim(),
        startsAt: values.startsAt.toISOString(),
        endsAt: values.endsAt == null ? null : values.endsAt.toISOString(),
        location: values.location?.trim() === '' || values.location === undefined ? null : values.location.trim(),
      }),
    onSuccess: (meeting) => {
      void queryClient.invalidateQueries({ queryKey: ['meetings', bodyId] });
      onClose();
      void navigate(`/bodies/${bodyId}/meetings/${meeting.id}`);
    },
  });
  return (
    <Modal
      open={open}
      title={t('meetings.create')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Form<CreateValues> form={form} layout="vertical" name="create-meeting" initialValues={{ kind: 'plenary' }} onFinish={(values) => create.mutate(values)}>
        {create.isError && (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={create.error} />
          </div>
        )}
        <Form.Item name="kind" label={t('meetingForm.kind')} rules={[{ required: true }]}>
          <Select<MeetingKind> options={MEETING_KINDS.map((kind) => ({ value: kind, label: t(`meeting.kind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('meetingForm.title')} rules={[{ required: true, whitespace: true, message: t('meetingForm.titleRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="startsAt" label={t('meetingForm.startsAt')} rules={[{ required: true, message: t('meetingForm.startsAtRequired') }]}>
          <DateField showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endsAt" label={t('meetingForm.endsAt')}>
          <DateField showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="location" label={t('meetingForm.location')}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
