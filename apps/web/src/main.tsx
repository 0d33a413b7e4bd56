import 'antd/dist/reset.css';
import './styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { router } from './app/router.js';
import { redirectToLoginOnUnauthorized } from './app/session-expiry.js';

redirectToLoginOnUnauthorized((to, options) => router.navigate(to, options));

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
