/** The bodies the signed-in person sits in today, with their role and unit. */
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import type { PersonMembership } from './workspace-api.ts';

const ROLE_COLORS: Record<PersonMembership['roleKind'], string> = {
  convener: 'red',
  deputy_convener: 'volcano',
  member: 'blue',
  liaison: 'cyan',
};

export function MyBodiesSection({ memberships }: { memberships: PersonMembership[] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={<h2 className="lx-card-title">{t('workspace.myBodies')}</h2>}>
      {memberships.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workspace.myBodiesEmpty')} />
      ) : (
        <List<PersonMembership>
          dataSource={memberships}
          rowKey="id"
          renderItem={(membership) => (
            <List.Item>
              <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
                <Link to={`/bodies/${membership.bodyId}`} className="lx-strong-link">
                  {membership.bodyName}
                </Link>
                <Space size={4} wrap>
                  <Tag color={ROLE_COLORS[membership.roleKind]}>{membership.title}</Tag>
                  {membership.unitName !== null && <Typography.Text>{t('workspace.forUnit', { unit: membership.unitName })}</Typography.Text>}
                  <Typography.Text type="secondary">{t('workspace.since', { date: membership.validFrom })}</Typography.Text>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
