/** The bodies the signed-in person sits in today, with their role and unit. */
import { Space, Tag } from 'antd';
import { SectionCard, Text, EmptyNote } from './section-card.tsx';
import { RowList } from './row-list.tsx';
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
    <SectionCard title={<h2 className="lx-card-title">{t('workspace.myBodies')}</h2>}>
      {memberships.length === 0 ? (
        <EmptyNote description={t('workspace.myBodiesEmpty')} />
      ) : (
        <RowList<PersonMembership>
          dataSource={memberships}
          rowKey="id"
          renderItem={(membership) => (
            <RowList.Item>
              <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
                <Link to={`/bodies/${membership.bodyId}`} className="lx-strong-link">
                  {membership.bodyName}
                </Link>
                <Space size={4} wrap>
                  <Tag color={ROLE_COLORS[membership.roleKind]}>{membership.title}</Tag>
                  {membership.unitName !== null && <Text>{t('workspace.forUnit', { unit: membership.unitName })}</Text>}
                  <Text type="secondary">{t('workspace.since', { date: membership.validFrom })}</Text>
                </Space>
              </Space>
            </RowList.Item>
          )}
        />
      )}
    </SectionCard>
  );
}
