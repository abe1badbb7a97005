import { api, query } from '../api';
import { CaseSummary } from '../components/case-summary';
import { ErrorMessage, Layout, Loading } from '../components/layout';
import { ProcessDiagram } from '../components/process-diagram';
import { ProgressChart } from '../components/progress-chart';
import { useI18n } from '../i18n/i18n';
import { Link, useRouter } from '../router';
import type { CaseProcess, CaseView, Page, SubGoal, Task } from '../types';
import { useApi } from '../use-api';

async function loadCase(id: string, signal: AbortSignal) {
  const [view, process, tasks] = await Promise.all([
    api<CaseView>(`/api/cases/${id}`, { signal }),
    api<CaseProcess>(`/api/cases/${id}/process`, { signal }),
    api<Page<Task>>(`/api/tasks${query({ placementId: id, state: 'CREATED' })}`, { signal }),
  ]);
  return { view, process, openTasks: tasks.items };
}

function entriesOf(subGoal: SubGoal) {
  return subGoal.progressEntries ?? subGoal.entries ?? [];
}

export function CasePage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { path } = useRouter();
  const completed = new URLSearchParams(path.split('?')[1] ?? '').get('completed');
  const loaded = useApi((signal) => loadCase(id, signal), [id]);
  const view = loaded.data?.view;
  const title = view
    ? t('case.title', { name: `${view.citizen.firstName} ${view.citizen.lastName}` })
    : t('common.loading');

  return (
    <Layout title={title}>
      {completed && (
        <p role="status" className="notice success">
          {t('task.completed')} ({i18n.term(completed)})
        </p>
      )}
      {loaded.error && <ErrorMessage error={loaded.error} />}
      {loaded.loading && !loaded.data && <Loading />}
      {loaded.data && view && (
        <>
          <div className="two-columns">
            <section className="card" aria-labelledby="facts-heading">
              <h2 id="facts-heading">{t('case.practicum')}</h2>
              <CaseSummary view={view} />
              {view.progressReview.dueOn && (
                <p className={view.progressReview.overdue ? 'error' : 'muted'}>
                  {t(view.progressReview.overdue ? 'case.reviewOverdue' : 'case.reviewDue', {
                    date: i18n.date(view.progressReview.dueOn),
                  })}
                </p>
              )}
              <h3>{t('case.openTasks')}</h3>
              {loaded.data.openTasks.length === 0 ? (
                <p className="muted">{t('common.none')}</p>
              ) : (
                <ul data-testid="open-tasks">
                  {loaded.data.openTasks.map((task) => (
                    <li key={task.id}>
                      <Link to={`/tasks/${task.id}`}>{i18n.term(task.name)}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="card" aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">{t('case.timeline')}</h2>
              <ol className="timeline" data-testid="timeline">
                {loaded.data.process.timeline.map((entry, i) => (
                  <li key={`${entry.at}-${i}`}>
                    <time dateTime={entry.at}>{i18n.dateTime(entry.at)}</time>{' '}
                    <span>{t(`timeline.${entry.kind}`, { subject: i18n.term(entry.subject) })}</span>
                    {entry.by && <span className="muted"> {t('timeline.by', { by: entry.by })}</span>}
                    {entry.detail && <p className="muted detail">{entry.detail}</p>}
                  </li>
                ))}
              </ol>
            </section>
          </div>

          <section className="card" aria-labelledby="process-heading">
            <h2 id="process-heading">
              {t('case.process')}: {i18n.term(loaded.data.process.processId)}
            </h2>
            {loaded.data.process.xml ? (
              <>
                <p className="muted">{t('case.processLegend')}</p>
                <ProcessDiagram
                  process={loaded.data.process}
                  label={`${i18n.term(loaded.data.process.processId)}: ${loaded.data.process.elements
                    .map((e) => `${i18n.term(e.elementId)} (${e.state})`)
                    .join(', ')}`}
                />
              </>
            ) : (
              <p className="muted">{t('case.processNone')}</p>
            )}
          </section>

          <section className="card" aria-labelledby="goals-heading">
            <h2 id="goals-heading">{t('case.goals')}</h2>
            {view.goals.length === 0 && <p className="muted">{t('case.noGoals')}</p>}
            {view.goals.map((goal) => (
              <article key={goal.id} className="goal">
                <h3>{goal.title}</h3>
                {goal.description && <p>{goal.description}</p>}
                {goal.subGoals.map((sub) => (
                  <div key={sub.id} className="sub-goal">
                    <h4>
                      {t('case.subGoal')}: {sub.title} <span className="badge">{i18n.term(sub.state)}</span>{' '}
                      {sub.dueOn && <span className="muted">{t('case.due', { date: i18n.date(sub.dueOn) })}</span>}
                    </h4>
                    {entriesOf(sub).length > 0 && (
                      <div className="progress">
                        <ProgressChart title={t('case.progress', { title: sub.title })} entries={entriesOf(sub)} />
                        <table>
                          <caption className="visually-hidden">{t('case.progress', { title: sub.title })}</caption>
                          <thead>
                            <tr>
                              <th scope="col">{t('case.date')}</th>
                              <th scope="col">{t('case.assessment')}</th>
                              <th scope="col">{t('case.note')}</th>
                            </tr>
                          </thead>
                          <tbody>
                            {entriesOf(sub).map((entry) => (
                              <tr key={entry.id}>
                                <td>{i18n.date(entry.recordedOn)}</td>
                                <td>{i18n.number(entry.assessment)} / 5</td>
                                <td>{entry.note}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    )}
                  </div>
                ))}
              </article>
            ))}
          </section>

          <div className="two-columns">
            <section className="card" aria-labelledby="follow-ups-heading">
              <h2 id="follow-ups-heading">{t('case.followUps')}</h2>
              {view.followUps.length === 0 ? (
                <p className="muted">{t('case.noFollowUps')}</p>
              ) : (
                <ul>
                  {view.followUps.map((f) => (
                    <li key={f.id}>
                      <strong>{i18n.term(f.kind)}</strong>:{' '}
                      {f.doneOn ? i18n.date(f.doneOn) : t('case.due', { date: i18n.date(f.dueOn) })}
                      {f.result && <> — {f.result}</>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="card" aria-labelledby="outcome-heading">
              <h2 id="outcome-heading">{t('case.outcome')}</h2>
              {view.outcome ? (
                <p>
                  <strong>{i18n.term(view.outcome.kind)}</strong> ({i18n.date(view.outcome.recordedOn)})
                  {view.outcome.reason && <> — {view.outcome.reason}</>}
                </p>
              ) : (
                <p className="muted">{t('case.noOutcome')}</p>
              )}
            </section>
          </div>
        </>
      )}
    </Layout>
  );
}
