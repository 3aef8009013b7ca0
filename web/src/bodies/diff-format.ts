/** Short, readable text for values of a charter diff (JSON values without their source spans). Pure. */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A diff value as one line: names and texts first, otherwise compact JSON. */
export function diffValueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value === '' ? '—' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(diffValueText).join('、');
  if (isRecord(value)) {
    const text = (key: string): string | null => {
      const field = value[key];
      return typeof field === 'string' && field !== '' ? field : null;
    };
    const name = text('name');
    if (name !== null) return name;
    const holder = text('person') ?? text('position');
    const title = text('title');
    if (holder !== null) return title === null ? holder : `${title}：${holder}`;
    const found = title ?? text('text');
    if (found !== null) return found;
    return JSON.stringify(value);
  }
  return String(value);
}
