import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { updates } from './pwa/update-store';
import { captureInstallPrompt } from './pwa/install-prompt-capture';
import './styles.css';

if (import.meta.env.PROD) updates.register();
// Before the first render: Chromium fires beforeinstallprompt once per page load, early.
captureInstallPrompt(window);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
