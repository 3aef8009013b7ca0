/** The office registers an incoming document (收文登记): sending unit, its number, title, received date, attachments. */
import { useState } from 'react';
import { App as AntApp, Button, Form, Input, Modal, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { readAsBase64 } from '../common/read-file.ts';
import { todayInShanghai } from '../common/today.ts';
import { registerIncomingDocument } from './incoming-api.ts';

interface RegisterValues {
  sendingUnit: string;
  sendingNumber?: string;
  title: string;
  receivedOn: string;
}

export function RegisterButton({ bodyId }: { bodyId: string }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [form] = Form.useForm<RegisterValues>();
  const register = useMutation({
    mutationFn: async (values: RegisterValues) =>
      registerIncomingDocument(bodyId, {
        sendingUnit: values.sendingUnit.trim(),
        sendingNumber: values.sendingNumber?.trim() === '' || values.sendingNumber === undefined ? null : values.sendingNumber.trim(),
        title: values.title.trim(),
        receivedOn: values.receivedOn.trim(),
        attachments: await Promise.all(
          files.flatMap((file) =>
            file.originFileObj === undefined
              ? []
              : [
                  readAsBase64(file.originFileObj).then((contentBase64) => ({
                    fileName: file.name,
                    mediaType: file.type === undefined || file.type === '' ? 'application/octet-stream' : file.type,
                    contentBase64,
                  })),
                ],
          ),
        ),
      }),
    onSuccess: () => {
      void message.success(t('incoming.registered'));
      void queryClient.invalidateQueries({ queryKey: ['incoming-documents', bodyId] });
      form.resetFields();
      setFiles([]);
      setOpen(false);
    },
  });
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('incoming.register')}
      </Button>
      <Modal
        open={open}
        title={t('incoming.register')}
        okText={t('incoming.register')}
        cancelText={t('common.cancel')}
        confirmLoading={register.isPending}
        onOk={() => form.submit()}
        onCancel={() => {
          register.reset();
          setOpen(false);
        }}
        destroyOnHidden
      >
        {register.isError && <ErrorAlert error={register.error} />}
        <Form<RegisterValues> form={form} layout="vertical" name="incoming-register" initialValues={{ receivedOn: todayInShanghai() }} onFinish={(values) => register.mutate(values)}>
          <Form.Item name="sendingUnit" label={t('incoming.sendingUnit')} rules={[{ required: true, whitespace: true, message: t('incoming.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="sendingNumber" label={t('incoming.sendingNumber')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="title" label={t('incoming.docTitle')} rules={[{ required: true, whitespace: true, message: t('incoming.required') }]}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="receivedOn" label={t('incoming.receivedOn')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('incoming.deadlineDate') }]}>
            <Input maxLength={10} />
          </Form.Item>
          <Form.Item label={t('incoming.attachments')}>
            <Upload fileList={files} beforeUpload={() => false} onChange={(info) => setFiles(info.fileList)} multiple>
              <Button icon={<UploadOutlined />}>{t('incoming.attachments')}</Button>
            </Upload>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
