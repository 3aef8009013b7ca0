import { Button, List, Tag } from 'antd';
import type { Finding } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Span } from './source-text.ts';

const SEVERITY_COLOR = { error: 'red', warning: 'orange', info: 'blue' } as const;

/** Findings of an import: severity, the Chinese message, and a link to the source when given. */
export function FindingList({ findings, onShowSource }: { findings: readonly Finding[]; onShowSource?: (source: Span) => void }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      dataSource={[...findings]}
      rowKey={(finding) => `${finding.code}-${finding.source?.start ?? ''}-${finding.message}`}
      renderItem={(finding) => {
        const source = finding.source;
        return (
          <List.Item
            actions={
              source !== undefined && onShowSource !== undefined
                ? [
                    <Button key="source" type="link" size="small" onClick={() => onShowSource(source)}>
                      {t('finding.showSource')}
                    </Button>,
                  ]
                : undefined
            }
          >
            <span>
              <Tag color={SEVERITY_COLOR[finding.severity]}>{t(`finding.severity.${finding.severity}`)}</Tag>
              {finding.message}
            </span>
          </List.Item>
        );
      }}
    />
  );
}
