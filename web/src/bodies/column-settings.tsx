/**
 * Column settings of a list (列设置): which columns show, remembered per list in localStorage, and
 * the button with its checklist. Columns that must always show are not offered.
 */
import { useState } from 'react';
import { Button, Checkbox, Popover, Space } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n.tsx';

function readHidden(storageKey: string): string[] {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(stored) ? stored.filter((value): value is string => typeof value === 'string') : [];
  } catch {
    return [];
  }
}

/** The hidden columns of the list `storageKey` and a setter that remembers them. */
export function useHiddenColumns(storageKey: string): [string[], (hidden: string[]) => void] {
  const [hidden, setHidden] = useState<string[]>(() => readHidden(storageKey));
  const update = (next: string[]) => {
    setHidden(next);
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // Storage full or refused: the choice holds for this visit only
    }
  };
  return [hidden, update];
}

export function ColumnSettings({
  columns,
  hidden,
  onChange,
}: {
  /** The columns that may be hidden: key and title */
  columns: { key: string; title: string }[];
  hidden: string[];
  onChange: (hidden: string[]) => void;
}) {
  const { t } = useI18n();
  const shown = columns.map((column) => column.key).filter((key) => !hidden.includes(key));
  const content = (
    <Space orientation="vertical">
      <Checkbox.Group
        aria-label={t('lists.columns')}
        style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        value={shown}
        options={columns.map((column) => ({ value: column.key, label: column.title }))}
        onChange={(values) => onChange(columns.map((column) => column.key).filter((key) => !values.includes(key)))}
      />
      <Button size="small" onClick={() => onChange([])}>
        {t('lists.columnsReset')}
      </Button>
    </Space>
  );
  return (
    <Popover trigger="click" content={content} title={t('lists.columns')} placement="bottomRight">
      <Button icon={<SettingOutlined />} aria-label={t('lists.columns')}>
        {t('lists.columns')}
      </Button>
    </Popover>
  );
}
