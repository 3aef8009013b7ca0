/** The menu entry of the to-do centre with the count of what waits (red when something is overdue). */
import { Badge, Space } from 'antd';
import { useTodo } from './todo-api.ts';

export function TodoNavLabel({ label }: { label: string }) {
  const todo = useTodo();
  const total = todo.data?.total ?? 0;
  const overdue = todo.data?.overdue ?? 0;
  return (
    <Space size={6}>
      <span>{label}</span>
      {total > 0 && <Badge count={total} overflowCount={99} size="small" color={overdue > 0 ? 'red' : 'blue'} data-testid="todo-nav-count" />}
    </Space>
  );
}
