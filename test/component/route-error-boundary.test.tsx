import { describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { RouteErrorBoundary } from '../../src/app/ui/components/RouteErrorBoundary';

/** A screen that fails on /broken and otherwise counts taps in its own state. */
function Screen() {
  const { pathname } = useLocation();
  const [taps, setTaps] = useState(0);
  if (pathname === '/broken') throw new Error('screen failed');
  return (
    <button type="button" onClick={() => setTaps((t) => t + 1)}>
      taps {taps}
    </button>
  );
}

/**
 * The signed-in shell's screen boundary: a failed screen is replaced by the error page, moving
 * to another screen starts afresh, and a change of the query alone (a settled search writing its
 * words into the URL) keeps the screen as it is, state and all.
 */
describe('the per-route error boundary', () => {
  it('resets on another pathname and keeps the screen when only the query changes', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const router = createMemoryRouter(
      [
        {
          path: '*',
          element: (
            <RouteErrorBoundary>
              <Screen />
            </RouteErrorBoundary>
          ),
        },
      ],
      { initialEntries: ['/search'] },
    );
    render(<RouterProvider router={router} />);
    act(() => screen.getByRole('button').click());
    act(() => screen.getByRole('button').click());
    expect(screen.getByRole('button').textContent).toBe('taps 2');

    await act(() => router.navigate('/search?q=safe+places', { replace: true }));
    expect(screen.getByRole('button').textContent).toBe('taps 2');

    await act(() => router.navigate('/broken'));
    expect(screen.getByTestId('screen-error')).toBeTruthy();
    await act(() => router.navigate('/broken?again=1'));
    expect(screen.getByTestId('screen-error')).toBeTruthy();

    await act(() => router.navigate('/plan'));
    expect(screen.queryByTestId('screen-error')).toBeNull();
    expect(screen.getByRole('button').textContent).toBe('taps 0');
  });
});
