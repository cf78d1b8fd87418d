import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * Catches a screen that failed to load or render, so the header, tab bar and every other screen
 * stay usable: never a white page. Keyed by route by its parent (RouteErrorBoundary), so moving to another screen
 * starts afresh. A screen whose file could not be fetched (ScreenNotLoadedError) says why.
 */
export class ScreenErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the browser console for whoever debugs the phone; nothing leaves it.
    console.error('A screen failed', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const notLoaded = error.name === 'ScreenNotLoadedError';
    return (
      <div className="page" role="alert" data-testid="screen-error">
        <h1>{notLoaded ? 'This screen is not on the phone' : 'This screen could not be shown'}</h1>
        <p>{notLoaded ? error.message : 'Something went wrong on this screen. Everything you saved is kept on this phone.'}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
        <p>
          <a href="/">Go to your actions</a>
        </p>
      </div>
    );
  }
}
