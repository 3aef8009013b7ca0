/**
 * The month calendar of meetings (issue 15 point 4): Ant Design's Calendar in month mode with the
 * meetings of every body I sit in on their day (time, title, body, status), holidays and make-up
 * working days marked from the bodies' region calendar (the national one when the bodies differ);
 * a click on a meeting opens its page.
 */
import { useState } from 'react';
import { Calendar, Card, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import type { CalendarProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../api/client.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useI18n } from '../i18n/i18n.tsx';

const getMonth = (month: string) => unwrap(api.GET('/api/calendar/meetings', { params: { query: { month } } }));

type MeetingsMonth = Awaited<ReturnType<typeof getMonth>>;
type MonthMeeting = MeetingsMonth['meetings'][number];
type MonthDay = MeetingsMonth['days'][number];

/** The meeting's start time of day in China (HH:mm), whatever the browser's time zone. */
function shanghaiTime(instant: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(instant));
}

/** Today in China as a dayjs date. */
/** The first day of the month `YYYY-MM` given in the address, or null when absent or malformed. */
function monthOfAddress(month: string | null): Dayjs | null {
  if (month === null || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return null;
  const first = dayjs(`${month}-01`);
  return first.isValid() ? first : null;
}

function shanghaiToday(): Dayjs {
  return dayjs(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));
}

const STATUS_COLORS: Record<string, string> = { cancelled: 'default', postponed: 'orange', draft: 'default', scheduled: 'blue' };

function DayMark({ day }: { day: MonthDay }) {
  const { t } = useI18n();
  const off = day.kind === 'holiday' || day.kind === 'regional_holiday';
  const makeUp = day.kind === 'make_up_working_day' || day.kind === 'regional_make_up_working_day';
  if (!off && !makeUp) return null;
  return (
    <Tooltip title={[day.festival, day.provisional ? '暂定' : null].filter(Boolean).join(' · ') || undefined}>
      <Tag color={off ? 'red' : 'gold'} data-testid={`day-mark-${day.date}`} style={{ marginInlineEnd: 0 }}>
        {off ? t('meetingsCalendar.holiday') : t('meetingsCalendar.makeUp')}
        {day.festival !== null && off ? ` ${day.festival}` : ''}
      </Tag>
    </Tooltip>
  );
}

function MeetingEntry({ meeting }: { meeting: MonthMeeting }) {
  return (
    <li style={{ listStyle: 'none', marginBottom: 2 }}>
      <Tooltip title={`${meeting.bodyName} · ${meeting.kindName} · ${meeting.statusName}${meeting.location ? ` · ${meeting.location}` : ''}`}>
        <Link to={meeting.link} data-testid={`month-meeting-${meeting.id}`} style={{ display: 'block', fontSize: 12, lineHeight: '18px' }}>
          <Tag color={STATUS_COLORS[meeting.status] ?? 'green'} style={{ fontSize: 11, marginInlineEnd: 4 }}>
            {shanghaiTime(meeting.startsAt)}
          </Tag>
          <span style={meeting.status === 'cancelled' ? { textDecoration: 'line-through' } : undefined}>{meeting.title}</span>
          <Typography.Text type="secondary" style={{ fontSize: 11, display: 'block' }} ellipsis>
            {meeting.bodyName} · {meeting.statusName}
          </Typography.Text>
        </Link>
      </Tooltip>
    </li>
  );
}

export function MeetingsCalendarPage() {
  const { t } = useI18n();
  // The month shown is kept in the address (?month=YYYY-MM), so a month can be bookmarked and sent.
  const [params, setParams] = useSearchParams();
  const [value, setValue] = useState<Dayjs>(() => monthOfAddress(params.get('month')) ?? shanghaiToday());
  const show = (next: Dayjs) => {
    setValue(next);
    setParams({ month: next.format('YYYY-MM') }, { replace: true });
  };
  const month = value.format('YYYY-MM');
  const data = useQuery({ queryKey: ['meetings-month', month], queryFn: () => getMonth(month), placeholderData: keepPreviousData });

  const days = new Map((data.data?.days ?? []).map((day) => [day.date, day]));
  const byDate = new Map<string, MonthMeeting[]>();
  for (const meeting of data.data?.meetings ?? []) byDate.set(meeting.date, [...(byDate.get(meeting.date) ?? []), meeting]);

  const cellRender: CalendarProps<Dayjs>['cellRender'] = (current, info) => {
    if (info.type !== 'date') return info.originNode;
    const date = current.format('YYYY-MM-DD');
    const day = current.format('YYYY-MM') === data.data?.month ? days.get(date) : undefined;
    const meetings = byDate.get(date) ?? [];
    return (
      <div>
        {day !== undefined && <DayMark day={day} />}
        {meetings.length > 0 && <ul style={{ padding: 0, margin: 0 }}>{meetings.map((m) => <MeetingEntry key={m.id} meeting={m} />)}</ul>}
      </div>
    );
  };

  const region = data.data === undefined ? null : (data.data.regionName ?? t('meetingsCalendar.national'));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('meetingsCalendar.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('meetingsCalendar.hint')}</Typography.Text>
      {data.isError && <ErrorAlert error={data.error} />}
      <Card size="small">
        <Space wrap size={16} style={{ marginBottom: 8 }}>
          {region !== null && <span>{t('meetingsCalendar.region', { region })}</span>}
          {data.data !== undefined && (
            <span data-testid="meetings-month-count">
              {data.data.meetings.length === 0 ? t('meetingsCalendar.empty') : t('meetingsCalendar.count', { count: data.data.meetings.length })}
            </span>
          )}
          {data.isFetching && <Spin size="small" />}
        </Space>
        <Calendar
          mode="month"
          value={value}
          onChange={show}
          onPanelChange={show}
          cellRender={cellRender}
        />
      </Card>
    </Space>
  );
}
