/**
 * The pager footer of cursor pages (registry, accounts, audit trail) with the page kept in the
 * address by cursorPages: page number, previous / next, and the trail that makes Back work.
 */
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useSearchParams } from 'react-router-dom';
import { I18nProvider } from '../../web/src/i18n/i18n.tsx';
import { CursorPager } from '../../web/src/common/cursor-pager.tsx';
import { cursorPages } from '../../web/src/common/cursor-pages.ts';

/** Pages c1 → c2 → c3 (the last); shows the address so the test can read the cursor and trail. */
function PagedList({ total }: { total?: string }) {
  const [params, setParams] = useSearchParams();
  const pages = cursorPages(params, setParams);
  const next: Record<string, string | null> = { first: 'c2', c2: 'c3', c3: null };
  return (
    <>
      <p data-testid="address">{params.toString()}</p>
      <CursorPager pages={pages} nextCursor={next[pages.cursor ?? 'first']} {...(total === undefined ? {} : { summary: total })} />
    </>
  );
}

function renderPager(at = '/list', total?: string) {
  return render(
    <I18nProvider>
      <MemoryRouter initialEntries={[at]}>
        <PagedList {...(total === undefined ? {} : { total })} />
      </MemoryRouter>
    </I18nProvider>,
  );
}

const button = (name: RegExp) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('cursor pager', () => {
  it('walks forward to the last page and back to the first', async () => {
    const user = userEvent.setup();
    renderPager('/list', '共 45 项');
    expect(screen.getByText('共 45 项')).toBeTruthy();
    expect(screen.getByText('第 1 页')).toBeTruthy();
    expect(button(/上一页/).disabled).toBe(true);

    await user.click(button(/下一页/));
    expect(screen.getByText('第 2 页')).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe('trail=-&cursor=c2');
    await user.click(button(/下一页/));
    expect(screen.getByText('第 3 页')).toBeTruthy();
    expect(button(/下一页/).disabled).toBe(true);

    await user.click(button(/上一页/));
    expect(screen.getByText('第 2 页')).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe('trail=-&cursor=c2');
    await user.click(button(/上一页/));
    expect(screen.getByText('第 1 页')).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe('');
    expect(button(/上一页/).disabled).toBe(true);
  });

  it('opens on the page a shared address names, keeping the other parameters', async () => {
    const user = userEvent.setup();
    renderPager('/list?search=abc&trail=-,c2&cursor=c3');
    expect(screen.getByText('第 3 页')).toBeTruthy();
    expect(screen.queryByText(/共/)).toBeNull();
    await user.click(button(/上一页/));
    expect(screen.getByTestId('address').textContent).toBe('search=abc&trail=-&cursor=c2');
  });

  it('offers no next page while the page is still loading', () => {
    render(
      <I18nProvider>
        <CursorPager pages={{ cursor: undefined, trail: [], goNext: () => undefined, goPrevious: () => undefined }} nextCursor={undefined} />
      </I18nProvider>,
    );
    expect(button(/下一页/).disabled).toBe(true);
  });
});
