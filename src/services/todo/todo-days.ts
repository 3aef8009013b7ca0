/** Where a deadline stands on calendar days (kinds whose deadline is a day, not a count of working days). */
import { toDayNumber } from '../../domain/calendar/iso-date.ts';
import type { TodoItem } from './todo-types.ts';

/** Deadline, days left or overdue in calendar days, from `today`; null deadline: no standing. */
export function calendarStanding(today: string, deadline: string | null): Pick<TodoItem, 'deadline' | 'dayUnit' | 'daysLeft' | 'daysOverdue' | 'overdue'> {
  if (deadline === null) return { deadline: null, dayUnit: null, daysLeft: null, daysOverdue: null, overdue: false };
  const days = toDayNumber(deadline) - toDayNumber(today);
  return days < 0
    ? { deadline, dayUnit: 'calendar', daysLeft: null, daysOverdue: -days, overdue: true }
    : { deadline, dayUnit: 'calendar', daysLeft: days, daysOverdue: null, overdue: false };
}

/** Deadline and standing counted in working days on the body's calendar (decided items, incoming documents). */
export function workingStanding(item: { deadline: string | null; overdue: boolean; workingDaysLeft: number | null; workingDaysOverdue: number | null }): Pick<TodoItem, 'deadline' | 'dayUnit' | 'daysLeft' | 'daysOverdue' | 'overdue'> {
  return {
    deadline: item.deadline,
    dayUnit: item.deadline === null ? null : 'working',
    daysLeft: item.overdue ? null : item.workingDaysLeft,
    daysOverdue: item.overdue ? item.workingDaysOverdue : null,
    overdue: item.overdue,
  };
}

/** Orders to-do items: overdue first (most overdue first), then by deadline (none last), then by title. */
export function compareTodoItems(a: TodoItem, b: TodoItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.overdue && b.overdue && a.daysOverdue !== b.daysOverdue) return (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0);
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  return a.title.localeCompare(b.title, 'zh-CN');
}
