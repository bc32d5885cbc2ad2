import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { loadStockView } from './app/lazy-stock-view';
import './lib/i18n';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A link to a stock needs the stock screens: fetch them alongside React's first render.
if (new URLSearchParams(window.location.search).has('stock')) void loadStockView();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
