import { FormEvent, useState } from 'react';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { Layout } from '../components/layout';
import { useI18n } from '../i18n/i18n';

export function SignInPage() {
  const { t } = useI18n();
  const { signIn, expired } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username, password);
    } catch (e) {
      setError(
        e instanceof ApiError && (e.status === 401 || e.status === 400) ? t('signIn.failed') : (e as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Layout title={t('signIn.title')}>
      <form className="card narrow" onSubmit={submit} noValidate aria-describedby="sign-in-intro">
        <p id="sign-in-intro">{t('signIn.intro')}</p>
        {expired && !error && (
          <p role="status" className="notice">
            {t('signIn.expired')}
          </p>
        )}
        {error && (
          <p role="alert" className="error" id="sign-in-error">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor="username">{t('signIn.username')}</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'sign-in-error' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('signIn.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'sign-in-error' : undefined}
          />
        </div>
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </Layout>
  );
}
