/**
 * 撤销: dissolves a body (office staff, system administrator) after a confirm dialog asking for the
 * first day the body no longer exists and the basis or reason. Before that, the dialog lists the
 * body's open decided items for the office to hand over (transfer to a successor body or unit, or
 * close with a reason); the body is dissolved once none is left. A refusal shows the server's
 * message. `HandoverButton` opens the handover alone for a body already dissolved (e.g. at sunset).
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Modal } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { DateField } from '../common/date-field.tsx';
import { dissolveBody } from './bodies-api.ts';
import { todayInShanghai } from '../common/today.ts';
import { HandoverPanel, useOpenHandoverCount } from '../decisions/handover-panel.tsx';

interface DissolveFormValues {
  on: Dayjs;
  reason: string;
}

export function DissolveButton({ bodyId, bodyName, office = true }: { bodyId: string; bodyName: string; /** The account works in the body's office (hands items over) */ office?: boolean }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<DissolveFormValues>();
  const pending = useOpenHandoverCount(bodyId, open && office);
  const blocked = office && pending !== null && pending > 0;
  const dissolve = useMutation({
    mutationFn: (values: DissolveFormValues) => dissolveBody(bodyId, { on: values.on.format('YYYY-MM-DD'), reason: values.reason.trim() }),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['body', bodyId] });
      void queryClient.invalidateQueries({ queryKey: ['body', bodyId, 'actions'] });
      void queryClient.invalidateQueries({ queryKey: ['bodies'] });
      void message.success(t('dissolve.done'));
    },
  });

  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen(true)}>
        {t('dissolve.button')}
      </Button>
      <Modal
        open={open}
        title={`${t('dissolve.title')} · ${bodyName}`}
        okText={t('dissolve.confirm')}
        okButtonProps={{ danger: true, disabled: blocked || dissolve.isPending }}
        width={office ? 720 : undefined}
        cancelText={t('common.cancel')}
        confirmLoading={dissolve.isPending}
        onOk={() => form.submit()}
        onCancel={() => {
          dissolve.reset();
          setOpen(false);
        }}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t('dissolve.warning')} style={{ marginBottom: 16 }} />
        {office && (
          <div style={{ marginBottom: 16 }}>
            <HandoverPanel bodyId={bodyId} />
          </div>
        )}
        {blocked && <Alert type="error" showIcon title={t('handover.pendingBlock', { count: pending })} style={{ marginBottom: 16 }} data-testid="handover-pending" />}
        <Form<DissolveFormValues> form={form} layout="vertical" name="dissolve-body" initialValues={{ on: dayjs(todayInShanghai()) }} onFinish={(values) => {
            if (!dissolve.isPending) dissolve.mutate(values);
          }}>
          <Form.Item name="on" label={t('dissolve.on')} extra={t('dissolve.onHint')} rules={[{ required: true, message: t('dissolve.onRequired') }]}>
            <DateField disabledDate={(day) => day.isAfter(dayjs(todayInShanghai()), 'day')} />
          </Form.Item>
          <Form.Item name="reason" label={t('dissolve.reason')} rules={[{ required: true, whitespace: true, message: t('dissolve.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('dissolve.reasonPlaceholder')} />
          </Form.Item>
          {/* The refusal beside the dialog's buttons, where the eye is when 确认撤销 was pressed */}
          {dissolve.isError && (
            <div data-testid="dissolve-error">
              <ErrorAlert error={dissolve.error} />
            </div>
          )}
        </Form>
      </Modal>
    </>
  );
}

/** The office of a dissolved body hands over the decided items still open. */
export function HandoverButton({ bodyId, bodyName }: { bodyId: string; bodyName: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('handover.button')}</Button>
      <Modal open={open} title={`${t('handover.title')} · ${bodyName}`} footer={null} width={720} onCancel={() => setOpen(false)} destroyOnHidden>
        <HandoverPanel bodyId={bodyId} />
      </Modal>
    </>
  );
}
