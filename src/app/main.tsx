import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { updates } from './pwa/update-store';
import { installPrompt } from './pwa/install-store';
import './styles.css';

if (import.meta.env.PROD) updates.register();
// Before the first render: Chromium fires beforeinstallprompt once per page load, early.
installPrompt.listen();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
