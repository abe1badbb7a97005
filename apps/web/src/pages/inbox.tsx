import { ReactNode, useMemo, useState } from 'react';
import { api, query } from '../api';
import { useAuth } from '../auth';
import { ErrorMessage, Layout, Loading } from '../components/layout';
import { I18n, useI18n } from '../i18n/i18n';
import { Link } from '../router';
import type { Page, Task } from '../types';
import { useApi } from '../use-api';

type Due = 'all' | 'overdue' | 'today' | 'week';
type Sort = 'due' | 'created' | 'name';

interface Filters {
  process: string;
  task: string;
  due: Due;
  search: string;
  sort: Sort;
}

const DAY = 86_400_000;

function endOfToday(): number {
  const d = new Date();
  d.setHours(23, 59, 59, 999);
  return d.getTime();
}

export function isOverdue(task: Task, now = Date.now()): boolean {
  return task.dueAt !== null && Date.parse(task.dueAt) < now;
}

function applyFilters(tasks: Task[], f: Filters, i18n: I18n): Task[] {
  const now = Date.now();
  const needle = f.search.trim().toLocaleLowerCase(i18n.locale);
  const shown = tasks.filter((task) => {
    if (f.process && task.process !== f.process) return false;
    if (f.task && task.name !== f.task) return false;
    const due = task.dueAt ? Date.parse(task.dueAt) : null;
    if (f.due === 'overdue' && !(due !== null && due < now)) return false;
    if (f.due === 'today' && !(due !== null && due <= endOfToday())) return false;
    if (f.due === 'week' && !(due !== null && due <= now + 7 * DAY)) return false;
    if (needle) {
      const text = [
        i18n.term(task.name),
        i18n.term(task.process),
        task.name,
        task.placementId ?? '',
        ...task.candidateGroups,
      ]
        .join(' ')
        .toLocaleLowerCase(i18n.locale);
      if (!text.includes(needle)) return false;
    }
    return true;
  });
  const byDue = (a: Task, b: Task) =>
    (a.dueAt ? Date.parse(a.dueAt) : Infinity) - (b.dueAt ? Date.parse(b.dueAt) : Infinity) ||
    a.createdAt.localeCompare(b.createdAt);
  const sorters: Record<Sort, (a: Task, b: Task) => number> = {
    due: byDue,
    created: (a, b) => b.createdAt.localeCompare(a.createdAt),
    name: (a, b) => i18n.term(a.name).localeCompare(i18n.term(b.name), i18n.locale) || byDue(a, b),
  };
  return shown.sort(sorters[f.sort]);
}

async function loadInbox(username: string, groups: string[], signal: AbortSignal) {
  const open = { state: 'CREATED', limit: 200 };
  const [mine, ...byGroup] = await Promise.all([
    api<Page<Task>>(`/api/tasks${query({ ...open, assignee: username })}`, { signal }),
    ...groups.map((group) => api<Page<Task>>(`/api/tasks${query({ ...open, candidateGroup: group })}`, { signal })),
  ]);
  const unclaimed = new Map<string, Task>();
  for (const page of byGroup) for (const task of page.items) if (!task.assignee) unclaimed.set(task.id, task);
  return { mine: mine.items, unclaimed: [...unclaimed.values()] };
}

export function InboxPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useAuth();
  const [filters, setFilters] = useState<Filters>({ process: '', task: '', due: 'all', search: '', sort: 'due' });
  const [message, setMessage] = useState('');
  const [actionError, setActionError] = useState<Error>();
  const inbox = useApi((signal) => loadInbox(user!.username, user!.groups, signal), [user?.username]);

  const all = useMemo(() => [...(inbox.data?.mine ?? []), ...(inbox.data?.unclaimed ?? [])], [inbox.data]);
  const processes = [...new Set(all.map((task) => task.process))].sort();
  const taskNames = [...new Set(all.map((task) => task.name))].sort();
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  const act = async (task: Task, action: 'claim' | 'unclaim') => {
    setActionError(undefined);
    try {
      await api(`/api/tasks/${task.id}/${action}`, {
        method: 'POST',
        body: action === 'claim' ? { user: user!.username } : {},
      });
      setMessage(t(action === 'claim' ? 'inbox.claimed' : 'inbox.unclaimed', { task: i18n.term(task.name) }));
      inbox.reload();
    } catch (e) {
      setActionError(e as Error);
    }
  };

  return (
    <Layout title={t('inbox.title')}>
      <form className="filters card" role="search" onSubmit={(e) => e.preventDefault()} aria-label={t('inbox.filters')}>
        <div className="field">
          <label htmlFor="inbox-search">{t('inbox.search')}</label>
          <input
            id="inbox-search"
            type="search"
            value={filters.search}
            onChange={(e) => set('search', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="inbox-process">{t('inbox.filter.process')}</label>
          <select id="inbox-process" value={filters.process} onChange={(e) => set('process', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {processes.map((p) => (
              <option key={p} value={p}>
                {i18n.term(p)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="inbox-task">{t('inbox.filter.task')}</label>
          <select id="inbox-task" value={filters.task} onChange={(e) => set('task', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {taskNames.map((name) => (
              <option key={name} value={name}>
                {i18n.term(name)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="inbox-due">{t('inbox.filter.due')}</label>
          <select id="inbox-due" value={filters.due} onChange={(e) => set('due', e.target.value as Due)}>
            {(['all', 'overdue', 'today', 'week'] as const).map((due) => (
              <option key={due} value={due}>
                {t(`inbox.filter.due.${due}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="inbox-sort">{t('inbox.sort')}</label>
          <select id="inbox-sort" value={filters.sort} onChange={(e) => set('sort', e.target.value as Sort)}>
            {(['due', 'created', 'name'] as const).map((sort) => (
              <option key={sort} value={sort}>
                {t(`inbox.sort.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="secondary" onClick={inbox.reload}>
          {t('inbox.refresh')}
        </button>
      </form>
      <p role="status" className="notice" aria-live="polite">
        {message}
      </p>
      {actionError && <ErrorMessage error={actionError} />}
      {inbox.error && <ErrorMessage error={inbox.error} />}
      {inbox.loading && !inbox.data && <Loading />}
      {inbox.data && (
        <>
          <TaskTable
            id="mine"
            title={t('inbox.mine')}
            tasks={applyFilters(inbox.data.mine, filters, i18n)}
            action={(task) => (
              <button type="button" className="secondary" onClick={() => act(task, 'unclaim')}>
                {t('inbox.unclaim')}
                <span className="visually-hidden">: {i18n.term(task.name)}</span>
              </button>
            )}
          />
          <TaskTable
            id="groups"
            title={t('inbox.groups')}
            tasks={applyFilters(inbox.data.unclaimed, filters, i18n)}
            action={(task) => (
              <button type="button" onClick={() => act(task, 'claim')}>
                {t('inbox.claim')}
                <span className="visually-hidden">: {i18n.term(task.name)}</span>
              </button>
            )}
          />
        </>
      )}
    </Layout>
  );
}

function TaskTable({
  id,
  title,
  tasks,
  action,
}: {
  id: string;
  title: string;
  tasks: Task[];
  action: (task: Task) => ReactNode;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`}>
        {title} <span className="count">({i18n.count('inbox.count', tasks.length)})</span>
      </h2>
      {tasks.length === 0 ? (
        <p className="muted">{t('inbox.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid={`tasks-${id}`}>
            <thead>
              <tr>
                <th scope="col">{t('inbox.col.task')}</th>
                <th scope="col">{t('inbox.col.process')}</th>
                <th scope="col">{t('inbox.col.due')}</th>
                <th scope="col">{t('inbox.col.created')}</th>
                <th scope="col">{t('inbox.col.groups')}</th>
                <th scope="col">{t('inbox.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={task.id} className={isOverdue(task) ? 'overdue' : undefined}>
                  <th scope="row">
                    <Link to={`/tasks/${task.id}`}>{i18n.term(task.name)}</Link>
                  </th>
                  <td>{i18n.term(task.process)}</td>
                  <td>
                    {task.dueAt ? i18n.dateTime(task.dueAt) : <span className="muted">{t('inbox.noDue')}</span>}
                    {isOverdue(task) && <span className="badge danger">{t('inbox.overdue')}</span>}
                  </td>
                  <td>{i18n.dateTime(task.createdAt)}</td>
                  <td>{task.candidateGroups.join(', ')}</td>
                  <td>{action(task)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
