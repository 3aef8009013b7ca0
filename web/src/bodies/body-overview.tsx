import { Card, Col, Descriptions, Empty, Row, Space, Typography } from 'antd';
import type { Charter } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FindingList } from '../charter/finding-list.tsx';
import type { Span } from '../charter/source-text.ts';
import type { BodyDetail } from './bodies-api.ts';
import { FlagTags } from './body-labels.tsx';
import { SunsetTag } from './sunset-tag.tsx';

export function BodyOverview({ body, charter, onShowSource }: { body: BodyDetail; charter: Charter | undefined; onShowSource: (span: Span) => void }) {
  const { t } = useI18n();
  const doc = body.foundingDocument;
  const unknown = t('overview.unknown');
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={<h2 className="lx-card-title">{t('overview.charterSummary')}</h2>}>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 160 } }}>
            <Descriptions.Item label={t('overview.title')}>{doc.title}</Descriptions.Item>
            <Descriptions.Item label={t('overview.docNumber')}>{doc.docNumber ?? unknown}</Descriptions.Item>
            <Descriptions.Item label={t('overview.issueDate')}>{doc.issueDate ?? unknown}</Descriptions.Item>
            <Descriptions.Item label={t('overview.issuer')}>{doc.issuer ?? unknown}</Descriptions.Item>
            <Descriptions.Item label={t('overview.kind')}>{t(`body.kind.${body.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('overview.level')}>{body.level === null ? unknown : t(`body.level.${body.level}`)}</Descriptions.Item>
            <Descriptions.Item label={t('overview.region')}>{body.regionName ?? unknown}</Descriptions.Item>
            <Descriptions.Item label={t('overview.flags')}>
              <FlagTags flags={body.flags} />
            </Descriptions.Item>
            <Descriptions.Item label={t('overview.sunset')}>
              <Space wrap>
                <SunsetTag sunsetDate={body.sunsetDate} />
                {body.sunsetDate !== null && <Typography.Text type="secondary">{body.sunsetDate}</Typography.Text>}
                {body.sunsetDate === null && charter?.sunset != null && <Typography.Text type="secondary">{charter.sunset.text}</Typography.Text>}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('overview.memberUnits')}>{body.memberUnits.length}</Descriptions.Item>
            {charter?.memberUnitsStated != null && (
              <Descriptions.Item label={t('overview.memberUnitsStated')}>{charter.memberUnitsStated}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('overview.office')}>{body.office?.hostUnitName ?? unknown}</Descriptions.Item>
            <Descriptions.Item label={t('overview.version')}>
              {t('versions.version', { number: body.currentCharterVersion.version })}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={<h2 className="lx-card-title">{t('overview.findings')}</h2>}>
          {charter === undefined ? null : charter.findings.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.noFindings')} />
          ) : (
            <FindingList findings={charter.findings} onShowSource={onShowSource} />
          )}
        </Card>
        {charter !== undefined && charter.functions.length > 0 && (
          <Card size="small" style={{ marginTop: 16 }} title={<h2 className="lx-card-title">{t('overview.functions')}</h2>}>
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {charter.functions.map((fn) => (
                <li key={fn.source.start}>{fn.text}</li>
              ))}
            </ol>
          </Card>
        )}
      </Col>
    </Row>
  );
}
