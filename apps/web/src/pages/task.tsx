import type { Form } from '@bpmn-io/form-js-viewer';
import { useRef, useState } from 'react';
import { api, ApiError } from '../api';
import { useAuth } from '../auth';
import { CaseSummary } from '../components/case-summary';
import { ErrorMessage, Layout, Loading } from '../components/layout';
import { fieldIdsByKey, FormSchema, TaskForm } from '../components/task-form';
import { useI18n } from '../i18n/i18n';
import { Link, useRouter } from '../router';
import type { CaseView, Task } from '../types';
import { useApi } from '../use-api';

/** `camunda-forms:bpmn:record-progress` → `record-progress` (embedded or linked forms). */
function formIdOf(formKey: string | null): string | null {
  const found = formKey ? /^camunda-forms:(?:bpmn|form):(.+)$/.exec(formKey) : null;
  return found ? found[1] : null;
}

async function loadTask(id: string, signal: AbortSignal) {
  const task = await api<Task>(`/api/tasks/${id}`, { signal });
  const formId = formIdOf(task.formKey);
  const [schema, caseView] = await Promise.all([
    formId ? api<FormSchema>(`/api/forms/${encodeURIComponent(formId)}`, { signal }) : null,
    task.placementId ? api<CaseView>(`/api/cases/${task.placementId}`, { signal }).catch(() => null) : null,
  ]);
  return { task, schema, caseView };
}

export function TaskPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useAuth();
  const { navigate } = useRouter();
  const loaded = useApi((signal) => loadTask(id, signal), [id]);
  const form = useRef<Form | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const draftKey = `brobygger.draft.${id}`;

  const task = loaded.data?.task;
  const mine = task?.assignee === user?.username;

  const claim = async () => {
    setProblem(undefined);
    try {
      await api(`/api/tasks/${id}/claim`, { method: 'POST', body: { user: user!.username } });
      loaded.reload();
    } catch (e) {
      setProblem(t('task.failed', { message: (e as Error).message }));
    }
  };

  const complete = async ({ data, errors }: { data: Record<string, unknown>; errors: Record<string, unknown> }) => {
    if (!form.current || !task || busy || !mine || task.state !== 'CREATED') return;
    setProblem(undefined);
    if (Object.keys(errors).length > 0) {
      setProblem(t('task.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      await api(`/api/tasks/${id}/complete`, { method: 'POST', body: { variables: data } });
      sessionStorage.removeItem(draftKey);
      navigate(task.placementId ? `/cases/${task.placementId}?completed=${encodeURIComponent(task.name)}` : '/inbox');
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors).length > 0 && loaded.data?.schema) {
        // The server's messages under the fields they concern; the values typed stay in the form.
        const ids = fieldIdsByKey(loaded.data.schema.components);
        const errorsById = Object.fromEntries(
          Object.entries(e.fieldErrors).map(([key, messages]) => [ids.get(key) ?? key, messages]),
        );
        form.current._setState({ errors: errorsById });
        setProblem(t('task.fixErrors'));
      } else {
        setProblem(t('task.failed', { message: (e as Error).message }));
      }
    } finally {
      setBusy(false);
    }
  };

  const title = task ? t('task.title', { task: i18n.term(task.name) }) : t('common.loading');
  return (
    <Layout title={title}>
      {loaded.error && <ErrorMessage error={loaded.error} />}
      {loaded.loading && !loaded.data && <Loading />}
      {loaded.data && task && (
        <div className="two-columns">
          <section aria-labelledby="form-heading" className="card">
            <h2 id="form-heading">{t('task.form')}</h2>
            <dl className="facts">
              <dt>{t('task.assignee')}</dt>
              <dd>{task.assignee ?? t('task.unassigned')}</dd>
              {task.dueAt && (
                <>
                  <dt>{t('inbox.col.due')}</dt>
                  <dd>{i18n.dateTime(task.dueAt)}</dd>
                </>
              )}
            </dl>
            {task.state !== 'CREATED' && (
              <p role="status" className="notice">
                {t(`task.state.${task.state}`)}
              </p>
            )}
            {task.state === 'CREATED' && !mine && (
              <p className="notice">
                {t('task.notClaimed')}{' '}
                <button type="button" onClick={claim}>
                  {t('task.claim')}
                </button>
              </p>
            )}
            {problem && (
              <p role="alert" className="error" id="task-problem">
                {problem}
              </p>
            )}
            {loaded.data.schema ? (
              <div>
                <TaskForm
                  schema={loaded.data.schema}
                  data={task.variables}
                  readOnly={task.state !== 'CREATED' || !mine}
                  draftKey={draftKey}
                  onReady={(instance) => (form.current = instance)}
                  onSubmit={(result) => void complete(result)}
                />
                {task.state === 'CREATED' && mine && (
                  <button type="button" disabled={busy} onClick={() => form.current?.submit()}>
                    {busy ? t('task.submitting') : t('task.submit')}
                  </button>
                )}
              </div>
            ) : (
              <p className="muted">{t('task.noForm')}</p>
            )}
          </section>
          <aside aria-labelledby="case-heading" className="card">
            <h2 id="case-heading">{t('task.case')}</h2>
            {loaded.data.caseView ? (
              <>
                <CaseSummary view={loaded.data.caseView} />
                <p>
                  <Link to={`/cases/${loaded.data.caseView.id}`}>{t('task.openCase')}</Link>
                </p>
              </>
            ) : (
              <p className="muted">{t('common.none')}</p>
            )}
          </aside>
        </div>
      )}
    </Layout>
  );
}
