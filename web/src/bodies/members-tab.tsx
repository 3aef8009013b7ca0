/**
 * Members and liaisons as of a chosen date: conveners and deputies, then each member unit's member
 * and liaison; below, the membership change proposals to propose, confirm or return, with history.
 * The office acts on each post in place: 添加 where it is vacant, 更换 (a successor from a date) and
 * 结束 for a holder — directly or as a proposal, as the charter says (membership-post-dialog.tsx) —
 * and a post awaiting confirmation shows 待确认 with who must confirm; 历史 lists previous holders.
 */
import { useMemo, useState } from 'react';
import { Button, Card, Form, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { DateField } from '../common/date-field.tsx';
import { listBodyUnits, listMemberships, type Membership } from './bodies-api.ts';
import { todayInShanghai } from '../common/today.ts';
import { MembershipChangesCard } from './membership-changes-card.tsx';
import type { MyBodyRole } from './membership-changes-card.tsx';
import { getMembershipChangeRules, listMembershipChanges } from './membership-changes-api.ts';
import type { MembershipChange } from './membership-changes-api.ts';
import { MembershipPostDialog } from './membership-post-dialog.tsx';
import type { PostAction, PostTarget } from './membership-post-dialog.tsx';
import { MembershipPostHistory } from './membership-post-history.tsx';

interface PostDialogState {
  action: PostAction;
  post: PostTarget;
  holder: Membership | null;
}

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
  const office = myRoles.some((r) => r.role === 'office_staff');
  const rules = useQuery({ queryKey: ['membership-change-rules', bodyId], queryFn: () => getMembershipChangeRules(bodyId), enabled: office });
  const changes = useQuery({ queryKey: ['membership-changes', bodyId], queryFn: () => listMembershipChanges(bodyId) });
  const [dialog, setDialog] = useState<PostDialogState | null>(null);
  const [historyOf, setHistoryOf] = useState<{ unitId: string | null; unitName: string | null } | null>(null);
  const pendingOf = (unitId: string | null, roleKind: Membership['roleKind']): MembershipChange[] =>
    (changes.data?.items ?? []).filter((c) => c.status === 'proposed' && c.unitId === unitId && c.roleKind === roleKind);

  /** The holders of one post of a unit, the office's buttons, and the changes awaiting confirmation. */
  const postCell = (row: UnitRow, roleKind: 'member' | 'liaison') => {
    const holders = roleKind === 'member' ? row.members : row.liaisons;
    const title = holders[0]?.title ?? t(`changes.post.${roleKind}`);
    const post: PostTarget = { roleKind, title, unitId: row.unitId, unitName: row.name };
    const pending = pendingOf(row.unitId, roleKind);
    return (
      <Space orientation="vertical" size={2}>
        {holders.length === 0 && (
          <Space size={4} wrap>
            <Typography.Text type="secondary">{vacant}</Typography.Text>
            {office && (
              <Button size="small" type="link" aria-label={`${row.name} ${t('posts.add', { post: title })}`} onClick={() => setDialog({ action: 'start', post, holder: null })}>
                {t('posts.add', { post: title })}
              </Button>
            )}
          </Space>
        )}
        {holders.map((m) => {
          const unfilled = m.vacant || m.personId === null;
          return (
            <Space key={m.id} size={4} wrap>
              <span>{personText(m, vacant)}</span>
              {office && unfilled && (
                <Button size="small" type="link" aria-label={`${row.name} ${t('posts.fill', { post: m.title })}`} onClick={() => setDialog({ action: 'handover', post, holder: m })}>
                  {t('posts.fill', { post: m.title })}
                </Button>
              )}
              {office && !unfilled && (
                <>
                  <Button size="small" type="link" aria-label={`${row.name} ${m.title} ${t('posts.change')}`} onClick={() => setDialog({ action: 'handover', post, holder: m })}>
                    {t('posts.change')}
                  </Button>
                  <Button size="small" type="link" danger aria-label={`${row.name} ${m.title} ${t('posts.end')}`} onClick={() => setDialog({ action: 'end', post, holder: m })}>
                    {t('posts.end')}
                  </Button>
                </>
              )}
            </Space>
          );
        })}
        {pending.map((c) => (
          <Tooltip key={c.id} title={c.reason ?? undefined}>
            <Tag color="gold" data-testid="post-pending">
              {t('posts.pending', {
                change: `${t(`changes.kind.${c.kind}`)}${c.personName === null ? '' : `：${c.personName}`}`,
                confirmer: t(`changes.confirmer.${c.confirmer}`),
              })}
            </Tag>
          </Tooltip>
        ))}
      </Space>
    );
  };

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
    ...(office
      ? [
          {
            title: t('changes.actions'),
            key: 'actions',
            render: (_v: unknown, m: Membership) => {
              const post: PostTarget = { roleKind: m.roleKind, title: m.title, unitId: null, unitName: null };
              const unfilled = m.vacant || m.personId === null;
              return (
                <Button size="small" type="link" aria-label={`${m.title} ${unfilled ? t('posts.fill', { post: m.title }) : t('posts.change')}`} onClick={() => setDialog({ action: 'handover', post, holder: m })}>
                  {unfilled ? t('posts.fill', { post: m.title }) : t('posts.change')}
                </Button>
              );
            },
          },
        ]
      : []),
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
    { title: t('members.member'), key: 'member', render: (_v, row) => postCell(row, 'member') },
    { title: t('members.liaison'), key: 'liaison', render: (_v, row) => postCell(row, 'liaison') },
    {
      title: t('posts.history'),
      key: 'history',
      render: (_v, row) => (
        <Button size="small" type="link" aria-label={`${row.name} ${t('posts.history')}`} onClick={() => setHistoryOf({ unitId: row.unitId, unitName: row.name })}>
          {t('posts.history')}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Form layout="inline">
        <Form.Item label={t('members.asOf')} htmlFor="members-as-of" extra={t('members.asOfHint')}>
          <DateField id="members-as-of" value={date} allowClear={false} onChange={(value: Dayjs | null) => value !== null && setDate(value)} />
        </Form.Item>
      </Form>
      {memberships.isError && <ErrorAlert error={memberships.error} />}
      {units.isError && <ErrorAlert error={units.error} />}
      <MembershipChangesCard bodyId={bodyId} myRoles={myRoles} myAccountId={myAccountId} units={units.data?.items ?? []} memberships={memberships.data?.items ?? []} />
      <Card
        size="small"
        title={<h2 className="lx-card-title">{t('members.roles')}</h2>}
        extra={
          <Button size="small" onClick={() => setHistoryOf({ unitId: null, unitName: null })}>
            {t('posts.history')}
          </Button>
        }
      >
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
      {dialog !== null && (
        <MembershipPostDialog
          bodyId={bodyId}
          action={dialog.action}
          post={dialog.post}
          holder={dialog.holder}
          rule={rules.data?.items.find((r) => r.roleKind === dialog.post.roleKind)}
          onClose={() => setDialog(null)}
        />
      )}
      {historyOf !== null && (
        <MembershipPostHistory bodyId={bodyId} unitId={historyOf.unitId} unitName={historyOf.unitName} today={todayInShanghai()} onClose={() => setHistoryOf(null)} />
      )}
    </Space>
  );
}
