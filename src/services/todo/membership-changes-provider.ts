/**
 * 待确认人员调整: membership change proposals waiting for the confirmer the charter names — the
 * office (also recording a plenary's decision) or the convener — never the reader's own proposal or
 * a change of the reader's own post (as the confirming gate refuses those).
 */
import { listProposedMembershipChanges } from '../../repositories/todo-repository.ts';
import { calendarStanding } from './todo-days.ts';
import { bodyNameOf } from './todo-types.ts';
import type { TodoItem, TodoProvider } from './todo-types.ts';

const KIND_NAMES = { start: '任职', end: '免职', handover: '人员更替' } as const;

export const membershipChangesTodo: TodoProvider = async (db, query) => {
  const bodyIds = [...query.bodies.values()].filter((b) => b.active && b.roles.some((r) => r.role === 'office_staff' || r.role === 'convener')).map((b) => b.id);
  if (bodyIds.length === 0) return [];
  const items: TodoItem[] = [];
  for (const row of await listProposedMembershipChanges(db, bodyIds)) {
    if (row.proposedBy === query.accountId || (row.personId !== null && row.personId === query.personId)) continue;
    const roles = query.bodies.get(row.bodyId)?.gateRoles ?? [];
    const confirms = row.confirmer === 'convener' ? roles.includes('convener') : roles.includes('office_staff');
    if (!confirms) continue;
    const who = [row.unitName, row.title, row.personName].filter((part): part is string => part !== null && part !== '').join(' ');
    items.push({
      kind: 'membership_confirmation',
      kindName: '待确认人员调整',
      id: row.id,
      title: `${KIND_NAMES[row.kind]}：${who}（${row.effectiveDate}起）`,
      bodyId: row.bodyId,
      bodyName: bodyNameOf(query, row.bodyId),
      ...calendarStanding(query.today, null),
      statusName: row.confirmer === 'plenary' ? '待登记全体会议确定' : '待确认',
      link: `/bodies/${row.bodyId}?tab=members`,
    });
  }
  return items;
};
