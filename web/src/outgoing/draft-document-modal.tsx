/**
 * Drafting an outgoing document (拟稿): its kind, the name it is issued in, the group it comes from
 * (a group's paper follows the charter's rule for groups), title and text. The signing chain it will
 * follow is shown as the charter states it before the draft is saved.
 */
import { App as AntApp, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { listGroups } from '../bodies/bodies-api.ts';

const KINDS = ['notice', 'circular', 'letter', 'report'] as const;

interface FormValues {
  kind: (typeof KINDS)[number];
  issuedInNameOf: 'body' | 'office';
  groupId: string | null;
  title: string;
  content: string;
}

export function DraftDocumentModal({ bodyId, open, onClose }: { bodyId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const issuedInNameOf = Form.useWatch('issuedInNameOf', form) ?? 'body';
  const groupId = Form.useWatch('groupId', form) ?? null;
  const groups = useQuery({ queryKey: ['groups', bodyId], queryFn: () => listGroups(bodyId), enabled: open });
  const chain = useQuery({
    queryKey: ['signing-chain', bodyId, issuedInNameOf, groupId !== null],
    queryFn: () => unwrap(api.GET('/api/bodies/{bodyId}/signing-chain', { params: { path: { bodyId }, query: { issuedInNameOf, fromGroup: groupId !== null ? 'true' : 'false' } } })),
    enabled: open,
  });
  const draft = useMutation({
    mutationFn: (values: FormValues) =>
      unwrap(api.POST('/api/bodies/{bodyId}/outgoing-documents', { params: { path: { bodyId } }, body: { ...values, groupId: values.groupId ?? null } })),
    onSuccess: (document) => {
      void message.success(t('outgoing.drafted'));
      void queryClient.invalidateQueries({ queryKey: ['outgoing-documents', bodyId] });
      onClose();
      void navigate(`/bodies/${bodyId}/outgoing-documents/${document.id}`);
    },
  });
  return (
    <Modal
      open={open}
      title={t('outgoing.draft')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('outgoing.draft')}
      cancelText={t('common.cancel')}
      confirmLoading={draft.isPending}
      width={640}
      destroyOnHidden
    >
      {draft.isError && <ErrorAlert error={draft.error} />}
      <Form<FormValues> form={form} layout="vertical" initialValues={{ kind: 'notice', issuedInNameOf: 'body', groupId: null, title: '', content: '' }} onFinish={(values) => draft.mutate(values)}>
        <Form.Item name="kind" label={t('outgoing.kind')}>
          <Radio.Group options={KINDS.map((kind) => ({ value: kind, label: t(`outgoing.kind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="issuedInNameOf" label={t('outgoing.issuer')}>
          <Radio.Group
            options={[
              { value: 'body', label: t('outgoing.issuer.body') },
              { value: 'office', label: t('outgoing.issuer.office') },
            ]}
          />
        </Form.Item>
        <Form.Item name="groupId" label={t('outgoing.group')}>
          <Select allowClear placeholder={t('outgoing.noGroup')} options={(groups.data?.items ?? []).map((group) => ({ value: group.id, label: group.name }))} />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          {t('outgoing.chain')}：{(chain.data?.steps ?? []).map((step) => step.label).join(' → ')}
        </Typography.Paragraph>
        <Form.Item name="title" label={t('outgoing.docTitle')} rules={[{ required: true, whitespace: true, message: t('outgoing.titleRequired') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="content" label={t('outgoing.content')}>
          <Input.TextArea rows={6} maxLength={100_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
