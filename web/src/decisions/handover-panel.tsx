/**
 * Handover (移交) of a dissolving body's open decided items, for its office: each open item with its
 * rung, and a small form to transfer it to a successor body or unit, or close it with a reason. The
 * items handed over are listed below. Used by the dissolution dialog and, once the body is
 * dissolved (e.g. at its sunset date), on its own.
 */
import { Alert, App as AntApp, Button, Card, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { todayInShanghai } from '../common/today.ts';
import { listBodies, listBodyUnits } from '../bodies/bodies-api.ts';
import { RungTag } from './rung-tag.tsx';
import { HANDOVER_ACTIONS, getHandover, handOverDecision, type EscalationStanding, type HandoverAction } from './supervision-api.ts';

interface HandoverFormValues {
  action: HandoverAction;
  successorBodyId?: string;
  successorUnitId?: string;
  reason: string;
}

/** The day before `date` (YYYY-MM-DD). */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function HandoverItem({ bodyId, item, unitOptions, bodyOptions }: { bodyId: string; item: EscalationStanding; unitOptions: { value: string; label: string }[]; bodyOptions: { value: string; label: string }[] }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<HandoverFormValues>();
  const action = Form.useWatch('action', form);
  const handOver = useMutation({
    mutationFn: (values: HandoverFormValues) =>
      handOverDecision(bodyId, item.decisionId, {
        action: values.action,
        reason: values.reason.trim(),
        ...(values.action === 'transfer_body' ? { successorBodyId: values.successorBodyId ?? null } : {}),
        ...(values.action === 'transfer_unit' ? { successorUnitId: values.successorUnitId ?? null } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['handover', bodyId] });
      void queryClient.invalidateQueries({ queryKey: ['decisions', bodyId] });
      void message.success(t('handover.submitted'));
    },
  });
  const formName = `handover-${item.decisionId}`;
  return (
    <Card size="small" data-testid="handover-item" title={<Typography.Text>{`${item.itemNo}. ${item.text}`}</Typography.Text>} extra={<RungTag rung={item.rung} />}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {item.leadUnit.name} · {t('decisions.column.deadline')} {item.deadline}
      </Typography.Paragraph>
      {handOver.isError && (
        <div style={{ marginBottom: 8 }}>
          <ErrorAlert error={handOver.error} />
        </div>
      )}
      <Form<HandoverFormValues> form={form} layout="vertical" name={formName} initialValues={{ action: 'close' }} onFinish={(values) => handOver.mutate(values)}>
        <Form.Item name="action" label={t('handover.action')} rules={[{ required: true }]}>
          <Select<HandoverAction> options={HANDOVER_ACTIONS.map((value) => ({ value, label: t(`handover.action.${value}`) }))} />
        </Form.Item>
        {action === 'transfer_body' && (
          <Form.Item name="successorBodyId" label={t('handover.successorBody')} rules={[{ required: true, message: t('handover.successorBodyRequired') }]}>
            <Select<string> showSearch={{ optionFilterProp: 'label' }} options={bodyOptions} />
          </Form.Item>
        )}
        {action === 'transfer_unit' && (
          <Form.Item name="successorUnitId" label={t('handover.successorUnit')} rules={[{ required: true, message: t('handover.successorUnitRequired') }]}>
            <Select<string> showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('handover.reason')} rules={[{ required: true, whitespace: true, message: t('handover.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={handOver.isPending}>
          {t('handover.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** The open items and the handovers of a body; `onOpenCount` tells the dialog how many are left. */
export function HandoverPanel({ bodyId }: { bodyId: string }) {
  const { t } = useI18n();
  const overview = useQuery({ queryKey: ['handover', bodyId], queryFn: () => getHandover(bodyId) });
  const unitsOn = overview.data?.dissolvedOn == null ? todayInShanghai() : dayBefore(overview.data.dissolvedOn);
  const units = useQuery({ queryKey: ['body-units', bodyId, unitsOn], queryFn: () => listBodyUnits(bodyId, unitsOn), enabled: overview.data !== undefined });
  const bodies = useQuery({ queryKey: ['bodies', 'handover-successors'], queryFn: () => listBodies({ status: 'active', limit: 200 }) });
  if (overview.isError) return <ErrorAlert error={overview.error} />;
  if (overview.data === undefined) return null;
  const data = overview.data;
  const unitOptions = (units.data?.items ?? []).map((unit) => ({ value: unit.unitId, label: unit.name }));
  const bodyOptions = (bodies.data?.items ?? []).filter((body) => body.id !== bodyId).map((body) => ({ value: body.id, label: body.name }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="handover-panel">
      <Alert type="info" showIcon title={data.status === 'dissolved' ? t('handover.introDissolved') : t('handover.intro')} />
      <Typography.Text strong>{t('handover.open', { count: data.openItems.length })}</Typography.Text>
      {data.openItems.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('handover.none')} />
      ) : (
        data.openItems.map((item) => <HandoverItem key={item.decisionId} bodyId={bodyId} item={item} unitOptions={unitOptions} bodyOptions={bodyOptions} />)
      )}
      {data.handovers.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('handover.done', { count: data.handovers.length })}</Typography.Text>}
          dataSource={data.handovers}
          renderItem={(record) => (
            <List.Item data-testid="handover-record">
              <Space wrap>
                <Tag>{t(`handover.action.${record.action}`)}</Tag>
                <span>{record.text}</span>
                {record.successorBody !== null && <Typography.Text type="secondary">→ {record.successorBody.name}</Typography.Text>}
                {record.successorUnit !== null && <Typography.Text type="secondary">→ {record.successorUnit.name}</Typography.Text>}
                <Typography.Text type="secondary">{record.reason}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

/** How many open items still wait for a handover (null while loading). */
export function useOpenHandoverCount(bodyId: string, enabled: boolean): number | null {
  const overview = useQuery({ queryKey: ['handover', bodyId], queryFn: () => getHandover(bodyId), enabled });
  return overview.data === undefined ? null : overview.data.openItems.length;
}
