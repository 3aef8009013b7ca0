/**
 * The office compiles a bulletin issue: the charter's series (or a name the office gives when the
 * charter names none), adopted information reports to include, an article of its own, the member
 * units and roles it goes to, and the 报 / 送 lines (the charter's, which the office may change).
 */
import { useEffect } from 'react';
import { App as AntApp, Checkbox, Empty, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { compileBulletin, getBulletinSeries, listBulletinCandidates } from './outgoing-api.ts';
import type { CompileBulletinRequest } from './outgoing-api.ts';

const ROLES = ['convener', 'deputy_convener', 'member', 'liaison'] as const;
type Role = (typeof ROLES)[number];

interface FormValues {
  series: string;
  issuedInNameOf: 'body' | 'office';
  reportIds: string[];
  articleTitle: string;
  articleText: string;
  recipientUnitIds: string[];
  recipientRoles: Role[];
  reportTo: string;
  copyTo: string;
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

export function CompileBulletinModal({ bodyId, units, open, onClose }: { bodyId: string; units: { unitId: string; name: string }[]; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const series = useQuery({ queryKey: ['bulletin-series', bodyId], queryFn: () => getBulletinSeries(bodyId), enabled: open });
  const candidates = useQuery({ queryKey: ['bulletin-candidates', bodyId], queryFn: () => listBulletinCandidates(bodyId), enabled: open });

  useEffect(() => {
    if (!open || series.data === undefined) return;
    form.setFieldsValue({ series: series.data.name ?? '', reportTo: series.data.reportTo.join('\n'), copyTo: series.data.copyTo.join('\n') });
  }, [open, series.data, form]);

  const compile = useMutation({
    mutationFn: (values: FormValues) => {
      const article = values.articleTitle.trim() !== '' || values.articleText.trim() !== '' ? [{ title: values.articleTitle, text: values.articleText }] : [];
      const body: CompileBulletinRequest = {
        series: values.series.trim() === '' ? null : values.series.trim(),
        issuedInNameOf: values.issuedInNameOf,
        reportIds: values.reportIds,
        articles: article,
        recipientUnitIds: values.recipientUnitIds,
        recipientRoles: values.recipientRoles,
        reportTo: lines(values.reportTo),
        copyTo: lines(values.copyTo),
      };
      return compileBulletin(bodyId, body);
    },
    onSuccess: (bulletin) => {
      void message.success(t('bulletin.compiled'));
      void queryClient.invalidateQueries({ queryKey: ['outgoing-documents', bodyId] });
      onClose();
      void navigate(`/bodies/${bodyId}/outgoing-documents/${bulletin.document.id}`);
    },
  });

  const clause = series.data?.clause;
  return (
    <Modal
      open={open}
      title={t('bulletin.compileTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('bulletin.compile')}
      cancelText={t('common.cancel')}
      confirmLoading={compile.isPending}
      width={720}
      destroyOnHidden
    >
      {compile.isError && <ErrorAlert error={compile.error} />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ series: '', issuedInNameOf: 'body', reportIds: [], articleTitle: '', articleText: '', recipientUnitIds: [], recipientRoles: [], reportTo: '', copyTo: '' }}
        onFinish={(values) => compile.mutate(values)}
      >
        <Form.Item
          name="series"
          label={t('bulletin.series')}
          extra={clause ? t('bulletin.seriesFromCharter', { clause: `${clause.clause ?? ''} ${clause.text}` }) : t('bulletin.seriesNone')}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="issuedInNameOf" label={t('bulletin.issuedInNameOf')}>
          <Radio.Group
            options={[
              { value: 'body', label: t('outgoing.issuer.body') },
              { value: 'office', label: t('outgoing.issuer.office') },
            ]}
          />
        </Form.Item>
        <Form.Item name="reportIds" label={t('bulletin.reports')}>
          {candidates.data && candidates.data.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bulletin.noReports')} />
          ) : (
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              options={(candidates.data?.items ?? []).map((report) => ({ value: report.id, label: `${report.title}${report.reporterName ? `（${report.reporterName}）` : ''}` }))}
            />
          )}
        </Form.Item>
        <Typography.Text strong>{t('bulletin.ownArticle')}</Typography.Text>
        <Form.Item name="articleTitle" label={t('bulletin.articleTitle')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="articleText" label={t('bulletin.articleText')}>
          <Input.TextArea rows={4} maxLength={50_000} />
        </Form.Item>
        <Form.Item name="recipientUnitIds" label={t('bulletin.recipientUnits')}>
          <Select mode="multiple" optionFilterProp="label" options={units.map((unit) => ({ value: unit.unitId, label: unit.name }))} />
        </Form.Item>
        <Form.Item name="recipientRoles" label={t('bulletin.recipientRoles')}>
          <Checkbox.Group options={ROLES.map((role) => ({ value: role, label: t(`bulletin.role.${role}`) }))} />
        </Form.Item>
        <Form.Item name="reportTo" label={t('bulletin.reportTo')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="copyTo" label={t('bulletin.copyTo')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
