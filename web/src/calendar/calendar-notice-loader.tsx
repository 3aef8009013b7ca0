/**
 * Loading a holiday notice (system administrator): paste the text → the server reads it and shows the
 * days read per numbered item, its findings and the sanity checks → apply (audited). Nothing is stored
 * until "Load" is confirmed.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { applyNotice, previewNotice, type NoticePreview, type NoticeRequest } from './calendar-api.ts';

type Entry = NoticePreview['parsed']['entries'][number];

interface FormValues {
  text: string;
  scope?: string;
}

function toRequest(values: FormValues): NoticeRequest {
  const scope = values.scope?.trim() ?? '';
  return { text: values.text, ...(scope === '' ? {} : { scope }) };
}

export function NoticeLoader() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [reviewed, setReviewed] = useState<{ request: NoticeRequest; preview: NoticePreview } | null>(null);

  const preview = useMutation({
    mutationFn: async (request: NoticeRequest) => ({ request, preview: await previewNotice(request) }),
    onSuccess: (result) => setReviewed(result),
  });
  const apply = useMutation({
    mutationFn: applyNotice,
    onSuccess: (result) => {
      void message.success(result.changed ? t('calendar.notice.applied', { title: result.notice.title }) : t('calendar.notice.unchangedResult'));
      setReviewed(null);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
  });

  const columns: TableColumnsType<Entry> = [
    { key: 'line', title: t('calendar.notice.column.line'), dataIndex: 'line', width: 56 },
    { key: 'festival', title: t('calendar.notice.column.festival'), width: 110, render: (_, entry) => entry.festival ?? '—' },
    { key: 'holidays', title: t('calendar.notice.column.holidays'), render: (_, entry) => entry.holidays.join('、') },
    { key: 'makeUp', title: t('calendar.notice.column.makeUp'), render: (_, entry) => entry.makeUpWorkingDays.join('、') },
    { key: 'source', title: t('calendar.notice.column.source'), dataIndex: 'source' },
  ];

  const result = reviewed?.preview;
  const findings = result === undefined ? [] : [...result.parsed.findings, ...result.checks];
  return (
    <Card size="small" title={<h2 className="lx-card-title">{t('calendar.notice.title')}</h2>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('calendar.notice.hint')}</Typography.Text>
        <Form<FormValues>
          form={form}
          layout="vertical"
          name="calendar-notice"
          onValuesChange={() => setReviewed(null)}
          onFinish={(values) => preview.mutate(toRequest(values))}
        >
          <Form.Item name="text" label={t('calendar.notice.text')} rules={[{ required: true, whitespace: true, message: t('calendar.notice.textRequired') }]}>
            <Input.TextArea rows={10} placeholder={t('calendar.notice.textPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="scope"
            label={t('calendar.notice.scope')}
            rules={[{ pattern: /^(?:national|\d{6})$/, message: t('calendar.notice.scopeInvalid') }]}
          >
            <Input placeholder={t('calendar.notice.scopePlaceholder')} style={{ maxWidth: 320 }} />
          </Form.Item>
          <Button htmlType="submit" loading={preview.isPending}>
            {t('calendar.notice.preview')}
          </Button>
        </Form>
        {preview.isError && <ErrorAlert error={preview.error} />}
        {result !== undefined && (
          <div data-testid="calendar-notice-review">
            <Space orientation="vertical" size="small" style={{ width: '100%' }}>
              <Typography.Text strong>{result.parsed.title ?? ''}</Typography.Text>
              <Typography.Text>
                {t('calendar.notice.read', {
                  scope: result.scopeName ?? t('calendar.notice.noScope'),
                  year: result.parsed.year ?? t('calendar.notice.noYear'),
                  holidays: result.parsed.holidays.length,
                  makeUp: result.parsed.makeUpWorkingDays.length,
                })}
                {result.parsed.docNumber !== null && `（${result.parsed.docNumber}）`}
              </Typography.Text>
              <Table<Entry> rowKey="line" size="small" columns={columns} dataSource={result.parsed.entries} pagination={false} scroll={{ x: true }} />
              {findings.length > 0 && (
                <Alert
                  type={findings.some((finding) => finding.severity === 'error') ? 'error' : 'warning'}
                  showIcon
                  title={t('calendar.notice.findings')}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {findings.map((finding, index) => (
                        <li key={`${finding.code}-${index}`}>{finding.message}</li>
                      ))}
                    </ul>
                  }
                />
              )}
              {!result.canApply && <Alert type="error" showIcon title={t('calendar.notice.cannotApply')} />}
              {result.unchanged && <Alert type="info" showIcon title={t('calendar.notice.unchanged')} />}
              {result.current !== null && !result.unchanged && (
                <Alert
                  type="info"
                  showIcon
                  title={t('calendar.notice.supersedes', { title: result.current.title, loadedAt: new Date(result.current.loadedAt).toLocaleString() })}
                />
              )}
              {apply.isError && <ErrorAlert error={apply.error} />}
              <Popconfirm
                title={t('calendar.notice.applyConfirm')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => reviewed !== null && apply.mutate(reviewed.request)}
                disabled={!result.canApply || result.unchanged}
              >
                <Button type="primary" disabled={!result.canApply || result.unchanged} loading={apply.isPending}>
                  {t('calendar.notice.apply')}
                </Button>
              </Popconfirm>
            </Space>
          </div>
        )}
      </Space>
    </Card>
  );
}
