import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { AuthProvider } from './auth';
import { I18nProvider } from './i18n/i18n';
import { Router } from './router';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <Router>
        <AuthProvider>
          <App />
        </AuthProvider>
      </Router>
    </I18nProvider>
  </StrictMode>,
);
