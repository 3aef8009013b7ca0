/**
 * Groups (专题组), support groups (保障组) and categories (协调类别) with their lead units, member
 * units and own leaders (组长, 副组长). The office edits a group (audited; kept as a correction
 * that survives a re-import of the charter).
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Empty, Form, Input, Modal, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { todayInShanghai } from '../common/today.ts';
import { listBodyUnits, listGroups, listMemberships, type BodyGroup } from './bodies-api.ts';
import { correctGroup } from './membership-changes-api.ts';

interface GroupEditValues {
  leadUnitIds: string[];
  memberUnitIds: string[];
  leader?: string;
  deputies: string[];
  reason: string;
}

function GroupEditor({ bodyId, group, onClose }: { bodyId: string; group: BodyGroup; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<GroupEditValues>();
  const today = todayInShanghai();
  const units = useQuery({ queryKey: ['body-units', bodyId, today], queryFn: () => listBodyUnits(bodyId, today) });
  const memberships = useQuery({ queryKey: ['memberships', bodyId, today], queryFn: () => listMemberships(bodyId, today) });
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.unitId, label: u.name }));
  const people = new Map<string, string>();
  for (const m of memberships.data?.items ?? []) {
    if (m.personId !== null && m.personName !== null && !people.has(m.personId)) people.set(m.personId, m.unitName === null ? `${m.personName}（${m.title}）` : `${m.personName}（${m.unitName}${m.title}）`);
  }
  const personOptions = [...people].map(([value, label]) => ({ value, label }));
  const save = useMutation({
    mutationFn: (values: GroupEditValues) =>
      correctGroup(bodyId, group.id, {
        leadUnitIds: values.leadUnitIds,
        memberUnitIds: values.memberUnitIds.filter((id) => !values.leadUnitIds.includes(id)),
        leaders: [
          ...(values.leader === undefined ? [] : [{ personId: values.leader, title: '组长' as const }]),
          ...values.deputies.filter((id) => id !== values.leader).map((personId) => ({ personId, title: '副组长' as const })),
        ],
        reason: values.reason.trim(),
      }),
    onSuccess: (saved) => {
      // Show the saved group at once (the answer is the group as stored), then read the list again.
      queryClient.setQueryData<{ items: BodyGroup[] }>(['groups', bodyId], (list) =>
        list === undefined ? list : { ...list, items: list.items.map((item) => (item.id === saved.id ? saved : item)) },
      );
      void queryClient.invalidateQueries({ queryKey: ['groups', bodyId] });
      void message.success(t('groupEdit.saved'));
      onClose();
    },
  });
  const leader = group.leaders.find((l) => l.title === '组长');
  return (
    <Modal
      open
      title={`${t('groupEdit.title')} · ${group.name}`}
      okText={t('groupEdit.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Alert type="info" showIcon title={t('groupEdit.hint')} style={{ marginBottom: 16 }} />
      {(units.isError || memberships.isError) && <ErrorAlert error={units.error ?? memberships.error} />}
      <Form<GroupEditValues>
        form={form}
        layout="vertical"
        name="edit-group"
        initialValues={{
          leadUnitIds: group.leadUnits.map((u) => u.id),
          memberUnitIds: group.memberUnits.map((u) => u.id),
          leader: leader?.personId,
          deputies: group.leaders.filter((l) => l.title === '副组长').map((l) => l.personId),
          reason: '',
        }}
        onFinish={(values) => save.mutate(values)}
      >
        {save.isError && (
          <div style={{ marginBottom: 16 }} data-testid="group-edit-error">
            <ErrorAlert error={save.error} />
          </div>
        )}
        <Form.Item name="leadUnitIds" label={t('groupEdit.leadUnits')}>
          <Select mode="multiple" options={unitOptions} loading={units.isPending} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="memberUnitIds" label={t('groupEdit.memberUnits')}>
          <Select mode="multiple" options={unitOptions} loading={units.isPending} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="leader" label={t('groupEdit.leader')} extra={t('groupEdit.leaderHint')}>
          <Select allowClear options={personOptions} loading={memberships.isPending} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="deputies" label={t('groupEdit.deputies')}>
          <Select mode="multiple" options={personOptions} loading={memberships.isPending} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('groupEdit.reason')} rules={[{ required: true, whitespace: true, message: t('groupEdit.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function GroupsTab({ bodyId, office = false }: { bodyId: string; /** The account works in the body's office (edits groups) */ office?: boolean }) {
  const { t } = useI18n();
  const groups = useQuery({ queryKey: ['groups', bodyId], queryFn: () => listGroups(bodyId) });
  const [editing, setEditing] = useState<BodyGroup | null>(null);
  if (groups.isPending) return <Spin description={t('app.loading')} style={{ display: 'block', margin: '40px auto' }} />;
  if (groups.isError) return <ErrorAlert error={groups.error} />;
  if (groups.data.items.length === 0) return <Empty description={t('groups.empty')} />;
  return (
    <Row gutter={[16, 16]}>
      {groups.data.items.map((group) => (
        <Col key={group.id} xs={24} lg={12}>
          <Card
            size="small"
            data-testid={`group-${group.name}`}
            title={
              <Space>
                <Tag color="geekblue">{t(`groups.kind.${group.kind}`)}</Tag>
                <h2 className="lx-card-title" style={{ display: 'inline' }}>
                  {group.name}
                </h2>
                {group.correction !== null && <Tag color="orange">{t('groupEdit.corrected')}</Tag>}
              </Space>
            }
            extra={
              office && (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(group)} aria-label={`${t('groupEdit.edit')} ${group.name}`}>
                  {t('groupEdit.edit')}
                </Button>
              )
            }
          >
            <Typography.Paragraph>
              <Typography.Text strong>{t('groups.leadUnits')}：</Typography.Text>
              <span data-testid="group-lead-units">{group.leadUnits.length === 0 ? t('common.none') : group.leadUnits.map((unit) => unit.name).join('、')}</span>
            </Typography.Paragraph>
            <Typography.Paragraph>
              <Typography.Text strong>{t('groups.memberUnits')}：</Typography.Text>
              {group.memberUnits.length === 0 ? t('common.none') : group.memberUnits.map((unit) => unit.name).join('、')}
            </Typography.Paragraph>
            <Typography.Paragraph>
              <Typography.Text strong>{t('groups.leaders')}：</Typography.Text>
              {group.leaders.length === 0 ? t('common.none') : group.leaders.map((l) => `${l.personName}（${l.title}）`).join('、')}
            </Typography.Paragraph>
            {group.duties.length > 0 && (
              <>
                <Typography.Text strong>{t('groups.duties')}：</Typography.Text>
                <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {group.duties.map((duty) => (
                    <li key={duty}>{duty}</li>
                  ))}
                </ol>
              </>
            )}
          </Card>
        </Col>
      ))}
      {editing !== null && <GroupEditor bodyId={bodyId} group={editing} onClose={() => setEditing(null)} />}
    </Row>
  );
}
