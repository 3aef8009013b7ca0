/** The lead unit's liaison reports its handling result (办理结果) of an incoming document. */
import { App as AntApp, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { replyIncomingDocument } from './incoming-api.ts';
import type { IncomingRef } from './incoming-api.ts';

export function ReplyModal({ document, onClose }: { document: (IncomingRef & { title: string }) | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ text: string }>();
  const reply = useMutation({
    mutationFn: (text: string) => replyIncomingDocument({ bodyId: document?.bodyId ?? '', documentId: document?.documentId ?? '' }, text),
    onSuccess: () => {
      void message.success(t('incoming.done'));
      void queryClient.invalidateQueries({ queryKey: ['incoming-documents'] });
      void queryClient.invalidateQueries({ queryKey: ['unit-obligations'] });
      onClose();
    },
  });
  return (
    <Modal
      open={document !== null}
      title={t('incoming.replyTitle', { title: document?.title ?? '' })}
      okText={t('incoming.replyAction')}
      cancelText={t('common.cancel')}
      confirmLoading={reply.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {reply.isError && <ErrorAlert error={reply.error} />}
      <Form<{ text: string }> form={form} layout="vertical" name="incoming-reply" onFinish={(values) => reply.mutate(values.text.trim())}>
        <Form.Item name="text" label={t('incoming.reply')} rules={[{ required: true, whitespace: true, message: t('incoming.required') }]}>
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
