/**
 * Today's date as the system counts it: the calendar day in Asia/Shanghai, whatever the browser's
 * time zone (memberships, deadlines and sunset dates are all Asia/Shanghai calendar days).
 */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
