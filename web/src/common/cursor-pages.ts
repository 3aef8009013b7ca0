/**
 * Cursor pagination kept in the address: `cursor` is the page shown, `trail` the cursors of the pages
 * before it ('-' for the first), so Back, reload and shared links keep the page.
 */
import type { SetURLSearchParams } from 'react-router-dom';

export interface CursorPages {
  cursor: string | undefined;
  trail: string[];
  goNext: (nextCursor: string) => void;
  goPrevious: () => void;
}

export function cursorPages(params: URLSearchParams, setParams: SetURLSearchParams): CursorPages {
  const cursor = params.get('cursor') ?? undefined;
  const trail = (params.get('trail') ?? '').split(',').filter((entry) => entry !== '');
  const goNext = (nextCursor: string) => {
    const next = new URLSearchParams(params);
    next.set('trail', [...trail, cursor ?? '-'].join(','));
    next.set('cursor', nextCursor);
    setParams(next);
  };
  const goPrevious = () => {
    const next = new URLSearchParams(params);
    const previous = trail[trail.length - 1];
    const rest = trail.slice(0, -1);
    if (previous === undefined || previous === '-') next.delete('cursor');
    else next.set('cursor', previous);
    if (rest.length === 0) next.delete('trail');
    else next.set('trail', rest.join(','));
    setParams(next);
  };
  return { cursor, trail, goNext, goPrevious };
}
