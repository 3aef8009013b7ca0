/**
 * The footer of a cursor-paged list (the registry, accounts, the audit trail): an optional summary
 * such as the total, the page number, and previous / next. Pages are kept in the address by
 * `cursorPages` (cursor-pages.ts).
 */
import type { ReactNode } from 'react';
import { Button, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n.tsx';
import type { CursorPages } from './cursor-pages.ts';

export interface CursorPagerProps {
  pages: CursorPages;
  /** The loaded page's next cursor: null on the last page, undefined while no page is loaded. */
  nextCursor: string | null | undefined;
  /** Shown before the page number, e.g. "共 42 个账号". */
  summary?: ReactNode;
}

export function CursorPager({ pages, nextCursor, summary }: CursorPagerProps) {
  const { t } = useI18n();
  return (
    <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }} wrap>
      {summary !== undefined && <Typography.Text type="secondary">{summary}</Typography.Text>}
      <Typography.Text type="secondary">{t('common.pageInfo', { page: pages.trail.length + 1 })}</Typography.Text>
      <Button icon={<LeftOutlined />} disabled={pages.trail.length === 0} onClick={pages.goPrevious}>
        {t('common.previousPage')}
      </Button>
      <Button disabled={nextCursor == null} onClick={() => nextCursor != null && pages.goNext(nextCursor)}>
        {t('common.nextPage')}
        <RightOutlined />
      </Button>
    </Space>
  );
}
