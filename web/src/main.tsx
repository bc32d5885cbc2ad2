import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { loadAdminScreen } from '@/app/lazy-admin-screen';
import { loadStockView } from '@/app/lazy-stock-view';
import '@/lib/i18n';
import { screenOf } from '@/lib/screens';
import '@/app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A link to a stock needs the stock screens, one to an admin page the admin screens: fetch them
// alongside React's first render.
const screen = screenOf(window.location.search);
if (screen === 'console' && new URLSearchParams(window.location.search).has('stock')) {
  void loadStockView();
}
if (screen !== 'console') void loadAdminScreen();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
