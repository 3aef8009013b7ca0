import { Card, Col, Empty, Row, Space, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { listGroups } from './bodies-api.ts';

/** Groups (专题组), support groups (保障组) and categories (协调类别) with their lead and member units. */
export function GroupsTab({ bodyId }: { bodyId: string }) {
  const { t } = useI18n();
  const groups = useQuery({ queryKey: ['groups', bodyId], queryFn: () => listGroups(bodyId) });
  if (groups.isPending) return <Spin description={t('app.loading')} style={{ display: 'block', margin: '40px auto' }} />;
  if (groups.isError) return <ErrorAlert error={groups.error} />;
  if (groups.data.items.length === 0) return <Empty description={t('groups.empty')} />;
  return (
    <Row gutter={[16, 16]}>
      {groups.data.items.map((group) => (
        <Col key={group.id} xs={24} lg={12}>
          <Card
            size="small"
            title={
              <Space>
                <Tag color="geekblue">{t(`groups.kind.${group.kind}`)}</Tag>
                <h2 className="lx-card-title" style={{ display: 'inline' }}>
                  {group.name}
                </h2>
              </Space>
            }
          >
            <Typography.Paragraph>
              <Typography.Text strong>{t('groups.leadUnits')}：</Typography.Text>
              {group.leadUnits.length === 0 ? t('common.none') : group.leadUnits.map((unit) => unit.name).join('、')}
            </Typography.Paragraph>
            <Typography.Paragraph>
              <Typography.Text strong>{t('groups.memberUnits')}：</Typography.Text>
              {group.memberUnits.length === 0 ? t('common.none') : group.memberUnits.map((unit) => unit.name).join('、')}
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
    </Row>
  );
}
