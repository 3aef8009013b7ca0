/**
 * The working-day calendar (issue 6's calendar screen, issue 4's data): a year of a region in twelve
 * month grids — holidays and make-up working days coloured, provisional days framed — with the
 * arrangement each day comes from; a deadline counter; the loaded notices. System administrators also
 * see the coverage warning and load a notice (paste → review the days read → apply).
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../auth/auth-context.tsx';
import { listBodies } from '../bodies/bodies-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { addWorkingDays, getCoverage, getYearView, listNotices, type NoticeSummary, type YearViewDay } from './calendar-api.ts';
import { NoticeLoader } from './calendar-notice-loader.tsx';
import './calendar.css';

const REGION_CODE = /^\d{6}$/;

/** Today's year in China, whatever the browser's time zone. */
function shanghaiYear(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
}

const KIND_KEYS: Record<YearViewDay['kind'], MessageKey> = {
  workday: 'calendar.kind.workday',
  weekend: 'calendar.kind.weekend',
  holiday: 'calendar.kind.holiday',
  make_up_working_day: 'calendar.kind.make_up_working_day',
  regional_holiday: 'calendar.kind.regional_holiday',
  regional_make_up_working_day: 'calendar.kind.regional_make_up_working_day',
};

function dayClass(day: YearViewDay): string {
  const classes = ['lx-cal-day'];
  if (day.kind === 'workday') {
    // ordinary working day: no colour
  } else if (day.kind === 'weekend') classes.push('lx-cal-weekend');
  else classes.push(`lx-cal-${day.kind}`);
  if (day.provisional) classes.push('lx-cal-provisional');
  return classes.join(' ');
}

function DayCell({ day }: { day: YearViewDay }) {
  const { t } = useI18n();
  const label = [
    day.date,
    t(KIND_KEYS[day.kind]),
    day.festival ?? '',
    day.provisional ? t('calendar.provisional') : '',
  ].filter((part) => part !== '').join(' · ');
  const tip = (
    <div>
      <div>{label}</div>
      {day.source !== null && <div>{t('calendar.source', { title: day.source.title })}</div>}
      {day.reasons.length > 0 && <div>{t('calendar.reasons', { reasons: day.reasons.join('；') })}</div>}
    </div>
  );
  const working = day.kind === 'make_up_working_day' || day.kind === 'regional_make_up_working_day';
  return (
    <Tooltip title={tip}>
      <div className={dayClass(day)} tabIndex={0} aria-label={label} data-date={day.date} data-kind={day.kind} data-provisional={day.provisional}>
        {Number(day.date.slice(8, 10))}
        {working && <span className="lx-cal-mark" aria-hidden="true">{t('calendar.workMark')}</span>}
        {day.provisional && !working && <span className="lx-cal-mark" aria-hidden="true">?</span>}
      </div>
    </Tooltip>
  );
}

function MonthGrid({ month, days }: { month: number; days: YearViewDay[] }) {
  const { t } = useI18n();
  const weekdays = t('calendar.weekdays').split(',');
  const first = days[0];
  // Monday-first: blanks before the 1st.
  const offset = first === undefined ? 0 : (new Date(`${first.date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return (
    <section className="lx-cal-month" aria-label={t('calendar.month', { month })}>
      <h3>{t('calendar.month', { month })}</h3>
      <div className="lx-cal-days">
        {weekdays.map((name) => (
          <div key={name} className="lx-cal-weekday" aria-hidden="true">
            {name}
          </div>
        ))}
        {Array.from({ length: offset }, (_, index) => (
          <div key={`blank-${index}`} aria-hidden="true" />
        ))}
        {days.map((day) => (
          <DayCell key={day.date} day={day} />
        ))}
      </div>
    </section>
  );
}

function Legend() {
  const { t } = useI18n();
  const sample = (kind: YearViewDay['kind'], provisional = false) => (
    <span className={dayClass({ kind, provisional } as YearViewDay)} aria-hidden="true">
      8
    </span>
  );
  return (
    <div className="lx-cal-legend" aria-label={t('calendar.legend')}>
      {(['holiday', 'make_up_working_day', 'regional_holiday', 'regional_make_up_working_day', 'weekend'] as const).map((kind) => (
        <span key={kind}>
          {sample(kind)} {t(KIND_KEYS[kind])}
        </span>
      ))}
      <span>
        {sample('workday', true)} {t('calendar.provisional')}
      </span>
    </div>
  );
}

function CoverageWarning() {
  const { t } = useI18n();
  const coverage = useQuery({ queryKey: ['calendar', 'coverage'], queryFn: getCoverage });
  if (coverage.isError) return <ErrorAlert error={coverage.error} />;
  const data = coverage.data;
  if (data === undefined) return null;
  const years = t('calendar.coverage.years', { first: data.nationalYears.first ?? '—', last: data.nationalYears.last ?? '—' });
  if (data.warning === null) return <Typography.Text type="secondary">{years}</Typography.Text>;
  return <Alert type="warning" showIcon role="alert" title={t('calendar.coverage.title')} description={`${data.warning.message}（${years}）`} data-testid="calendar-coverage-warning" />;
}

function DeadlineCounter({ region }: { region: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ start: Dayjs; days: number }>();
  const count = useMutation({ mutationFn: (values: { start: string; days: number }) => addWorkingDays(values.start, values.days, region) });
  return (
    <Card size="small" title={<h2 className="lx-card-title">{t('calendar.count.title')}</h2>}>
      <Form form={form} layout="inline" name="calendar-count" onFinish={(values) => count.mutate({ start: values.start.format('YYYY-MM-DD'), days: values.days })}>
        <Form.Item name="start" label={t('calendar.count.start')} rules={[{ required: true, message: t('calendar.count.start') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="days" label={t('calendar.count.days')} initialValue={7} rules={[{ required: true, message: t('calendar.count.days') }]}>
          <InputNumber min={-10000} max={10000} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={count.isPending}>
          {t('calendar.count.submit')}
        </Button>
      </Form>
      {count.isError && <ErrorAlert error={count.error} />}
      {count.data !== undefined && (
        <div style={{ marginTop: 8 }} data-testid="calendar-count-result">
          <Typography.Text strong>{t('calendar.count.result', { start: count.data.start, days: count.data.workingDays, result: count.data.result })}</Typography.Text>
          {count.data.provisional && (
            <div>
              <Tag color="warning">{t('calendar.provisional')}</Tag>
              {count.data.reasons.join('；')}
            </div>
          )}
        </div>
      )}
    </Card>
  );
}

function NoticesTable() {
  const { t } = useI18n();
  const notices = useQuery({ queryKey: ['calendar', 'notices'], queryFn: listNotices });
  const columns: TableColumnsType<NoticeSummary> = [
    { key: 'scope', title: t('calendar.notices.column.scope'), dataIndex: 'scopeName' },
    { key: 'year', title: t('calendar.notices.column.year'), dataIndex: 'year' },
    {
      key: 'title',
      title: t('calendar.notices.column.title'),
      render: (_, notice) => (
        <span>
          {notice.title}
          {notice.docNumber !== null && <Typography.Text type="secondary">（{notice.docNumber}）</Typography.Text>}
        </span>
      ),
    },
    { key: 'loadedAt', title: t('calendar.notices.column.loadedAt'), render: (_, notice) => new Date(notice.loadedAt).toLocaleString() },
    {
      key: 'status',
      title: t('calendar.notices.column.status'),
      render: (_, notice) =>
        notice.supersededAt === null ? <Tag color="green">{t('calendar.notices.current')}</Tag> : <Tag>{t('calendar.notices.superseded')}</Tag>,
    },
  ];
  return (
    <Card size="small" title={<h2 className="lx-card-title">{t('calendar.notices.title')}</h2>}>
      {notices.isError && <ErrorAlert error={notices.error} />}
      <Table<NoticeSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={notices.data?.items ?? []}
        loading={notices.isPending}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('calendar.notices.empty') }}
        scroll={{ x: true }}
      />
    </Card>
  );
}

/** Regions to pick: the nation, the regions of the bodies the account sees, and the one shown. */
function useRegionOptions(current: string): { value: string; label: string }[] {
  const { t } = useI18n();
  const bodies = useQuery({ queryKey: ['calendar', 'body-regions'], queryFn: () => listBodies({ limit: 200 }), staleTime: 5 * 60_000 });
  return useMemo(() => {
    const options = new Map<string, string>([['national', t('calendar.region.national')]]);
    for (const body of bodies.data?.items ?? []) {
      if (body.regionCode !== null && !options.has(body.regionCode)) options.set(body.regionCode, `${body.regionName ?? body.regionCode}（${body.regionCode}）`);
    }
    if (!options.has(current)) options.set(current, current);
    return [...options].map(([value, label]) => ({ value, label }));
  }, [bodies.data, current, t]);
}

export function CalendarPage() {
  const { t } = useI18n();
  const me = useMe();
  const isSystemAdmin = me.systemRoles.includes('system_admin');
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 1900 && yearParam <= 2200 ? yearParam : shanghaiYear();
  const regionParam = params.get('region') ?? 'national';
  const region = regionParam === 'national' || REGION_CODE.test(regionParam) ? regionParam : 'national';
  const [codeInput, setCodeInput] = useState('');
  const [codeError, setCodeError] = useState(false);
  const regionOptions = useRegionOptions(region);

  const view = useQuery({
    queryKey: ['calendar', 'year', year, region],
    queryFn: () => getYearView(year, region),
    placeholderData: keepPreviousData,
  });

  const show = (next: { year?: number; region?: string }) => {
    const merged = new URLSearchParams(params);
    merged.set('year', String(next.year ?? year));
    merged.set('region', next.region ?? region);
    setParams(merged, { replace: true });
  };

  const months = useMemo(() => {
    const byMonth: YearViewDay[][] = Array.from({ length: 12 }, () => []);
    for (const day of view.data?.days ?? []) byMonth[Number(day.date.slice(5, 7)) - 1]?.push(day);
    return byMonth;
  }, [view.data]);

  const data = view.data;
  return (
    <div>
      <h1 className="lx-page-title">{t('calendar.title')}</h1>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {isSystemAdmin && <CoverageWarning />}
        <div className="lx-cal-toolbar">
          <Button icon={<LeftOutlined />} aria-label={t('calendar.previousYear')} onClick={() => show({ year: year - 1 })} />
          <span className="lx-cal-year-label" aria-live="polite">
            {year}
          </span>
          <Button icon={<RightOutlined />} aria-label={t('calendar.nextYear')} onClick={() => show({ year: year + 1 })} />
          <Select aria-label={t('calendar.region')} value={region} options={regionOptions} onChange={(value: string) => show({ region: value })} />
          <Input.Search
            aria-label={t('calendar.regionCode')}
            placeholder={t('calendar.regionCodePlaceholder')}
            value={codeInput}
            status={codeError ? 'error' : undefined}
            onChange={(event) => {
              setCodeInput(event.target.value);
              setCodeError(false);
            }}
            onSearch={(value) => {
              const code = value.trim();
              if (!REGION_CODE.test(code)) {
                setCodeError(true);
                return;
              }
              show({ region: code });
            }}
            style={{ width: 260 }}
          />
          {codeError && <Typography.Text type="danger">{t('calendar.regionCodeInvalid')}</Typography.Text>}
        </div>
        {view.isError && <ErrorAlert error={view.error} />}
        {data !== undefined && (
          <div>
            <Typography.Text strong>{t('calendar.regionShown', { region: data.regionName ?? t('calendar.region.national') })}</Typography.Text>
            <div>
              {data.national === null ? (
                <Alert type="warning" showIcon title={t('calendar.basis.none', { year: data.year })} />
              ) : (
                <Typography.Text>
                  {t('calendar.basis', { title: data.national.title })}
                  {data.national.docNumber !== null && `（${data.national.docNumber}）`}
                  {t(data.national.kind === 'notice' ? 'calendar.basis.notice' : 'calendar.basis.snapshot')}
                </Typography.Text>
              )}
            </div>
            {data.regionalNotices.map((notice) => (
              <div key={notice.noticeId ?? notice.title}>
                <Typography.Text>{t('calendar.regionalNotice', { title: notice.title })}</Typography.Text>
              </div>
            ))}
            <Legend />
            <Typography.Text type="secondary">{t('calendar.provisionalHint')}</Typography.Text>
          </div>
        )}
        {view.isPending ? (
          <Spin description={t('app.loading')} style={{ display: 'block', marginTop: 40 }} />
        ) : (
          <div className="lx-cal-grid" data-testid="calendar-year" aria-busy={view.isFetching}>
            {months.map((days, index) => (
              <MonthGrid key={index} month={index + 1} days={days} />
            ))}
          </div>
        )}
        <DeadlineCounter region={region} />
        {isSystemAdmin && <NoticeLoader />}
        <NoticesTable />
      </Space>
    </div>
  );
}
