/**
 * A body's information reports (信息报送) and annual cycle (年度工作): a unit's member or liaison
 * submits a report once (offered to other bodies it sits in as well) and sees its tally this period
 * and over twelve months; the office decides the reports it received, reads who is behind (a table
 * and an ECharts heat map), turns the feature on with a default where the charter is silent, and runs
 * the year's collection of 年度工作报告. Every panel shows what the charter says, or that it says nothing.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Spin, Switch, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { readAsBase64 } from '../common/read-file.ts';
import { getBody } from '../bodies/bodies-api.ts';
import {
  annualReportUrl,
  compileAnnualReport,
  decideOffer,
  getAnnualYear,
  getCompliance,
  getReportSettings,
  getUnitTally,
  listOffers,
  remindAnnualTask,
  startAnnualCollection,
  submitAnnualTask,
  submitReport,
  updateReportSettings,
} from './reports-api.ts';
import type { Compliance, ReportOffer, TallyStatus, UnitTally } from './reports-api.ts';

const ReportHeatmap = lazy(() => import('./report-heatmap.tsx'));

const STATUS_COLOR: Record<TallyStatus, string> = { met: 'green', due: 'gold', missing: 'red' };

function StatusTag({ status }: { status: TallyStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(`reports.status.${status}`)}</Tag>;
}

/** What binds the body: the charter's clause, the office's default, or nothing (the feature is off). */
function QuotaNotice({ quota }: { quota: UnitTally['quota'] }) {
  const { t } = useI18n();
  if (quota.source === 'off') return <Alert type="info" showIcon title={t('reports.quota.off')} data-testid="reports-quota" />;
  const text =
    quota.source === 'charter'
      ? t('reports.quota.charter', { clause: quota.clause?.clause ?? '', text: quota.text ?? '' })
      : t('reports.quota.office', { text: quota.text ?? '' });
  return <Alert type={quota.source === 'charter' ? 'success' : 'warning'} showIcon title={text} data-testid="reports-quota" />;
}

interface ReportForm {
  reporterId?: string;
  title: string;
  category: string;
  text: string;
  alsoTo: string[];
}

function UnitPanel({ bodyId, unitId }: { bodyId: string; unitId: string }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReportForm>();
  const [file, setFile] = useState<File | null>(null);
  const tally = useQuery({ queryKey: ['report-tally', bodyId, unitId], queryFn: () => getUnitTally(bodyId, unitId) });
  const mine = useQuery({ queryKey: ['report-offers', bodyId, unitId], queryFn: () => listOffers(bodyId, unitId) });
  const submit = useMutation({
    mutationFn: async (values: ReportForm) => {
      const data = tally.data;
      if (data === undefined) throw new Error('no tally');
      const attachments = file === null ? [] : [{ fileName: file.name, mediaType: file.type || 'application/octet-stream', contentBase64: await readAsBase64(file) }];
      const offers = [
        { bodyId, groupId: data.quota.reporter === 'group' ? (values.reporterId ?? null) : null },
        ...data.otherBodies.filter((b) => values.alsoTo.includes(b.bodyId)).map((b) => ({ bodyId: b.bodyId, groupId: b.reporter === 'group' ? (b.groups[0]?.groupId ?? null) : null })),
      ];
      return submitReport({ unitId, title: values.title, text: values.text, category: values.category, period: null, offers, attachments });
    },
    onSuccess: () => {
      void message.success(t('reports.submitted'));
      form.resetFields(['title', 'text']);
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: ['report-tally'] });
      void queryClient.invalidateQueries({ queryKey: ['report-offers'] });
    },
  });
  if (tally.isPending) return <Spin />;
  if (tally.isError) return <ErrorAlert error={tally.error} />;
  const data = tally.data;
  const offerColumns: TableColumnsType<ReportOffer> = [
    { key: 'title', title: t('reports.docTitle'), dataIndex: 'title' },
    { key: 'reporter', title: t('reports.reporter'), dataIndex: 'reporterName' },
    { key: 'period', title: t('reports.months'), dataIndex: 'period', width: 100 },
    { key: 'status', title: t('reports.offerStatus'), render: (_, o) => <Space orientation="vertical" size={0}><Tag>{o.statusName}</Tag>{o.reason !== null && <Typography.Text type="secondary">{o.reason}</Typography.Text>}</Space> },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <QuotaNotice quota={data.quota} />
      {data.period !== null && <Typography.Text>{t('reports.period', { label: data.period.label, start: data.period.start, end: data.period.end })}</Typography.Text>}
      {data.quota.source !== 'off' && data.reporters.length === 0 && <Alert type="warning" title={t('reports.notReporter')} />}
      {data.reporters.map((r) => (
        <Card key={r.reporterId} size="small" data-testid="report-tally">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space>
              <Typography.Text strong data-testid="report-tally-line">{t('reports.tally', { name: r.reporterName, due: r.current.due, counted: r.current.counted })}</Typography.Text>
              <StatusTag status={r.current.status} />
            </Space>
            <Typography.Text type="secondary">{t('reports.months')}</Typography.Text>
            <Space wrap size={4}>
              {r.months.map((m) => (
                <Tag key={m.period} color={STATUS_COLOR[m.status]}>{`${m.period} ${m.counted}/${m.due}`}</Tag>
              ))}
            </Space>
          </Space>
        </Card>
      ))}
      {data.quota.source !== 'off' && data.reporters.length > 0 && (
        <Card size="small" title={t('reports.submit')}>
          {submit.isError && <ErrorAlert error={submit.error} />}
          <Form<ReportForm>
            form={form}
            layout="vertical"
            initialValues={{ category: data.quota.categories[0], alsoTo: [], reporterId: data.reporters[0]?.reporterId }}
            onFinish={(values) => submit.mutate(values)}
          >
            {data.quota.reporter === 'group' && (
              <Form.Item name="reporterId" label={t('reports.reportFor')} rules={[{ required: true }]}>
                <Select options={data.reporters.map((r) => ({ value: r.reporterId, label: r.reporterName }))} />
              </Form.Item>
            )}
            <Form.Item name="title" label={t('reports.docTitle')} rules={[{ required: true, whitespace: true, message: '请填写信息标题' }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="category" label={t('reports.category')} rules={[{ required: true }]}>
              <Select options={data.quota.categories.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Form.Item name="text" label={t('reports.text')} rules={[{ required: true, whitespace: true, message: '信息正文不能为空' }]}>
              <Input.TextArea rows={6} maxLength={50000} />
            </Form.Item>
            <Form.Item label={t('reports.attachment')} htmlFor="report-attachment">
              <input id="report-attachment" type="file" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
            </Form.Item>
            {data.otherBodies.length > 0 && (
              <Form.Item name="alsoTo" label={t('reports.alsoTo')}>
                <Checkbox.Group options={data.otherBodies.map((b) => ({ value: b.bodyId, label: b.bodyName }))} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={submit.isPending}>
              {t('reports.submit')}
            </Button>
          </Form>
        </Card>
      )}
      <Table<ReportOffer> rowKey="id" size="small" columns={offerColumns} dataSource={mine.data?.items ?? []} loading={mine.isPending} pagination={false} locale={{ emptyText: t('reports.empty') }} />
    </Space>
  );
}

function CompliancePanel({ bodyId }: { bodyId: string }) {
  const { t } = useI18n();
  const compliance = useQuery({ queryKey: ['report-compliance', bodyId], queryFn: () => getCompliance(bodyId) });
  if (compliance.isPending) return <Spin />;
  if (compliance.isError) return <ErrorAlert error={compliance.error} />;
  const data = compliance.data;
  const columns: TableColumnsType<Compliance['lines'][number]> = [
    { key: 'reporter', title: t('reports.reporter'), dataIndex: 'reporterName' },
    { key: 'due', title: t('reports.due'), dataIndex: 'due', width: 80 },
    { key: 'counted', title: t('reports.counted'), dataIndex: 'counted', width: 80 },
    { key: 'missing', title: t('reports.missing'), dataIndex: 'missing', width: 80 },
    { key: 'status', title: t('reports.status'), render: (_, line) => <StatusTag status={line.status} />, width: 110 },
    { key: 'reminded', title: t('reports.remindedAt'), render: (_, line) => (line.remindedAt === null ? '' : line.remindedAt.slice(0, 10)), width: 110 },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <QuotaNotice quota={data.quota} />
      {data.period !== null && <Typography.Text>{t('reports.period', { label: data.period.label, start: data.period.start, end: data.period.end })}</Typography.Text>}
      {data.period !== null && <Table rowKey="reporterId" size="small" columns={columns} dataSource={data.lines} pagination={false} data-testid="report-compliance" />}
      {data.heatmap.length > 0 && (
        <Card size="small" title={t('reports.heatmap')}>
          <Suspense fallback={<Spin />}>
            <ReportHeatmap compliance={data} />
          </Suspense>
        </Card>
      )}
    </Space>
  );
}

function ReceivedPanel({ bodyId, office }: { bodyId: string; office: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const offers = useQuery({ queryKey: ['report-offers', bodyId, 'all'], queryFn: () => listOffers(bodyId) });
  const decide = useMutation({
    mutationFn: (input: { offerId: string; decision: 'accept' | 'return' | 'adopt' }) => decideOffer(bodyId, input.offerId, input.decision, reasons[input.offerId]?.trim() || null),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['report-offers'] });
      void queryClient.invalidateQueries({ queryKey: ['report-compliance'] });
    },
  });
  const columns: TableColumnsType<ReportOffer> = [
    { key: 'title', title: t('reports.docTitle'), render: (_, o) => <Space orientation="vertical" size={0}><Typography.Text strong>{o.title}</Typography.Text><Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{o.text}</Typography.Paragraph></Space> },
    { key: 'category', title: t('reports.category'), dataIndex: 'category', width: 100 },
    { key: 'reporter', title: t('reports.reporter'), render: (_, o) => `${o.reporterName}${o.reporterName === o.unitName ? '' : `（${o.unitName}）`}` },
    { key: 'submittedAt', title: t('reports.submittedAt'), render: (_, o) => o.submittedAt.slice(0, 10), width: 110 },
    { key: 'status', title: t('reports.offerStatus'), render: (_, o) => <Tag>{o.statusName}</Tag>, width: 90 },
    ...(office
      ? [
          {
            key: 'actions',
            title: '',
            render: (_: unknown, o: ReportOffer) =>
              o.status === 'submitted' || o.status === 'accepted' ? (
                <Space orientation="vertical" size={4}>
                  <Input size="small" aria-label={t('reports.returnReason')} placeholder={t('reports.returnReason')} value={reasons[o.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [o.id]: e.target.value })} />
                  <Space>
                    {o.status === 'submitted' && <Button size="small" onClick={() => decide.mutate({ offerId: o.id, decision: 'accept' })}>{t('reports.accept')}</Button>}
                    <Button size="small" type="primary" onClick={() => decide.mutate({ offerId: o.id, decision: 'adopt' })}>{t('reports.adopt')}</Button>
                    <Button size="small" danger disabled={(reasons[o.id] ?? '').trim() === ''} onClick={() => decide.mutate({ offerId: o.id, decision: 'return' })}>{t('reports.return')}</Button>
                  </Space>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {decide.isError && <ErrorAlert error={decide.error} />}
      <Table<ReportOffer> rowKey="id" size="small" columns={columns} dataSource={offers.data?.items ?? []} loading={offers.isPending} pagination={false} locale={{ emptyText: t('reports.empty') }} />
    </Space>
  );
}

interface SettingsForm {
  enabled: boolean;
  reporter: 'member_unit' | 'group';
  quotaCount: number;
  periodMonths: 1 | 3 | 6 | 12;
  categories: string;
  reminderDaysBefore: number;
}

function SettingsPanel({ bodyId }: { bodyId: string }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['report-settings', bodyId], queryFn: () => getReportSettings(bodyId) });
  const save = useMutation({
    mutationFn: (values: SettingsForm) => {
      const categories = values.categories.split(/[,，、]/u).map((c) => c.trim()).filter((c) => c.length > 0);
      const charter = settings.data?.quota.source === 'charter';
      return updateReportSettings(bodyId, charter ? { categories, reminderDaysBefore: values.reminderDaysBefore } : { ...values, categories });
    },
    onSuccess: () => {
      void message.success(t('reports.settings.saved'));
      void queryClient.invalidateQueries({ queryKey: ['report-settings'] });
      void queryClient.invalidateQueries({ queryKey: ['report-tally'] });
      void queryClient.invalidateQueries({ queryKey: ['report-compliance'] });
    },
  });
  if (settings.isPending) return <Spin />;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  const data = settings.data;
  const charter = data.quota.source === 'charter';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <QuotaNotice quota={data.quota} />
      {charter && <Alert type="info" title={t('reports.settings.charterRules')} />}
      {save.isError && <ErrorAlert error={save.error} />}
      <Form<SettingsForm>
        layout="vertical"
        style={{ maxWidth: 480 }}
        initialValues={{ ...data, periodMonths: data.periodMonths as SettingsForm['periodMonths'], categories: data.categories.join('，') }}
        onFinish={(values) => save.mutate(values)}
      >
        {!charter && (
          <>
            <Form.Item name="enabled" label={t('reports.settings.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="reporter" label={t('reports.settings.reporter')}>
              <Select options={(['member_unit', 'group'] as const).map((r) => ({ value: r, label: t(`reports.settings.reporter.${r}`) }))} />
            </Form.Item>
            <Form.Item name="quotaCount" label={t('reports.settings.count')}>
              <InputNumber min={1} max={100} />
            </Form.Item>
            <Form.Item name="periodMonths" label={t('reports.settings.period')}>
              <Select options={([1, 3, 6, 12] as const).map((m) => ({ value: m, label: t(`reports.settings.period.${m}`) }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="categories" label={t('reports.settings.categories')}>
          <Input />
        </Form.Item>
        <Form.Item name="reminderDaysBefore" label={t('reports.settings.reminder')}>
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('reports.settings.save')}
        </Button>
      </Form>
    </Space>
  );
}

function AnnualPanel({ bodyId, office, unitIds }: { bodyId: string; office: boolean; unitIds: string[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const year = useMemo(() => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())), []);
  const [days, setDays] = useState(20);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState('');
  const state = useQuery({ queryKey: ['annual-year', bodyId, year], queryFn: () => getAnnualYear(bodyId, year) });
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['annual-year'] }),
  });
  if (state.isPending) return <Spin />;
  if (state.isError) return <ErrorAlert error={state.error} />;
  const data = state.data;
  if (data.plan === null) return <Alert type="info" showIcon title={t('annual.none')} data-testid="annual-none" />;
  const collection = data.collection;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {act.isError && <ErrorAlert error={act.error} />}
      <Typography.Title level={4}>{t('annual.year', { year })}</Typography.Title>
      {data.plan.rules.map((rule) => (
        <Typography.Text key={`${rule.clause.clause ?? ''}${rule.clause.text}`} type="secondary">
          {t('annual.rule', { clause: rule.clause.clause ?? '', text: rule.clause.text })}
        </Typography.Text>
      ))}
      {data.workPlan !== null && (
        <Alert
          type={data.workPlan.status === 'adopted' ? 'success' : 'info'}
          title={t(`annual.workPlan.${data.workPlan.status}`, { meeting: data.workPlan.meetingTitle ?? '' })}
          description={t('annual.rule', { clause: data.workPlan.clause.clause ?? '', text: data.workPlan.clause.text })}
          data-testid="annual-work-plan"
        />
      )}
      {collection === null ? (
        <Space>
          <Typography.Text>{t('annual.notStarted')}</Typography.Text>
          {office && (
            <>
              <InputNumber aria-label={t('annual.workingDays')} min={1} max={250} value={days} onChange={(v) => setDays(v ?? 20)} />
              <Button type="primary" onClick={() => act.mutate(() => startAnnualCollection(bodyId, year, days))}>{t('annual.start')}</Button>
            </>
          )}
        </Space>
      ) : (
        <Card size="small" title={`${collection.statusName} · ${t('annual.deadline', { date: collection.deadline })}`} data-testid="annual-collection">
          <Typography.Paragraph>{t('annual.counts', collection.counts)}</Typography.Paragraph>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.tasks}
            columns={[
              { key: 'reporter', title: t('annual.task.reporter'), dataIndex: 'reporterName' },
              { key: 'status', title: t('annual.task.status'), render: (_, task) => <Space><Tag>{task.statusName}</Tag>{task.overdue && <Tag color="red">{t('annual.overdue')}</Tag>}</Space> },
              {
                key: 'actions',
                title: '',
                render: (_, task) => {
                  const mine = task.reporterKind === 'member_unit' && unitIds.includes(task.reporterId);
                  const open = collection.status === 'collecting' && (task.status === 'pending' || task.status === 'returned');
                  return (
                    <Space orientation="vertical" size={4}>
                      {mine && open && (
                        <>
                          <Input.TextArea rows={3} aria-label={t('annual.task.text')} value={texts[task.id] ?? ''} onChange={(e) => setTexts({ ...texts, [task.id]: e.target.value })} />
                          <Button size="small" type="primary" onClick={() => act.mutate(() => submitAnnualTask(bodyId, task.id, task.reporterId, texts[task.id] ?? ''))}>{t('annual.task.submit')}</Button>
                        </>
                      )}
                      {office && open && <Button size="small" onClick={() => act.mutate(() => remindAnnualTask(bodyId, task.id))}>{t('annual.task.remind')}</Button>}
                    </Space>
                  );
                },
              },
            ]}
          />
          {office && collection.status === 'collecting' && (
            <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
              <Input.TextArea rows={4} aria-label={t('annual.compileText')} placeholder={t('annual.compileText')} value={summary} onChange={(e) => setSummary(e.target.value)} />
              <Button type="primary" disabled={summary.trim() === ''} onClick={() => act.mutate(() => compileAnnualReport(bodyId, year, summary))}>{t('annual.compile')}</Button>
            </Space>
          )}
          {collection.compiledAt !== null && <a href={annualReportUrl(bodyId, year)}>{t('annual.download')}</a>}
        </Card>
      )}
    </Space>
  );
}

export function ReportsPage() {
  const { t } = useI18n();
  const { bodyId = '' } = useParams();
  const body = useQuery({ queryKey: ['body', bodyId], queryFn: () => getBody(bodyId) });
  const [unitId, setUnitId] = useState<string | null>(null);
  if (body.isPending) return <Spin />;
  if (body.isError) return <ErrorAlert error={body.error} />;
  const roles = body.data.myRoles;
  const office = roles.some((r) => r.role === 'office_staff');
  const leader = office || roles.some((r) => r.role === 'convener' || r.role === 'deputy_convener');
  const unitIds = [...new Set(roles.filter((r) => (r.role === 'member' || r.role === 'liaison') && r.unitId !== null).map((r) => r.unitId as string))];
  const current = unitId ?? unitIds[0] ?? null;
  const unitName = (id: string) => body.data.memberUnits.find((u) => u.unitId === id)?.name ?? id;
  const tabs = [
    ...(current !== null
      ? [
          {
            key: 'mine',
            label: t('reports.tab.mine'),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {unitIds.length > 1 && <Select aria-label={t('reports.unit')} value={current} onChange={setUnitId} options={unitIds.map((id) => ({ value: id, label: unitName(id) }))} />}
                <UnitPanel bodyId={bodyId} unitId={current} />
              </Space>
            ),
          },
        ]
      : []),
    ...(leader
      ? [
          { key: 'compliance', label: t('reports.tab.compliance'), children: <CompliancePanel bodyId={bodyId} /> },
          { key: 'received', label: t('reports.tab.inbox'), children: <ReceivedPanel bodyId={bodyId} office={office} /> },
        ]
      : []),
    ...(office ? [{ key: 'settings', label: t('reports.tab.settings'), children: <SettingsPanel bodyId={bodyId} /> }] : []),
    { key: 'annual', label: t('reports.tab.annual'), children: <AnnualPanel bodyId={bodyId} office={office} unitIds={unitIds} /> },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/bodies">{t('nav.bodies')}</Link> }, { title: <Link to={`/bodies/${bodyId}`}>{body.data.name}</Link> }, { title: t('reports.title') }]} />
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('reports.title')}
      </Typography.Title>
      {current === null && !leader && <Alert type="info" title={t('reports.noUnit')} />}
      <Tabs items={tabs} />
    </Space>
  );
}
