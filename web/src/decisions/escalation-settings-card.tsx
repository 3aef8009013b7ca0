/**
 * The office sets its body's escalation ladder (督办升级规则): after how many working days overdue a
 * reminder is raised to the lead unit's member, then to the convener (and into the next circular),
 * and how many days before the year ends a meeting-frequency shortfall is warned of.
 */
import { App as AntApp, Button, Card, Form, InputNumber, Spin } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { getSupervisionSettings, updateSupervisionSettings, type SupervisionSettings, type SupervisionSettingsChange } from './supervision-api.ts';

interface FormValues {
  memberAfterDays: number;
  convenerAfterDays: number;
  frequencyWarningDays: number;
}

function LadderForm({ bodyId, settings }: { bodyId: string; settings: SupervisionSettings }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (change: SupervisionSettingsChange) => updateSupervisionSettings(bodyId, change),
    onSuccess: (saved) => {
      queryClient.setQueryData(['supervision-settings', bodyId], saved);
      void queryClient.invalidateQueries({ queryKey: ['decisions', bodyId] });
      void message.success(t('ladder.saved'));
    },
  });
  return (
    <Form<FormValues>
      layout="vertical"
      name="escalation-ladder"
      style={{ maxWidth: 560 }}
      initialValues={{ memberAfterDays: settings.memberAfterDays, convenerAfterDays: settings.convenerAfterDays, frequencyWarningDays: settings.frequencyWarningDays }}
      onFinish={(values) => save.mutate(values)}
    >
      {save.isError && <ErrorAlert error={save.error} />}
      <Form.Item name="memberAfterDays" label={t('ladder.memberAfterDays')} extra={t('ladder.memberHint')} rules={[{ required: true, type: 'integer', min: 1, max: 60 }]}>
        <InputNumber min={1} max={60} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="convenerAfterDays" label={t('ladder.convenerAfterDays')} extra={t('ladder.convenerHint')} rules={[{ required: true, type: 'integer', min: 2, max: 120 }]}>
        <InputNumber min={2} max={120} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="frequencyWarningDays" label={t('ladder.frequencyWarningDays')} rules={[{ required: true, type: 'integer', min: 1, max: 180 }]}>
        <InputNumber min={1} max={180} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
        {t('ladder.save')}
      </Button>
    </Form>
  );
}

export function EscalationSettingsCard({ bodyId }: { bodyId: string }) {
  const { t } = useI18n();
  const settings = useQuery({ queryKey: ['supervision-settings', bodyId], queryFn: () => getSupervisionSettings(bodyId) });
  return (
    <Card size="small" title={t('ladder.title')}>
      {settings.isError && <ErrorAlert error={settings.error} />}
      {settings.isPending && <Spin description={t('app.loading')} />}
      {settings.data !== undefined && <LadderForm bodyId={bodyId} settings={settings.data} />}
    </Card>
  );
}
