import { api, query } from '../api';
import { ErrorMessage, Layout, Loading } from '../components/layout';
import { OutreachForm } from '../components/outreach-form';
import { useI18n } from '../i18n/i18n';
import type { Agreement, Company, Mentor, OutreachActivity, Seat } from '../types';
import { useApi } from '../use-api';

/** A section whose request failed shows its error; the rest of the page still works. */
const orError = <T,>(promise: Promise<T>): Promise<T | Error> => promise.catch((e: unknown) => e as Error);

async function loadCompany(id: string, signal: AbortSignal) {
  const [company, agreements, seats, mentors, outreach] = await Promise.all([
    api<Company>(`/api/companies/${id}`, { signal }),
    orError(api<Agreement[]>(`/api/agreements${query({ companyId: id })}`, { signal })),
    orError(api<Seat[]>(`/api/seats${query({ companyId: id })}`, { signal })),
    orError(api<Mentor[]>(`/api/mentors${query({ companyId: id })}`, { signal })),
    orError(api<OutreachActivity[]>(`/api/companies/${id}/outreach-activities`, { signal })),
  ]);
  return { company, agreements, seats, mentors, outreach };
}

export function CompanyPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const loaded = useApi((signal) => loadCompany(id, signal), [id]);
  const d = loaded.data;
  return (
    <Layout title={d ? d.company.name : t('common.loading')}>
      {loaded.error && <ErrorMessage error={loaded.error} />}
      {loaded.loading && !d && <Loading />}
      {d && (
        <>
          <div className="two-columns">
            <section className="card" aria-labelledby="facts-heading">
              <h2 id="facts-heading">{t('company.facts')}</h2>
              <dl className="facts">
                <dt>{t('companies.cvr')}</dt>
                <dd>{d.company.cvr}</dd>
                <dt>{t('companies.industry')}</dt>
                <dd>{d.company.industry}</dd>
                <dt>{t('company.sector')}</dt>
                <dd>{i18n.term(d.company.sector)}</dd>
                <dt>{t('companies.status')}</dt>
                <dd>{i18n.term(d.company.status)}</dd>
                <dt>{t('company.address')}</dt>
                <dd>
                  {[d.company.address, `${d.company.postcode} ${d.company.municipality}`].filter(Boolean).join(', ')}
                </dd>
                <dt>{t('company.fte')}</dt>
                <dd>{i18n.number(d.company.ordinaryFte, { maximumFractionDigits: 2 })}</dd>
                <dt>{t('company.contact')}</dt>
                <dd>{d.company.contactConsultant ?? t('common.none')}</dd>
                {d.company.cluster && (
                  <>
                    <dt>{t('company.cluster')}</dt>
                    <dd>{d.company.cluster}</dd>
                  </>
                )}
              </dl>
            </section>
            <section className="card" aria-labelledby="mentors-heading">
              <h2 id="mentors-heading">{t('company.mentors')}</h2>
              {d.mentors instanceof Error ? (
                <ErrorMessage error={d.mentors} />
              ) : d.mentors.length === 0 ? (
                <p className="muted">{t('company.noMentors')}</p>
              ) : (
                <ul data-testid="mentors">
                  {d.mentors.map((m) => (
                    <li key={m.id}>
                      {m.name} — <span className="badge">{i18n.term(m.trainingState)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>

          <section className="card" aria-labelledby="agreements-heading">
            <h2 id="agreements-heading">{t('company.agreements')}</h2>
            {d.agreements instanceof Error && <ErrorMessage error={d.agreements} />}
            {d.seats instanceof Error && <ErrorMessage error={d.seats} />}
            {d.agreements instanceof Error && Array.isArray(d.seats) && <SeatTable seats={d.seats} />}
            {Array.isArray(d.agreements) && d.agreements.length === 0 && (
              <p className="muted">{t('company.noAgreements')}</p>
            )}
            {(Array.isArray(d.agreements) ? d.agreements : []).map((a) => {
              const seats = Array.isArray(d.seats) ? d.seats.filter((s) => s.agreementId === a.id) : [];
              return (
                <article key={a.id} className="agreement">
                  <h3>
                    {t('company.model', { model: a.collaborationModel })} — {i18n.term(a.status)}{' '}
                    <span className="muted">
                      {i18n.date(a.validFrom)}
                      {a.validTo && ` – ${i18n.date(a.validTo)}`}
                    </span>
                  </h3>
                  {seats.length === 0 ? <p className="muted">{t('company.noSeats')}</p> : <SeatTable seats={seats} />}
                </article>
              );
            })}
          </section>

          <div className="two-columns">
            <section className="card" aria-labelledby="outreach-heading">
              <h2 id="outreach-heading">{t('company.outreach')}</h2>
              {d.outreach instanceof Error ? (
                <ErrorMessage error={d.outreach} />
              ) : d.outreach.length === 0 ? (
                <p className="muted">{t('company.noOutreach')}</p>
              ) : (
                <ol className="timeline" data-testid="outreach">
                  {d.outreach.map((o) => (
                    <li key={o.id}>
                      <time dateTime={o.occurredOn}>{i18n.date(o.occurredOn)}</time>{' '}
                      <strong>{i18n.term(o.type)}</strong> <span className="muted">{o.consultant}</span>
                      {o.outcomes.length > 0 && (
                        <p className="detail">
                          {t('company.outcomes')}:{' '}
                          {o.outcomes.map((x) => `${i18n.term(x.kind)} × ${i18n.number(x.count)}`).join(', ')}
                        </p>
                      )}
                      {o.note && <p className="muted detail">{o.note}</p>}
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <OutreachForm companyId={id} onSaved={loaded.reload} />
          </div>
        </>
      )}
    </Layout>
  );
}

function SeatTable({ seats }: { seats: Seat[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <table>
      <caption>{t('company.seats')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('company.seatFunction')}</th>
          <th scope="col">{t('company.hours')}</th>
          <th scope="col">{t('company.seatState')}</th>
          <th scope="col">{t('company.vacantSince')}</th>
        </tr>
      </thead>
      <tbody>
        {seats.map((s) => (
          <tr key={s.id}>
            <td>{s.function}</td>
            <td>{i18n.number(s.weeklyHours)}</td>
            <td>{i18n.term(s.state)}</td>
            <td>{s.vacantSince ? i18n.date(s.vacantSince) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
