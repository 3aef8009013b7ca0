/**
 * The to-do centre (待办 / 已办, issue 15 point 4): what waits for me in every body I sit in —
 * agenda items to approve, minutes to sign off, documents to review or sign, membership changes to
 * confirm, my unit's decided items and incoming documents, information reports, and for the office
 * items to close, overdue items and minutes to issue — grouped by kind, overdue first, each linking
 * to its screen; and the last things I did.
 */
import { Badge, Card, Empty, List, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { formatTime } from '../meetings/meeting-labels.tsx';
import { useTodo, type DoneEntry, type TodoItem } from './todo-api.ts';

interface TodoGroup {
  kind: TodoItem['kind'];
  kindName: string;
  items: TodoItem[];
  overdue: number;
}

/** Groups by kind in the order the (already sorted: overdue first) items meet them. */
export function groupTodo(items: readonly TodoItem[]): TodoGroup[] {
  const groups = new Map<TodoItem['kind'], TodoGroup>();
  for (const item of items) {
    const group = groups.get(item.kind) ?? { kind: item.kind, kindName: item.kindName, items: [], overdue: 0 };
    group.items.push(item);
    if (item.overdue) group.overdue += 1;
    groups.set(item.kind, group);
  }
  return [...groups.values()];
}

function Standing({ item }: { item: TodoItem }) {
  const { t } = useI18n();
  if (item.deadline === null) return null;
  const unit = item.dayUnit === 'working' ? 'working' : 'calendar';
  let text = t('todo.deadline', { date: item.deadline });
  if (item.overdue && item.daysOverdue !== null) text += ` · ${t(`todo.daysOverdue.${unit}`, { days: item.daysOverdue })}`;
  else if (item.daysLeft === 0) text += ` · ${t('todo.dueToday')}`;
  else if (item.daysLeft !== null) text += ` · ${t(`todo.daysLeft.${unit}`, { days: item.daysLeft })}`;
  return <Typography.Text type={item.overdue ? 'danger' : 'secondary'}>{text}</Typography.Text>;
}

function TodoList({ items }: { items: readonly TodoItem[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <Empty description={t('todo.empty')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {groupTodo(items).map((group) => (
        <Card
          key={group.kind}
          size="small"
          data-testid={`todo-group-${group.kind}`}
          title={
            <Space>
              <h2 className="lx-card-title">{group.kindName}</h2>
              <Badge count={group.items.length} color={group.overdue > 0 ? 'red' : 'blue'} showZero />
            </Space>
          }
        >
          <List
            dataSource={group.items}
            rowKey={(item) => `${item.kind}:${item.id}`}
            renderItem={(item) => (
              <List.Item actions={[<Link key="open" to={item.link}>{t('todo.open')}</Link>]}>
                <List.Item.Meta
                  title={
                    <Space wrap size={4}>
                      {item.overdue && <Tag color="red">{t('todo.overdue')}</Tag>}
                      <Link to={item.link}>{item.title}</Link>
                    </Space>
                  }
                  description={
                    <Space wrap size={12}>
                      <span>{item.bodyName}</span>
                      {item.statusName !== null && <span>{item.statusName}</span>}
                      <Standing item={item} />
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Space>
  );
}

function DoneList({ entries }: { entries: readonly DoneEntry[] }) {
  const { t } = useI18n();
  const columns: TableColumnsType<DoneEntry> = [
    { title: t('todo.done.action'), dataIndex: 'actionName', key: 'action' },
    { title: t('todo.done.object'), dataIndex: 'objectName', key: 'object', ellipsis: true },
    { title: t('todo.done.time'), dataIndex: 'at', key: 'at', render: (at: string) => formatTime(at), width: 180 },
  ];
  return <Table<DoneEntry> size="small" rowKey="seq" columns={columns} dataSource={[...entries]} pagination={false} locale={{ emptyText: t('todo.doneEmpty') }} scroll={{ x: true }} />;
}

export function TodoPage() {
  const { t } = useI18n();
  const todo = useTodo({ onOpen: 'refresh' });
  if (todo.isPending) return <Spin description={t('app.loading')} style={{ display: 'block', marginTop: 80 }} />;
  if (todo.isError) return <ErrorAlert error={todo.error} />;
  const data = todo.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('todo.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('todo.summary', { total: data.total, overdue: data.overdue })}</Typography.Text>
      <Tabs
        items={[
          {
            key: 'todo',
            label: (
              <Space size={6}>
                {t('todo.tab.todo')}
                <Badge count={data.total} color={data.overdue > 0 ? 'red' : 'blue'} showZero size="small" />
              </Space>
            ),
            children: <TodoList items={data.items} />,
          },
          { key: 'done', label: t('todo.tab.done'), children: <DoneList entries={data.done} /> },
        ]}
      />
    </Space>
  );
}
