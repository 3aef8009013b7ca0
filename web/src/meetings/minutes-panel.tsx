/**
 * The minutes of a meeting: the office drafts them (proceedings and decided items, each with its
 * lead unit, co-handling units and deadline), the charter's signer signs them off, the office
 * issues them (numbered, distributed, decided items assigned). Refusals show the server's message
 * and the charter clause.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Empty, Form, Input, InputNumber, List, Radio, Select, Space, Spin, Tag, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { DateField } from '../common/date-field.tsx';
import { ActionButton, InlineError, isAllowed } from '../common/action-button.tsx';
import { listBodyUnits } from '../bodies/bodies-api.ts';
import { correctMinutes, draftMinutes, editMinutes, getMinutes, issueMinutes, minutesDocumentUrl, signOffMinutes, type DecidedItemInput, type MeetingDetail, type Minutes } from './meetings-api.ts';
import type { BodyRoles } from './body-roles.ts';
import { actedAsText, formatTime } from './meeting-labels.tsx';
import { todayInShanghai } from '../common/today.ts';

type DeadlineKind = DecidedItemInput['deadline']['kind'];

interface ItemValues {
  text: string;
  leadUnitId: string;
  coUnitIds?: string[];
  deadlineKind: DeadlineKind;
  days?: number;
  date?: Dayjs | null;
}

interface MinutesValues {
  title?: string;
  proceedings: string;
  items?: ItemValues[];
}

function toInput(item: ItemValues): DecidedItemInput {
  const deadline: DecidedItemInput['deadline'] =
    item.deadlineKind === 'date'
      ? { kind: 'date', date: (item.date ?? dayjs(todayInShanghai())).format('YYYY-MM-DD') }
      : item.deadlineKind === 'working_days'
        ? { kind: 'working_days', days: item.days ?? 1 }
        : { kind: 'charter_default' };
  return { text: item.text.trim(), leadUnitId: item.leadUnitId, coUnitIds: item.coUnitIds ?? [], deadline };
}

function toValues(minutes: Minutes): MinutesValues {
  return {
    title: minutes.title,
    proceedings: minutes.proceedings,
    items: minutes.decidedItems.map((item) => ({
      text: item.text,
      leadUnitId: item.leadUnitId,
      coUnitIds: item.coUnitIds,
      deadlineKind: item.deadline.kind,
      ...(item.deadline.kind === 'working_days' ? { days: item.deadline.days } : {}),
      ...(item.deadline.kind === 'date' ? { date: dayjs(item.deadline.date) } : {}),
    })),
  };
}

export function MinutesPanel({ meeting, onChanged }: { meeting: MeetingDetail; roles: BodyRoles; onChanged: () => void }) {
  const { t } = useI18n();
  const latest = meeting.minutes[meeting.minutes.length - 1];
  const minutes = useQuery({
    queryKey: ['minutes', meeting.bodyId, latest?.id],
    queryFn: () => getMinutes(meeting.bodyId, latest?.id ?? ''),
    enabled: latest !== undefined,
  });
  if (latest === undefined) {
    if (!isAllowed(meeting.actions, 'minutes.draft')) return <Empty description={t('minutes.none')} />;
    return <MinutesEditor meeting={meeting} minutes={null} onChanged={onChanged} />;
  }
  if (minutes.isError) return <ErrorAlert error={minutes.error} />;
  if (minutes.data === undefined) return <Spin description={t('app.loading')} />;
  return <MinutesEditor key={`${minutes.data.id}-${minutes.data.version}`} meeting={meeting} minutes={minutes.data} onChanged={onChanged} />;
}

function MinutesEditor({ meeting, minutes, onChanged }: { meeting: MeetingDetail; minutes: Minutes | null; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MinutesValues>();
  const meetingDate = dayjs(meeting.startsAt).format('YYYY-MM-DD');
  const units = useQuery({ queryKey: ['body-units', meeting.bodyId, meetingDate], queryFn: () => listBodyUnits(meeting.bodyId, meetingDate) });
  const unitOptions = (units.data?.items ?? []).map((unit) => ({ value: unit.unitId, label: unit.name }));
  const unitName = (unitId: string) => units.data?.items.find((unit) => unit.unitId === unitId)?.name ?? unitId;
  // Signed-off minutes are edited only on purpose: saving withdraws the sign-off (the server's rule).
  const [reopened, setReopened] = useState(false);
  const editable =
    minutes === null
      ? isAllowed(meeting.actions, 'minutes.draft')
      : isAllowed(minutes.actions, 'minutes.edit') && (minutes.status === 'draft' || reopened);

  useEffect(() => {
    if (minutes !== null) form.setFieldsValue(toValues(minutes));
  }, [minutes, form]);

  // A step's answer carries no actions: the minutes are read again (with the reader's actions).
  const refresh = () => {
    setReopened(false);
    void queryClient.invalidateQueries({ queryKey: ['minutes', meeting.bodyId] });
    onChanged();
  };
  const save = useMutation({
    mutationFn: (values: MinutesValues) => {
      const decidedItems = (values.items ?? []).map(toInput);
      const title = values.title?.trim() === '' ? undefined : values.title?.trim();
      if (minutes === null) {
        return draftMinutes({ bodyId: meeting.bodyId, meetingId: meeting.id }, { ...(title === undefined ? {} : { title }), proceedings: values.proceedings.trim(), decidedItems });
      }
      return editMinutes(meeting.bodyId, minutes.id, {
        ...(title === undefined ? {} : { title }),
        proceedings: values.proceedings.trim(),
        decidedItems,
        version: minutes.version,
      });
    },
    onSuccess: () => {
      void message.success(t('minutes.saved'));
      refresh();
    },
  });
  const confirmTexts = { ok: t('common.ok'), cancel: t('common.cancel') };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {minutes !== null && (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            {
              key: 'status',
              label: t('meetings.column.status'),
              children: (
                <Space wrap>
                  <Tag color={minutes.status === 'issued' ? 'green' : minutes.status === 'signed_off' ? 'geekblue' : 'default'} data-testid="minutes-status">
                    {t(`minutes.status.${minutes.status}`)}
                  </Tag>
                  {minutes.year !== null && minutes.number !== null && <Typography.Text strong>{t('minutes.number', { year: minutes.year, number: minutes.number })}</Typography.Text>}
                </Space>
              ),
            },
            ...(minutes.signedOffAs !== null ? [{ key: 'signed', label: t('minutes.signOff'), children: t('minutes.signedOff', { who: actedAsText(t, minutes.signedOffAs), time: formatTime(minutes.signedOffAt) }) }] : []),
            ...(minutes.issuedOn !== null ? [{ key: 'issued', label: t('minutes.issue'), children: t('minutes.issuedOn', { date: minutes.issuedOn }) }] : []),
            ...(minutes.distribution !== null
              ? [
                  {
                    key: 'distribution',
                    label: t('minutes.distribution'),
                    children: (
                      <Space orientation="vertical" size={0}>
                        <span>{t('minutes.memberUnits', { count: minutes.distribution.memberUnits.length })}</span>
                        {minutes.distribution.reportCopyTo.length > 0 && <span>{t('minutes.reportCopyTo', { names: minutes.distribution.reportCopyTo.join('、') })}</span>}
                        {minutes.distribution.copyTo.length > 0 && <span>{t('minutes.copyTo', { names: minutes.distribution.copyTo.join('、') })}</span>}
                      </Space>
                    ),
                  },
                ]
              : []),
            ...(minutes.decisionIds.length > 0 ? [{ key: 'decisions', label: t('minutes.decidedItems'), children: t('minutes.decisions', { count: minutes.decisionIds.length }) }] : []),
          ]}
        />
      )}
      {editable ? (
        <Form<MinutesValues>
          form={form}
          layout="vertical"
          name="minutes"
          initialValues={{ items: [] }}
          onFinish={(values) => {
            if (!save.isPending) save.mutate(values);
          }}
        >
          {minutes?.status === 'signed_off' && <Alert type="warning" showIcon title={t('minutes.reopenWarning')} style={{ marginBottom: 16 }} />}
          <Form.Item name="title" label={t('minutes.title')}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="proceedings" label={t('minutes.proceedings')} rules={[{ required: true, whitespace: true, message: t('minutes.proceedingsRequired') }]}>
            <Input.TextArea rows={8} />
          </Form.Item>
          <Typography.Title level={5}>{t('minutes.decidedItems')}</Typography.Title>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    title={`${t('minutes.decidedItems')} ${index + 1}`}
                    extra={
                      <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                        {t('minutes.remove')}
                      </Button>
                    }
                  >
                    <Form.Item name={[field.name, 'text']} label={t('minutes.itemText')} rules={[{ required: true, whitespace: true, message: t('minutes.itemTextRequired') }]}>
                      <Input.TextArea rows={2} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'leadUnitId']} label={t('minutes.leadUnit')} rules={[{ required: true, message: t('minutes.leadUnitRequired') }]}>
                      <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} loading={units.isFetching} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'coUnitIds']} label={t('minutes.coUnits')}>
                      <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'deadlineKind']} label={t('minutes.deadline')} initialValue="charter_default">
                      <Radio.Group
                        options={(['charter_default', 'working_days', 'date'] as const).map((kind) => ({ value: kind, label: t(`minutes.deadline.${kind}`) }))}
                      />
                    </Form.Item>
                    <Form.Item noStyle dependencies={[['items', field.name, 'deadlineKind']]}>
                      {() => {
                        const kind = form.getFieldValue(['items', field.name, 'deadlineKind']) as DeadlineKind | undefined;
                        if (kind === 'working_days') {
                          return (
                            <Form.Item name={[field.name, 'days']} label={t('minutes.deadlineDays')} initialValue={10} rules={[{ required: true }]}>
                              <InputNumber min={1} max={365} precision={0} onKeyDown={keepEnter} />
                            </Form.Item>
                          );
                        }
                        if (kind === 'date') {
                          return (
                            <Form.Item name={[field.name, 'date']} label={t('minutes.deadlineDate')} rules={[{ required: true }]}>
                              <DateField />
                            </Form.Item>
                          );
                        }
                        return null;
                      }}
                    </Form.Item>
                  </Card>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ deadlineKind: 'charter_default', coUnitIds: [] })}>
                  {t('minutes.addItem')}
                </Button>
              </Space>
            )}
          </Form.List>
          <Space wrap style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={save.isPending} disabled={save.isPending}>
              {minutes === null ? t('minutes.draft') : t('minutes.save')}
            </Button>
            {minutes?.status === 'signed_off' && <Button onClick={() => setReopened(false)}>{t('common.cancel')}</Button>}
            {save.isError && (
              <span data-testid="minutes-error">
                <InlineError error={save.error} />
              </span>
            )}
          </Space>
        </Form>
      ) : (
        minutes !== null && <MinutesView minutes={minutes} unitName={unitName} />
      )}
      {minutes !== null && (
        <Space wrap data-testid="minutes-actions">
          <ActionButton actions={minutes.actions} action="minutes.download" href={minutesDocumentUrl(meeting.bodyId, minutes.id, 'docx')} icon={<DownloadOutlined />}>
            {t('minutes.downloadDocx')}
          </ActionButton>
          <ActionButton actions={minutes.actions} action="minutes.download" href={minutesDocumentUrl(meeting.bodyId, minutes.id, 'pdf')} icon={<DownloadOutlined />}>
            {t('minutes.downloadPdf')}
          </ActionButton>
          <ActionButton
            actions={minutes.actions}
            action="minutes.sign_off"
            type="primary"
            confirm={t('minutes.signOffConfirm')}
            confirmTexts={confirmTexts}
            run={() => signOffMinutes(meeting.bodyId, minutes.id)}
            onDone={refresh}
          >
            {t('minutes.signOff')}
          </ActionButton>
          <ActionButton
            actions={minutes.actions}
            action="minutes.issue"
            type="primary"
            confirm={t('minutes.issueConfirm')}
            confirmTexts={confirmTexts}
            run={() => issueMinutes(meeting.bodyId, minutes.id)}
            onDone={refresh}
          >
            {t('minutes.issue')}
          </ActionButton>
          {minutes.status === 'signed_off' && !reopened && (
            <ActionButton actions={minutes.actions} action="minutes.edit" onOpen={() => setReopened(true)}>
              {t('minutes.reopen')}
            </ActionButton>
          )}
          <ActionButton
            actions={minutes.actions}
            action="minutes.correct"
            confirm={t('minutes.correctConfirm')}
            confirmTexts={confirmTexts}
            run={() => correctMinutes(meeting.bodyId, minutes.id)}
            onDone={refresh}
          >
            {t('minutes.correct')}
          </ActionButton>
        </Space>
      )}
    </Space>
  );
}

/** Enter in a date or number field of the minutes form does not submit the form. */
function keepEnter(event: KeyboardEvent) {
  if (event.key === 'Enter') event.preventDefault();
}

function MinutesView({ minutes, unitName }: { minutes: Minutes; unitName: (unitId: string) => string }) {
  const { t, field } = useI18n();
  const deadlineText = (deadline: DecidedItemInput['deadline']) =>
    deadline.kind === 'date' ? deadline.date : deadline.kind === 'working_days' ? t('rule.workingDays', { days: deadline.days }) : t('minutes.deadline.charter_default');
  return (
    <Card size="small" title={<h3 className="lx-card-title">{minutes.title}</h3>}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{minutes.proceedings}</Typography.Paragraph>
      {minutes.decidedItems.length > 0 && (
        <List
          header={<Typography.Text strong>{t('minutes.decidedItems')}</Typography.Text>}
          dataSource={minutes.decidedItems}
          renderItem={(item, index) => (
            <List.Item>
              <Space orientation="vertical" size={2}>
                <Typography.Text>
                  {index + 1}. {item.text}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {[
                    field(t('minutes.leadUnit'), unitName(item.leadUnitId)),
                    ...(item.coUnitIds.length > 0 ? [field(t('minutes.coUnits'), item.coUnitIds.map(unitName).join('、'))] : []),
                    field(t('minutes.deadline'), deadlineText(item.deadline)),
                  ].join(' · ')}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {field(
          t('minutes.attendance'),
          [
            minutes.attendance.attended.map((entry) => entry.unitName).join('、') || t('common.none'),
            minutes.attendance.absentWithLeave.map((entry) => entry.unitName).join('、') || t('common.none'),
            minutes.observers.map((observer) => observer.name).join('、') || t('common.none'),
          ].join(' / '),
        )}
      </Typography.Paragraph>
    </Card>
  );
}
