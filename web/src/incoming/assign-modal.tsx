/**
 * The convener or the office assigns (批办) or forwards (转办) an incoming document: lead unit,
 * co-handling units, instruction, and the deadline — the charter's by default (the server counts
 * it on the body's working-day calendar and refuses it when the charter states none).
 */
import { App as AntApp, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { assignIncomingDocument } from './incoming-api.ts';
import type { AssignIncomingRequest, IncomingDocument } from './incoming-api.ts';

interface AssignValues {
  routing: 'assign' | 'forward';
  leadUnitId: string;
  coUnitIds?: string[];
  instruction?: string;
  deadlineKind: 'charter_default' | 'working_days' | 'date';
  days?: number;
  date?: string;
}

function deadlineOf(values: AssignValues): AssignIncomingRequest['deadline'] {
  if (values.deadlineKind === 'working_days') return { kind: 'working_days', days: values.days ?? 0 };
  if (values.deadlineKind === 'date') return { kind: 'date', date: (values.date ?? '').trim() };
  return { kind: 'charter_default' };
}

export function AssignModal({ document, units, onClose }: { document: IncomingDocument | null; units: { unitId: string; name: string }[]; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AssignValues>();
  const kind = Form.useWatch('deadlineKind', form);
  const lead = Form.useWatch('leadUnitId', form);
  const assign = useMutation({
    mutationFn: (values: AssignValues) =>
      assignIncomingDocument(
        { bodyId: document?.bodyId ?? '', documentId: document?.id ?? '' },
        {
          routing: values.routing,
          leadUnitId: values.leadUnitId,
          coUnitIds: values.coUnitIds ?? [],
          instruction: values.instruction?.trim() === '' || values.instruction === undefined ? null : values.instruction.trim(),
          deadline: deadlineOf(values),
        },
      ),
    onSuccess: () => {
      void message.success(t('incoming.done'));
      void queryClient.invalidateQueries({ queryKey: ['incoming-documents'] });
      onClose();
    },
  });
  const options = units.map((unit) => ({ value: unit.unitId, label: unit.name }));
  return (
    <Modal
      open={document !== null}
      title={t('incoming.assignTitle', { title: document?.title ?? '' })}
      okText={t('incoming.assign')}
      cancelText={t('common.cancel')}
      confirmLoading={assign.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {assign.isError && (
        <div data-testid="assign-error" style={{ marginBottom: 16 }}>
          <ErrorAlert error={assign.error} />
        </div>
      )}
      <Form<AssignValues> form={form} layout="vertical" name="incoming-assign" initialValues={{ routing: 'forward', deadlineKind: 'charter_default' }} onFinish={(values) => assign.mutate(values)}>
        <Form.Item name="routing" label={t('incoming.routing')}>
          <Radio.Group
            options={[
              { value: 'assign', label: t('incoming.routing.assign') },
              { value: 'forward', label: t('incoming.routing.forward') },
            ]}
          />
        </Form.Item>
        <Form.Item name="leadUnitId" label={t('incoming.leadUnit')} rules={[{ required: true, message: t('incoming.required') }]}>
          <Select options={options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="coUnitIds" label={t('incoming.coUnits')}>
          <Select mode="multiple" options={options.filter((option) => option.value !== lead)} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="instruction" label={t('incoming.instruction')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Form.Item name="deadlineKind" label={t('incoming.deadlineKind')}>
          <Radio.Group
            options={[
              { value: 'charter_default', label: t('incoming.deadline.charter_default') },
              { value: 'working_days', label: t('incoming.deadline.working_days') },
              { value: 'date', label: t('incoming.deadline.date') },
            ]}
          />
        </Form.Item>
        {kind === 'working_days' && (
          <Form.Item name="days" label={t('incoming.deadlineDays')} rules={[{ required: true, message: t('incoming.required') }]}>
            <InputNumber min={1} max={1000} precision={0} />
          </Form.Item>
        )}
        {kind === 'date' && (
          <Form.Item name="date" label={t('incoming.deadlineDate')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('incoming.deadlineDate') }]}>
            <Input maxLength={10} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
