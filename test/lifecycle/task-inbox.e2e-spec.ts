import { PlacementStepsService, UserTaskInboxService } from '@brobygger/domain';
import type { ZeebeJob } from 'zeebe-node';
import { userTaskFromJob } from '../../apps/workers/src/inbox/user-task-from-job';
import { PlacementWorkers } from '../../apps/workers/src/placement/placement.workers';
import { TokenService } from '../../apps/server/src/auth';
import { waitFor } from '../support/engine-harness';
import { choice, seedCase } from './support/fixtures';
import { LifecycleUnderTest, startLifecycle } from './support/lifecycle-harness';
import { completePracticum } from './support/practicum';

jest.setTimeout(90_000);

let life: LifecycleUnderTest;
beforeAll(async () => {
  life = await startLifecycle();
});
afterAll(() => life.stop());

async function openCase(options = { agreement: true, mentorTrained: true }) {
  const fixture = await seedCase(life.server, options);
  const opened = await life.http().post('/api/cases').send({ citizenId: fixture.citizenId }).expect(201);
  return { fixture, id: opened.body.id as string, processInstanceKey: opened.body.processInstanceKey as string };
}

describe('the task inbox', () => {
  it('refuses bad form input with a message per field, and completes nothing', async () => {
    const { id } = await openCase();
    const task = await life.task('Task_ChoosePlacement', id);
    const res = await life
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .send({
        variables: { companyId: 'not-offered', purpose: 'HOLIDAY', weeklyHours: 60, plannedStart: '2026-13-45' },
      })
      .expect(400);
    expect(res.body.errors).toEqual({
      companyId: ['Company must be one of the offered values'],
      mentorId: ['Mentor (id of a mentor at the company) is required'],
      purpose: ['Purpose of the practicum must be one of the offered values'],
      plannedStart: ['Planned start must be a date (YYYY-MM-DD)'],
      plannedEnd: ['Planned end is required'],
      weeklyHours: ['Hours a week must be at most 37'],
    });
    const wrongType = await life
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .send({ variables: { weeklyHours: 'twenty' } })
      .expect(400);
    expect(wrongType.body.errors.weeklyHours).toEqual(['Hours a week must be a number']);
    expect((await life.http().get(`/api/tasks/${task.id}`).expect(200)).body.state).toBe('CREATED');
  });

  it('filters, pages, claims, unclaims and assigns', async () => {
    const { id } = await openCase();
    const task = await life.task('Task_ChoosePlacement', id);
    const byGroup = await life.http().get('/api/tasks?candidateGroup=job-consultants&limit=1').expect(200);
    expect(byGroup.body.items).toHaveLength(1);
    expect(byGroup.body.total).toBeGreaterThanOrEqual(2);
    await life.http().get('/api/tasks?candidateGroup=company-consultants&process=mentor-training').expect(200);
    const far = new Date(Date.now() + 365 * 86_400_000).toISOString();
    expect((await life.http().get(`/api/tasks?dueBefore=${far}`).expect(200)).body.total).toBeGreaterThan(0);
    expect((await life.http().get('/api/tasks?dueBefore=2000-01-01T00:00:00Z').expect(200)).body.total).toBe(0);
    await life.http().get('/api/tasks?limit=0').expect(400);

    // The signed-in user claims (kim); a `user` in the body is ignored.
    const claimed = await life.http().post(`/api/tasks/${task.id}/claim`).send({ user: 'anna' }).expect(200);
    expect(claimed.body.assignee).toBe('kim');
    await life.as('supervisor').post(`/api/tasks/${task.id}/claim`).send({}).expect(409);
    expect(
      (await life.http().get('/api/tasks?assignee=kim').expect(200)).body.items.map((t: { id: string }) => t.id),
    ).toEqual([task.id]);
    await life.http().post(`/api/tasks/${task.id}/unclaim`).expect(200);
    const assigned = await life.http().post(`/api/tasks/${task.id}/assign`).send({ assignee: 'bo' }).expect(200);
    expect(assigned.body.assignee).toBe('bo');
    await life.http().post(`/api/tasks/${task.id}/assign`).send({}).expect(400);
    await life.http().post('/api/tasks/00000000-0000-4000-8000-000000000000/claim').send({}).expect(404);
    await life.anonymous().post(`/api/tasks/${task.id}/claim`).send({}).expect(401);
    await life.as('process-owner').get('/api/tasks').expect(403);
  });

  it('lists to a caseworker only the tasks of their candidate groups; a supervisor sees all', async () => {
    const { id } = await openCase();
    await life.task('Task_ChoosePlacement', id);
    const tokens = life.server.get(TokenService, { strict: false });
    const bearer = async (roles: ('caseworker' | 'supervisor')[], groups: string[]) => ({
      authorization: `Bearer ${(await tokens.issue({ username: 'nina', displayName: 'Nina', roles, groups, jobCentreId: null })).accessToken}`,
    });
    const list = async (headers: { authorization: string }) =>
      (await life.anonymous().get(`/api/tasks?placementId=${id}`).set(headers).expect(200)).body.total as number;
    expect(await list(await bearer(['caseworker'], ['some-other-team']))).toBe(0);
    expect(await list(await bearer(['caseworker'], ['job-consultants']))).toBe(1);
    expect(await list(await bearer(['supervisor'], []))).toBe(1);
  });

  it('keeps one row per job when a user task is delivered again, claims included', async () => {
    const { id } = await openCase();
    const task = await life.task('Task_ChoosePlacement', id);
    await life.http().post(`/api/tasks/${task.id}/claim`).send({}).expect(200);
    const jobKey = (
      await life.engine.query<{ key: string }>(
        `SELECT key::text FROM engine.job WHERE type = 'io.camunda.zeebe:userTask' AND element_id = 'Task_ChoosePlacement'
        AND element_instance_key IN (SELECT key FROM engine.element_instance WHERE element_id = 'Task_ChoosePlacement')`,
      )
    ).map((r) => r.key);
    expect(jobKey.length).toBeGreaterThan(0);

    // The engine hands the job out again once its (year-long) timeout passes: the inbox keeps its row.
    life.advanceDays(366);
    await waitFor('the job re-delivered', async () => {
      const rows = await life.engine.query(
        `SELECT 1 FROM engine.record WHERE value_type = 'JOB' AND intent = 'TIMED_OUT' AND element_id = 'Task_ChoosePlacement'`,
      );
      return rows.length > 0;
    });
    await new Promise((r) => setTimeout(r, 500));
    const rows = await life.engine.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM casework.user_task WHERE placement_id = $1 AND element_id = 'Task_ChoosePlacement'`,
      [id],
    );
    expect(rows[0].n).toBe('1');
    expect((await life.http().get(`/api/tasks/${task.id}`).expect(200)).body.assignee).toBe('kim');

    // The same delivery handed to the inbox directly: still one row.
    const inbox = life.server.get(UserTaskInboxService, { strict: false });
    const job = {
      key: (await inbox.get(task.id)).jobKey,
      elementId: 'Task_ChoosePlacement',
      elementInstanceKey: '1',
      processInstanceKey: '1',
      bpmnProcessId: 'placement-lifecycle',
      processDefinitionVersion: 1,
      customHeaders: {},
      variables: { placementId: id },
    } as unknown as ZeebeJob;
    const again = await inbox.receive(userTaskFromJob(job));
    expect(again.created).toBe(false);
    expect(again.task.id).toBe(task.id);
  });

  it('a worker handler run twice for the same job changes nothing the second time', async () => {
    const { fixture, id } = await openCase();
    await life.complete(await life.task('Task_ChoosePlacement', id), choice(fixture));
    const [completed] = await life.engine.query<{ completed_by: string }>(
      `SELECT completed_by FROM casework.user_task WHERE placement_id = $1 AND element_id = 'Task_ChoosePlacement'`,
      [id],
    );
    expect(completed.completed_by).toBe('kim'); // the signed-in user, not anything the client sends
    await waitFor(
      'the practicum',
      async () => (await life.http().get(`/api/cases/${id}`)).body.stage === 'IN_PRACTICUM',
    );
    await completePracticum(life, id);
    const worker = new PlacementWorkers(life.server.get(PlacementStepsService, { strict: false }));
    const snapshot = async () =>
      life.engine.query(
        `SELECT (SELECT count(*) FROM casework.outcome WHERE placement_id = $1) AS outcomes,
                (SELECT state FROM casework.seat WHERE id = (SELECT seat_id FROM casework.placement WHERE id = $1)) AS seat,
                (SELECT stage FROM casework.placement WHERE id = $1) AS stage`,
        [id],
      );
    const job = { placementId: id, outcomeKind: 'HIRED_ORDINARY', outcomeHours: 30, atHostCompany: true };
    await worker.recordOutcome(job);
    const once = await snapshot();
    await worker.recordOutcome(job);
    expect(await snapshot()).toEqual(once);
    expect(once[0]).toMatchObject({ outcomes: '1', seat: 'AVAILABLE', stage: 'CLOSED' });
  });
});
