/**
 * Attendance per invited member unit: attended; a substitute (named); the liaison with the unit's
 * written opinion; absent with leave (reason); absent. The office records it once the meeting is held:
 * 全部出席 marks every unit not yet recorded as present, then only the exceptions need a choice
 * (issue 15 point 6); saving is one request at a time.
 */
import { useMemo, useState } from 'react';
import { App as AntApp, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { ATTENDANCE_STATUSES, recordAttendance, type AttendanceEntry, type AttendanceStatus, type MeetingDetail } from './meetings-api.ts';
import type { BodyRoles } from './body-roles.ts';

interface Row {
  unitId: string;
  unitName: string;
  personName: string | null;
}

type Draft = Record<string, AttendanceEntry>;

export function AttendancePanel({ meeting, roles, onChanged }: { meeting: MeetingDetail; roles: BodyRoles; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const rows = useMemo<Row[]>(() => {
    const seen = new Map<string, Row>();
    for (const invitee of meeting.invitees) {
      if (invitee.kind !== 'member' || invitee.unitId === null || seen.has(invitee.unitId)) continue;
      seen.set(invitee.unitId, { unitId: invitee.unitId, unitName: invitee.unitName ?? '', personName: invitee.personName });
    }
    for (const entry of meeting.attendance) {
      if (!seen.has(entry.unitId)) seen.set(entry.unitId, { unitId: entry.unitId, unitName: entry.unitName, personName: null });
    }
    return [...seen.values()];
  }, [meeting.invitees, meeting.attendance]);
  const [draft, setDraft] = useState<Draft>(() =>
    Object.fromEntries(
      meeting.attendance.map((entry) => [
        entry.unitId,
        {
          unitId: entry.unitId,
          status: entry.status,
          substituteName: entry.substituteName,
          substitutePosition: entry.substitutePosition,
          opinion: entry.opinion,
          leaveReason: entry.leaveReason,
        },
      ]),
    ),
  );
  const save = useMutation({
    mutationFn: () => recordAttendance({ bodyId: meeting.bodyId, meetingId: meeting.id }, Object.values(draft)),
    onSuccess: () => {
      void message.success(t('attendance.saved'));
      onChanged();
    },
  });
  const editable = roles.office;
  const unrecorded = rows.filter((row) => draft[row.unitId] === undefined);
  const markAllPresent = () => {
    setDraft((current) => {
      const next = { ...current };
      for (const row of rows) next[row.unitId] ??= { unitId: row.unitId, status: 'attended' };
      return next;
    });
    void message.info(t('attendance.allPresentDone', { count: unrecorded.length }));
  };
  const set = (unitId: string, patch: Partial<AttendanceEntry>) =>
    setDraft((current) => ({ ...current, [unitId]: { unitId, status: current[unitId]?.status ?? 'attended', ...current[unitId], ...patch } }));

  const detailField = (row: Row, entry: AttendanceEntry | undefined) => {
    if (entry === undefined) return null;
    const field = (key: 'substituteName' | 'substitutePosition' | 'opinion' | 'leaveReason', label: string) => (
      <Input
        key={key}
        size="small"
        aria-label={`${row.unitName} ${label}`}
        placeholder={label}
        value={entry[key] ?? ''}
        disabled={!editable}
        onChange={(event) => set(row.unitId, { [key]: event.target.value === '' ? null : event.target.value })}
        style={{ width: 180 }}
      />
    );
    switch (entry.status) {
      case 'substitute':
        return [field('substituteName', t('attendance.substituteName')), field('substitutePosition', t('attendance.substitutePosition'))];
      case 'liaison_with_opinion':
        return field('opinion', t('attendance.opinion'));
      case 'absent_with_leave':
        return field('leaveReason', t('attendance.leaveReason'));
      default:
        return null;
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {save.isError && <ErrorAlert error={save.error} />}
      {editable && (
        <Space wrap>
          <Button onClick={markAllPresent} disabled={unrecorded.length === 0 || save.isPending} title={t('attendance.allPresentHint')}>
            {t('attendance.allPresent')}
          </Button>
          <Typography.Text type="secondary">{t('attendance.allPresentHint')}</Typography.Text>
        </Space>
      )}
      <Table<Row>
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('attendance.unit'), dataIndex: 'unitName', key: 'unit' },
          { title: t('members.member'), key: 'person', responsive: ['md'], render: (_value, row) => row.personName ?? t('common.none') },
          {
            title: t('attendance.status'),
            key: 'status',
            render: (_value, row) =>
              editable ? (
                <Select<AttendanceStatus>
                  size="small"
                  aria-label={`${row.unitName} ${t('attendance.status')}`}
                  placeholder={t('attendance.notRecorded')}
                  value={draft[row.unitId]?.status}
                  onChange={(status) => set(row.unitId, { status })}
                  style={{ width: 200 }}
                  options={ATTENDANCE_STATUSES.map((status) => ({ value: status, label: t(`attendance.status.${status}`) }))}
                />
              ) : draft[row.unitId] === undefined ? (
                <Tag>{t('attendance.notRecorded')}</Tag>
              ) : (
                <Tag>{t(`attendance.status.${draft[row.unitId]?.status ?? 'attended'}`)}</Tag>
              ),
          },
          {
            title: t('attendance.detail'),
            key: 'detail',
            render: (_value, row) => <Space wrap>{detailField(row, draft[row.unitId])}</Space>,
          },
        ]}
      />
      {editable && (
        <Button
          type="primary"
          disabled={Object.keys(draft).length === 0 || save.isPending}
          loading={save.isPending}
          onClick={() => {
            if (!save.isPending) save.mutate();
          }}
        >
          {t('attendance.save')}
        </Button>
      )}
    </Space>
  );
}
