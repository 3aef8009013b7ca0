/**
 * A meeting: details (kind, time, place, presiding, delegation, notice, findings), its lifecycle
 * actions for the office, and tabs for the agenda, invitees, attendance and minutes. Every refusal
 * shows the server's Chinese message and the charter clause.
 */
import { useState } from 'react';
import { Alert, Breadcrumb, Card, Collapse, Descriptions, Input, Modal, Result, Select, Space, Spin, Tabs } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { ActionButton, InlineError, findAction, isAllowed } from '../common/action-button.tsx';
import { AppError } from '../api/app-error.ts';
import { getBody, listMemberships } from '../bodies/bodies-api.ts';
import { CalendarOutlined, DownloadOutlined } from '@ant-design/icons';
import { cancelMeeting, delegate, getMeeting, markHeld, invitationUrl, noticeDocumentUrl, postponeMeeting, scheduleMeeting, setPresider, type MeetingDetail } from './meetings-api.ts';
import { useBodyRoles, type BodyRoles } from './body-roles.ts';
import { formatTime, MeetingStatusTag } from './meeting-labels.tsx';
import { AgendaPanel } from './agenda-panel.tsx';
import { InviteesPanel } from './invitees-panel.tsx';
import { AttendancePanel } from './attendance-panel.tsx';
import { MinutesPanel } from './minutes-panel.tsx';

const TABS = ['agenda', 'invitees', 'attendance', 'minutes'] as const;
type TabKey = (typeof TABS)[number];

export function MeetingPage() {
  const { t } = useI18n();
  const { bodyId = '', meetingId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((key) => key === params.get('tab')) ?? 'agenda';
  const queryClient = useQueryClient();
  const body = useQuery({ queryKey: ['body', bodyId], queryFn: () => getBody(bodyId) });
  const meeting = useQuery({ queryKey: ['meeting', bodyId, meetingId], queryFn: () => getMeeting({ bodyId, meetingId }) });
  const roles = useBodyRoles(bodyId);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['meeting', bodyId, meetingId] });
    void queryClient.invalidateQueries({ queryKey: ['meetings', bodyId] });
  };

  if (meeting.isPending) return <Spin description={t('app.loading')} style={{ display: 'block', marginTop: 80 }} />;
  if (meeting.isError) {
    if (meeting.error instanceof AppError && meeting.error.status === 404) {
      return <Result status="404" title={t('error.pageNotFound')} extra={<Link to={`/bodies/${bodyId}?tab=meetings`}>{t('meetings.title')}</Link>} />;
    }
    return <ErrorAlert error={meeting.error} />;
  }
  const detail = meeting.data;
  const unitOptions = (body.data?.memberUnits ?? [])
    .filter((unit) => roles.office || roles.unitIds.includes(unit.unitId))
    .map((unit) => ({ value: unit.unitId, label: unit.name }));

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/bodies">{t('nav.bodies')}</Link> },
          { title: <Link to={`/bodies/${bodyId}`}>{body.data?.name ?? '…'}</Link> },
          { title: <Link to={`/bodies/${bodyId}?tab=meetings`}>{t('meetings.title')}</Link> },
          { title: detail.title },
        ]}
      />
      <Space align="center" wrap style={{ marginBottom: 8 }}>
        <h1 className="lx-page-title" style={{ marginBottom: 0 }}>
          {detail.title}
        </h1>
        <span data-testid="meeting-status">
          <MeetingStatusTag status={detail.status} />
        </span>
      </Space>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <MeetingActions meeting={detail} roles={roles} onChanged={refresh} />
        <MeetingDetails meeting={detail} roles={roles} onChanged={refresh} />
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'agenda' ? {} : { tab: key })}
          destroyOnHidden
          items={[
            { key: 'agenda', label: t('meeting.tab.agenda'), children: <AgendaPanel meeting={detail} roles={roles} unitOptions={unitOptions} onChanged={refresh} /> },
            { key: 'invitees', label: t('meeting.tab.invitees'), children: <InviteesPanel meeting={detail} roles={roles} onChanged={refresh} /> },
            {
              key: 'attendance',
              label: t('meeting.tab.attendance'),
              children: <AttendancePanel key={detail.version} meeting={detail} roles={roles} onChanged={refresh} />,
            },
            { key: 'minutes', label: t('meeting.tab.minutes'), children: <MinutesPanel meeting={detail} roles={roles} onChanged={refresh} /> },
          ]}
        />
      </Space>
    </div>
  );
}

type ReasonAction = 'cancel' | 'postpone';

/**
 * The lifecycle buttons the server lists as allowed for the reader on this meeting (issue 15): each
 * runs once at a time and shows a refusal beside itself. 标记为已召开 shows disabled with its reason
 * before the meeting has started, so the office sees why it cannot yet be pressed.
 */
function MeetingActions({ meeting, onChanged }: { meeting: MeetingDetail; roles: BodyRoles; onChanged: () => void }) {
  const { t } = useI18n();
  const ref = { bodyId: meeting.bodyId, meetingId: meeting.id };
  const [asking, setAsking] = useState<ReasonAction | null>(null);
  const [reason, setReason] = useState('');
  const action = useMutation({
    mutationFn: (run: () => Promise<MeetingDetail>) => run(),
    onSuccess: () => {
      setAsking(null);
      setReason('');
      onChanged();
    },
  });
  const actions = meeting.actions;
  const names = ['meeting.schedule', 'meeting.mark_held', 'meeting.postpone', 'meeting.cancel', 'meeting.download_notice', 'meeting.download_invitation'];
  const heldAction = findAction(actions, 'meeting.mark_held');
  // 标记为已召开 stays visible (disabled, with the reason) for the office while the meeting is scheduled.
  const showHeldRefused = meeting.status === 'scheduled' && isAllowed(actions, 'meeting.postpone') && heldAction !== undefined;
  if (!names.some((name) => isAllowed(actions, name)) && !showHeldRefused) return null;
  return (
    <>
      <Space wrap>
        <ActionButton actions={actions} action="meeting.schedule" type="primary" run={() => scheduleMeeting(ref)} onDone={onChanged}>
          {t('meeting.action.schedule')}
        </ActionButton>
        <ActionButton actions={actions} action="meeting.mark_held" type="primary" showRefused={showHeldRefused} run={() => markHeld(ref)} onDone={onChanged}>
          {t('meeting.action.held')}
        </ActionButton>
        <ActionButton actions={actions} action="meeting.postpone" onOpen={() => setAsking('postpone')}>
          {t('meeting.action.postpone')}
        </ActionButton>
        <ActionButton actions={actions} action="meeting.cancel" danger onOpen={() => setAsking('cancel')}>
          {t('meeting.action.cancel')}
        </ActionButton>
        {meeting.noticeSentAt !== null && (
          <ActionButton actions={actions} action="meeting.download_notice" href={noticeDocumentUrl(ref)} icon={<DownloadOutlined />}>
            {t('meeting.downloadNotice')}
          </ActionButton>
        )}
        <ActionButton actions={actions} action="meeting.download_invitation" href={invitationUrl(ref)} icon={<CalendarOutlined />}>
          {t('meeting.downloadInvitation')}
        </ActionButton>
      </Space>
      <Modal
        open={asking !== null}
        title={asking === null ? '' : t(asking === 'cancel' ? 'meeting.action.cancel' : 'meeting.action.postpone')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: reason.trim() === '' || action.isPending }}
        confirmLoading={action.isPending}
        onCancel={() => {
          setAsking(null);
          action.reset();
        }}
        onOk={() => action.mutate(() => (asking === 'cancel' ? cancelMeeting(ref, reason.trim()) : postponeMeeting(ref, reason.trim())))}
      >
        <Input.TextArea aria-label={t('meeting.action.reasonLabel')} placeholder={t('meeting.action.reasonRequired')} value={reason} onChange={(event) => setReason(event.target.value)} rows={3} />
        {action.isError && (
          <div style={{ marginTop: 8 }}>
            <InlineError error={action.error} />
          </div>
        )}
      </Modal>
    </>
  );
}

function MeetingDetails({ meeting, roles, onChanged }: { meeting: MeetingDetail; roles: BodyRoles; onChanged: () => void }) {
  const { t, count } = useI18n();
  const ref = { bodyId: meeting.bodyId, meetingId: meeting.id };
  const day = dayjs(meeting.startsAt).format('YYYY-MM-DD');
  const leaders = useQuery({
    queryKey: ['memberships', meeting.bodyId, day],
    queryFn: () => listMemberships(meeting.bodyId, day),
    enabled: roles.office || roles.convener,
  });
  const leaderOptions = (leaders.data?.items ?? [])
    .filter((membership) => membership.roleKind === 'convener' || membership.roleKind === 'deputy_convener')
    .map((membership) => ({ value: membership.id, label: `${membership.title} ${membership.personName ?? t('chart.vacant')}`, roleKind: membership.roleKind }));
  const nameOf = (membershipId: string) => leaderOptions.find((option) => option.value === membershipId)?.label ?? membershipId;
  const presiderChange = useMutation({ mutationFn: (membershipId: string) => setPresider(ref, membershipId), onSuccess: onChanged });
  const delegation = useMutation({ mutationFn: (membershipId: string) => delegate(ref, membershipId), onSuccess: onChanged });
  const mayPreside = isAllowed(meeting.actions, 'meeting.set_presider');
  const mayDelegate = isAllowed(meeting.actions, 'meeting.delegate');

  return (
    <Card size="small" title={<h2 className="lx-card-title">{t('meeting.details')}</h2>}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'kind', label: t('meetings.column.kind'), children: meeting.kindName },
          { key: 'time', label: t('meetings.column.startsAt'), children: `${formatTime(meeting.startsAt)}${meeting.endsAt === null ? '' : ` – ${formatTime(meeting.endsAt)}`}` },
          { key: 'location', label: t('meetings.column.location'), children: meeting.location ?? t('common.none') },
          {
            key: 'presider',
            label: t('meeting.presider'),
            children: (
              <Space wrap>
                <span>{meeting.presider === null ? t('meeting.noPresider') : `${meeting.presider.title} ${meeting.presider.personName ?? ''}`}</span>
                {mayPreside && leaderOptions.length > 0 && (
                  <Select<string>
                    size="small"
                    aria-label={t('meeting.setPresider')}
                    placeholder={t('meeting.setPresider')}
                    value={meeting.presider?.membershipId}
                    disabled={presiderChange.isPending}
                    onChange={(membershipId) => presiderChange.mutate(membershipId)}
                    options={leaderOptions}
                    style={{ minWidth: 200 }}
                  />
                )}
                {presiderChange.isError && <InlineError error={presiderChange.error} />}
              </Space>
            ),
          },
          {
            key: 'delegation',
            label: t('meeting.delegation'),
            children: (
              <Space orientation="vertical" size={2}>
                {meeting.delegations.length === 0 && <span>{t('common.none')}</span>}
                {meeting.delegations.map((delegation) => (
                  <span key={delegation.id}>{t('meeting.delegated', { from: nameOf(delegation.fromMembershipId), to: nameOf(delegation.toMembershipId) })}</span>
                ))}
                {mayDelegate && (
                  <Select<string>
                    size="small"
                    aria-label={t('meeting.delegate')}
                    placeholder={t('meeting.delegate')}
                    disabled={delegation.isPending}
                    onChange={(membershipId) => delegation.mutate(membershipId)}
                    options={leaderOptions.filter((option) => option.roleKind === 'deputy_convener')}
                    style={{ minWidth: 220 }}
                  />
                )}
                {delegation.isError && <InlineError error={delegation.error} />}
              </Space>
            ),
          },
          ...(meeting.noticeSentAt !== null ? [{ key: 'notice', label: t('meeting.action.schedule'), children: t('meeting.noticeSentAt', { time: formatTime(meeting.noticeSentAt) }) }] : []),
          ...(meeting.heldAt !== null ? [{ key: 'held', label: t('meeting.status.held'), children: t('meeting.heldAt', { time: formatTime(meeting.heldAt) }) }] : []),
          ...(meeting.statusReason !== null ? [{ key: 'reason', label: t('meeting.action.reasonLabel'), children: meeting.statusReason }] : []),
        ]}
      />
      {meeting.findings.length > 0 && (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          defaultActiveKey={meeting.findings.length <= 3 ? ['findings'] : []}
          items={[
            {
              key: 'findings',
              label: count(t('meeting.findings'), meeting.findings.length),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {meeting.findings.map((finding, index) => (
                    <Alert
                      key={`${finding.code}-${index}`}
                      type={finding.severity === 'warning' ? 'warning' : 'info'}
                      showIcon
                      title={finding.message}
                      description={finding.clause === undefined ? undefined : t('error.clauseText', { text: finding.clause.text })}
                    />
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
