import { useAuth } from './auth';
import { Layout, Loading } from './components/layout';
import { useI18n } from './i18n/i18n';
import { CasePage } from './pages/case';
import { CompaniesPage } from './pages/companies';
import { CompanyPage } from './pages/company';
import { InboxPage } from './pages/inbox';
import { SignInPage } from './pages/sign-in';
import { TaskPage } from './pages/task';
import { match, useRouter } from './router';

export function App() {
  const { user, checking } = useAuth();
  const { path } = useRouter();
  const { t } = useI18n();
  if (checking) return <Loading />;
  if (!user) return <SignInPage />;
  const route = path.split('?')[0];
  if (route === '/' || route === '/inbox' || route === '/sign-in') return <InboxPage />;
  if (route === '/companies') return <CompaniesPage />;
  let params = match('/tasks/:id', route);
  if (params) return <TaskPage key={params.id} id={params.id} />;
  params = match('/cases/:id', route);
  if (params) return <CasePage key={params.id} id={params.id} />;
  params = match('/companies/:id', route);
  if (params) return <CompanyPage key={params.id} id={params.id} />;
  return (
    <Layout title={t('notFound.title')}>
      <p />
    </Layout>
  );
}
