/**
 * The history of one unit's posts (or of the convener's posts): every holder, present and previous,
 * with the dates they held it ([任职起, 任职止) — the end is the first day they no longer held it),
 * newest first, and the proposals that changed them.
 */
import { Modal, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { listPostHistory } from './membership-changes-api.ts';
import type { PostHistoryItem } from './membership-changes-api.ts';

export function MembershipPostHistory({
  bodyId,
  unitId,
  unitName,
  today,
  onClose,
}: {
  bodyId: string;
  /** The member unit; null for the convener's and deputy conveners' posts */
  unitId: string | null;
  unitName: string | null;
  today: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const history = useQuery({ queryKey: ['post-history', bodyId, unitId], queryFn: () => listPostHistory(bodyId, unitId) });
  const items = (history.data?.items ?? [])
    .filter((m) => (unitId === null ? m.roleKind === 'convener' || m.roleKind === 'deputy_convener' : true))
    .sort((a, b) => a.roleKind.localeCompare(b.roleKind) || b.validFrom.localeCompare(a.validFrom));
  const current = (m: PostHistoryItem) => m.validFrom <= today && (m.validTo === null || m.validTo > today);
  const columns: TableColumnsType<PostHistoryItem> = [
    { title: t('members.role'), key: 'title', render: (_v, m) => m.title },
    {
      title: t('members.person'),
      key: 'person',
      render: (_v, m) => (m.vacant || m.personName === null ? <Typography.Text type="secondary">{t('chart.vacant')}</Typography.Text> : m.personName),
    },
    { title: t('members.position'), key: 'position', render: (_v, m) => m.position ?? t('common.none') },
    { title: t('members.from'), dataIndex: 'validFrom', key: 'from' },
    {
      title: t('posts.history.to'),
      key: 'to',
      render: (_v, m) => (current(m) ? <Tag color="green">{t('posts.history.current')}</Tag> : (m.validTo ?? t('common.none'))),
    },
  ];
  return (
    <Modal
      open
      width={760}
      title={t('posts.history.title', { post: unitName ?? t('members.roles') })}
      onCancel={onClose}
      onOk={onClose}
      okText={t('common.ok')}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      {history.isError && <ErrorAlert error={history.error} />}
      <Table<PostHistoryItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={history.isFetching}
        pagination={false}
        locale={{ emptyText: t('members.empty') }}
        scroll={{ x: 'max-content' }}
        data-testid="post-history"
      />
    </Modal>
  );
}
