import { ReactNode, useEffect, useRef } from 'react';
import { useAuth } from '../auth';
import { Language, useI18n } from '../i18n/i18n';
import { Link, useRouter } from '../router';

/** Header with navigation, language switch and sign-out; moves focus to the page heading on navigation. */
export function Layout({ title, children }: { title: string; children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const { user, signOut } = useAuth();
  const { path, navigations } = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    // After an in-app navigation, a screen reader user hears the new page and keyboard users go on
    // from its top. A page the browser loaded keeps the browser's own start (skip link first).
    if (navigations > 0) heading.current?.focus();
  }, [path, navigations]);
  const current = (prefix: string) => (path === prefix || path.startsWith(prefix + '/') ? 'page' : undefined);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        {user && (
          <nav aria-label={t('nav.main')}>
            <ul>
              <li>
                <Link to="/inbox" aria-current={current('/inbox') ?? (path === '/' ? 'page' : undefined)}>
                  {t('nav.inbox')}
                </Link>
              </li>
              <li>
                <Link to="/companies" aria-current={current('/companies')}>
                  {t('nav.companies')}
                </Link>
              </li>
            </ul>
          </nav>
        )}
        <div className="header-tools">
          <label>
            <span className="visually-hidden">{t('nav.language')}</span>
            <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
              <option value="da" lang="da">
                Dansk
              </option>
              <option value="en" lang="en">
                English
              </option>
            </select>
          </label>
          {user && (
            <>
              <span className="signed-in">{t('nav.signedInAs', { name: user.displayName })}</span>
              <button type="button" className="secondary" onClick={signOut}>
                {t('nav.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
    </>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}

export function ErrorMessage({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <p role="alert" className="error">
      {t('common.error', { message: error.message })}
    </p>
  );
}
