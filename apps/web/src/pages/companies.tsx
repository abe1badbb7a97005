import { FormEvent, useState } from 'react';
import { api, query } from '../api';
import { ErrorMessage, Layout, Loading } from '../components/layout';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import type { Company, Page } from '../types';
import { useApi } from '../use-api';

export function CompaniesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState({ name: '', municipality: '' });
  const [search, setSearch] = useState(draft);
  const companies = useApi(
    (signal) => api<Page<Company>>(`/api/companies${query({ ...search, limit: 100 })}`, { signal }),
    [search.name, search.municipality],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(draft);
  };
  return (
    <Layout title={t('companies.title')}>
      <form className="filters card" role="search" onSubmit={submit} aria-label={t('companies.title')}>
        <div className="field">
          <label htmlFor="company-name">{t('companies.search')}</label>
          <input
            id="company-name"
            type="search"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="company-municipality">{t('companies.municipality')}</label>
          <input
            id="company-municipality"
            value={draft.municipality}
            onChange={(e) => setDraft({ ...draft, municipality: e.target.value })}
          />
        </div>
        <button type="submit">{t('common.search')}</button>
      </form>
      {companies.error && <ErrorMessage error={companies.error} />}
      {companies.loading && !companies.data && <Loading />}
      {companies.data && (
        <section className="card" aria-labelledby="companies-heading">
          <h2 id="companies-heading" aria-live="polite">
            {i18n.count('companies.count', companies.data.total)}
          </h2>
          {companies.data.items.length === 0 ? (
            <p className="muted">{t('companies.empty')}</p>
          ) : (
            <div className="table-scroll">
              <table data-testid="companies">
                <thead>
                  <tr>
                    <th scope="col">{t('companies.name')}</th>
                    <th scope="col">{t('companies.cvr')}</th>
                    <th scope="col">{t('companies.industry')}</th>
                    <th scope="col">{t('companies.municipality')}</th>
                    <th scope="col">{t('companies.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {companies.data.items.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={`/companies/${c.id}`}>{c.name}</Link>
                      </th>
                      <td>{c.cvr}</td>
                      <td>{c.industry}</td>
                      <td>{c.municipality}</td>
                      <td>{i18n.term(c.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </Layout>
  );
}
