import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { updates } from './pwa/update-store';
import { captureInstallPrompt } from './pwa/install-prompt-capture';
import './styles.css';

// The first-load module graph has been fetched and evaluated: the "cold start" benchmark reads this mark to say
// where a cold start's time went (bench/browser/cold-start.ts).
performance.mark('fb:app');

if (import.meta.env.PROD) updates.register();
// Before the first render: Chromium fires beforeinstallprompt once per page load, early.
captureInstallPrompt(window);

// As a transition, the first render is done in slices of a few milliseconds with the main thread
// free in between, not as one long task (Lighthouse counts every task over 50 ms, the "Lighthouse" benchmark).
const root = createRoot(document.getElementById('root')!);
startTransition(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
