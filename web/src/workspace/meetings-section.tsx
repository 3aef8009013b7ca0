/**
 * Meetings of the bodies I sit in or work for: those coming up, the agenda items I proposed in them,
 * and for a convener or deputy what waits for their approval (agenda items to decide, minutes to sign off).
 */
import { Space, Tag } from 'antd';
import { SectionCard, Text, EmptyNote } from './section-card.tsx';
import { RowList } from './row-list.tsx';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { formatTime, MeetingStatusTag } from '../meetings/meeting-labels.tsx';
import type { WorkspaceMeeting } from './workspace-api.ts';

const OPEN_STATUSES = new Set(['draft', 'scheduled', 'postponed']);

interface Props {
  /** The meetings of my bodies not yet over, and those whose minutes wait for sign-off (with the first few agendas) */
  meetings: WorkspaceMeeting[];
  /** Bodies where I convene or deputise: show what waits for my approval */
  approverBodyIds: string[];
  myAccountId: string;
}

export function MeetingsSection({ meetings, approverBodyIds, myAccountId }: Props) {
  const { t } = useI18n();
  const now = dayjs();
  const upcoming = meetings.filter((meeting) => OPEN_STATUSES.has(meeting.status) && dayjs(meeting.startsAt).isAfter(now)).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const approver = new Set(approverBodyIds);
  const toSignOff = meetings.filter((meeting) => approver.has(meeting.bodyId) && meeting.status === 'minutes_drafted');
  const proposals = meetings.flatMap((meeting) => (meeting.agenda ?? []).filter((item) => item.proposedBy === myAccountId).map((item) => ({ meeting, item })));
  const agendaWaiting = meetings.filter((meeting) => approver.has(meeting.bodyId) && (meeting.agenda ?? []).some((item) => item.status === 'proposed'));

  const meetingLink = (meeting: WorkspaceMeeting) => (
    <Link to={`/bodies/${meeting.bodyId}/meetings/${meeting.id}`} className="lx-strong-link">
      {meeting.title}
    </Link>
  );

  return (
    <>
      {approver.size > 0 && (
        <SectionCard title={<h2 className="lx-card-title">{t('workspace.waiting')}</h2>}>
          {agendaWaiting.length === 0 && toSignOff.length === 0 ? (
            <EmptyNote description={t('workspace.waitingEmpty')} />
          ) : (
            <RowList
              dataSource={[
                ...agendaWaiting.map((meeting) => ({ key: `agenda-${meeting.id}`, meeting, text: t('workspace.waitingAgenda', { meeting: meeting.title }) })),
                ...toSignOff.map((meeting) => ({ key: `minutes-${meeting.id}`, meeting, text: t('workspace.waitingMinutes', { meeting: meeting.title }) })),
              ]}
              rowKey="key"
              renderItem={(entry) => (
                <RowList.Item data-testid="waiting-item">
                  <Space orientation="vertical" size={2}>
                    <Link to={`/bodies/${entry.meeting.bodyId}/meetings/${entry.meeting.id}${entry.key.startsWith('minutes') ? '?tab=minutes' : ''}`}>{entry.text}</Link>
                    <Text type="secondary">{entry.meeting.bodyName}</Text>
                  </Space>
                </RowList.Item>
              )}
            />
          )}
        </SectionCard>
      )}
      <SectionCard title={<h2 className="lx-card-title">{t('meetings.upcoming')}</h2>}>
        {upcoming.length === 0 ? (
          <EmptyNote description={t('meetings.upcomingEmpty')} />
        ) : (
          <RowList<WorkspaceMeeting>
            dataSource={upcoming}
            rowKey="id"
            renderItem={(meeting) => (
              <RowList.Item>
                <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
                  {meetingLink(meeting)}
                  <Space size={4} wrap>
                    <MeetingStatusTag status={meeting.status} />
                    <Text>{formatTime(meeting.startsAt)}</Text>
                    {meeting.location !== null && <Text type="secondary">{meeting.location}</Text>}
                  </Space>
                  <Text type="secondary">{meeting.bodyName}</Text>
                </Space>
              </RowList.Item>
            )}
          />
        )}
      </SectionCard>
      {proposals.length > 0 && (
        <SectionCard title={<h2 className="lx-card-title">{t('workspace.myProposals')}</h2>}>
          <RowList
            dataSource={proposals}
            rowKey={(entry) => entry.item.id}
            renderItem={({ meeting, item }) => (
              <RowList.Item>
                <Space orientation="vertical" size={2}>
                  <Text strong>{item.title}</Text>
                  <Space size={4} wrap>
                    <Tag color={item.status === 'approved' ? 'green' : item.status === 'rejected' ? 'red' : 'gold'}>{t(`agenda.status.${item.status}`)}</Tag>
                    {meetingLink(meeting)}
                  </Space>
                </Space>
              </RowList.Item>
            )}
          />
        </SectionCard>
      )}
    </>
  );
}
