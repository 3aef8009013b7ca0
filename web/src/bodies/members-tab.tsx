/**
 * Members and liaisons as of a chosen date: conveners and deputies, then each member unit's member
 * and liaison; below, the membership change proposals to propose, confirm or return, with history.
 */
import { useMemo, useState } from 'react';
import { Card, DatePicker, Form, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { listBodyUnits, listMemberships, type Membership } from './bodies-api.ts';
import { todayInShanghai } from '../common/today.ts';
import { MembershipChangesCard } from './membership-changes-card.tsx';
import type { MyBodyRole } from './membership-changes-card.tsx';

interface UnitRow {
  unitId: string;
  name: string;
  lead: boolean;
  members: Membership[];
  liaisons: Membership[];
}

function personText(membership: Membership, vacant: string): string {
  if (membership.vacant || membership.personName === null) return membership.position ?? vacant;
  return membership.position === null ? membership.personName : `${membership.personName}（${membership.position}）`;
}

export function MembersTab({ bodyId, myRoles = [], myAccountId = '' }: { bodyId: string; myRoles?: MyBodyRole[]; myAccountId?: string }) {
  const { t } = useI18n();
  const [date, setDate] = useState<Dayjs>(() => dayjs(todayInShanghai()));
  const at = date.format('YYYY-MM-DD');
  const memberships = useQuery({ queryKey: ['memberships', bodyId, at], queryFn: () => listMemberships(bodyId, at) });
  const units = useQuery({ queryKey: ['body-units', bodyId, at], queryFn: () => listBodyUnits(bodyId, at) });
  const vacant = t('chart.vacant');

  const leaders = useMemo(
    () => (memberships.data?.items ?? []).filter((m) => m.roleKind === 'convener' || m.roleKind === 'deputy_convener'),
    [memberships.data],
  );
  const unitRows = useMemo<UnitRow[]>(() => {
    const all = memberships.data?.items ?? [];
    return (units.data?.items ?? []).map((unit) => ({
      unitId: unit.unitId,
      name: unit.name,
      lead: unit.lead,
      members: all.filter((m) => m.unitId === unit.unitId && m.roleKind === 'member'),
      liaisons: all.filter((m) => m.unitId === unit.unitId && m.roleKind === 'liaison'),
    }));
  }, [memberships.data, units.data]);

  const leaderColumns: TableColumnsType<Membership> = [
    { title: t('members.role'), key: 'title', width: 140, render: (_v, m) => <Tag color={m.roleKind === 'convener' ? 'red' : 'blue'}>{m.title}</Tag> },
    { title: t('members.person'), key: 'person', render: (_v, m) => (m.vacant ? vacant : (m.personName ?? vacant)) },
    { title: t('members.position'), key: 'position', render: (_v, m) => m.position ?? t('common.none') },
    { title: t('members.from'), dataIndex: 'validFrom', key: 'from', width: 120, responsive: ['md'] },
  ];
  const unitColumns: TableColumnsType<UnitRow> = [
    {
      title: t('members.unit'),
      key: 'unit',
      render: (_v, row) => (
        <Space size={4}>
          {row.name}
          {row.lead && <Tag color="blue">{t('members.lead')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('members.member'),
      key: 'member',
      render: (_v, row) => (row.members.length === 0 ? <Typography.Text type="secondary">{vacant}</Typography.Text> : row.members.map((m) => <div key={m.id}>{personText(m, vacant)}</div>)),
    },
    {
      title: t('members.liaison'),
      key: 'liaison',
      render: (_v, row) => (row.liaisons.length === 0 ? <Typography.Text type="secondary">{vacant}</Typography.Text> : row.liaisons.map((m) => <div key={m.id}>{personText(m, vacant)}</div>)),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Form layout="inline">
        <Form.Item label={t('members.asOf')} htmlFor="members-as-of" extra={t('members.asOfHint')}>
          <DatePicker id="members-as-of" value={date} allowClear={false} onChange={(value: Dayjs | null) => value !== null && setDate(value)} />
        </Form.Item>
      </Form>
      {memberships.isError && <ErrorAlert error={memberships.error} />}
      {units.isError && <ErrorAlert error={units.error} />}
      <MembershipChangesCard bodyId={bodyId} myRoles={myRoles} myAccountId={myAccountId} units={units.data?.items ?? []} memberships={memberships.data?.items ?? []} />
      <Card size="small" title={<h2 className="lx-card-title">{t('members.roles')}</h2>}>
        <Table<Membership>
          rowKey="id"
          size="small"
          columns={leaderColumns}
          dataSource={leaders}
          loading={memberships.isFetching}
          pagination={false}
          locale={{ emptyText: t('members.empty') }}
        />
      </Card>
      <Card size="small" title={<h2 className="lx-card-title">{`${t('members.units')}（${unitRows.length}）`}</h2>}>
        <Table<UnitRow>
          rowKey="unitId"
          size="small"
          columns={unitColumns}
          dataSource={unitRows}
          loading={units.isFetching || memberships.isFetching}
          pagination={false}
          locale={{ emptyText: t('members.empty') }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
    </Space>
  );
}
