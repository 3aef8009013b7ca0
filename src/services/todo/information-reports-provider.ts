/**
 * 信息报送: the information reports the reader's unit still owes this period (its quota not met),
 * due at the period's end (src/services/reports/, through the unit's cross-body view).
 */
import { informationReportObligations } from '../incoming-documents/report-obligations.ts';
import { unitObligationTodo } from './unit-obligations-todo.ts';
import type { TodoProvider } from './todo-types.ts';

export const informationReportsTodo: TodoProvider = async (db, query) => {
  const items = await unitObligationTodo(db, query, { provider: informationReportObligations, kind: 'information_report', kindName: () => '信息报送', workingDays: false });
  return items.map((item) => ({ ...item, link: `/bodies/${item.bodyId}/reports` }));
};
