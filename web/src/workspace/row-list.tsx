/**
 * The workspace's lists: rows drawn like Ant Design's List, without what the workspace never uses
 * (pagination, loading state, grid). Ant Design's List imports its Pagination, and that its Select:
 * the workspace's first download would carry both (issue 15 point 7).
 */
import { Fragment, type LiHTMLAttributes, type ReactNode } from 'react';

interface RowListProps<T> {
  dataSource: readonly T[];
  /** The row's key: a field of the item, or a function of it */
  rowKey: keyof T | ((item: T) => string);
  renderItem: (item: T) => ReactNode;
}

export function RowList<T>({ dataSource, rowKey, renderItem }: RowListProps<T>) {
  const keyOf = (item: T): string => (typeof rowKey === 'function' ? rowKey(item) : String(item[rowKey]));
  return (
    <ul className="lx-row-list">
      {dataSource.map((item) => (
        <Fragment key={keyOf(item)}>{renderItem(item)}</Fragment>
      ))}
    </ul>
  );
}

/** One row of a RowList. */
function RowListItem({ className, ...rest }: LiHTMLAttributes<HTMLLIElement>) {
  return <li className={className === undefined ? 'lx-row-list-item' : `lx-row-list-item ${className}`} {...rest} />;
}

RowList.Item = RowListItem;
