import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';

/**
 * The screen's error boundary, started afresh when the officer moves to another screen (another
 * pathname). Only this component reads the location: when the signed-in shell read it to key the
 * boundary, every URL change — a settled search writes its words into the query — re-rendered the
 * whole shell. Here a query change re-renders this alone, its children are the same elements
 * (React skips them), and only what reads the location itself (Routes, the tab bar's links)
 * renders again; the screen keeps its state.
 */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <ScreenErrorBoundary key={pathname}>{children}</ScreenErrorBoundary>;
}
