import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { updates } from './pwa/update-store';
import './styles.css';

if (import.meta.env.PROD) updates.register();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
