import { activateRequest, collect, startHarness, waitFor, type Harness } from './testing/harness';

describe('Zeebe gateway job activation', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('hands a ZBWorker a job that appears while it long-polls, and takes its completion', async () => {
    const completed = new Promise<unknown>((resolve) => {
      h.zbc.createWorker({
        taskType: 'send-mail',
        taskHandler: (job) => {
          resolve({ variables: job.variables, headers: job.customHeaders, key: job.key });
          return job.complete({ sent: true, at: '2024-01-01' });
        },
      });
    });
    await waitFor(() => h.engine.listenerCount('send-mail') === 1);
    h.engine.addJob({ type: 'send-mail', variables: { to: 'a@b.dk' }, customHeaders: { template: 'welcome' } });

    expect(await completed).toEqual({
      variables: { to: 'a@b.dk' },
      headers: { template: 'welcome' },
      key: '2251799813685249',
    });
    await waitFor(() => h.engine.argsOf('completeJob').length === 1);
    expect(h.engine.argsOf('completeJob')[0]).toEqual(['2251799813685249', { sent: true, at: '2024-01-01' }]);
    const [command] = h.engine.argsOf('activateJobs')[0] as [Record<string, unknown>];
    expect(command).toMatchObject({ type: 'send-mail', timeoutMs: 60_000, maxJobsToActivate: 32 });
  });

  it('ends a long poll without jobs after requestTimeout, with one empty response', async () => {
    const raw = h.raw();
    const outcome = await collect(raw.ActivateJobs(activateRequest({ requestTimeout: 400 })));
    expect(outcome.error).toBeUndefined();
    expect(outcome.messages).toEqual([{ jobs: [] }]);
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(350);
    expect(outcome.elapsedMs).toBeLessThan(1_500);
    expect(h.engine.listenerCount('send-mail')).toBe(0);

    const immediate = await collect(raw.ActivateJobs(activateRequest({ requestTimeout: -1 })));
    expect(immediate.messages).toEqual([{ jobs: [] }]);
    expect(immediate.elapsedMs).toBeLessThan(300);
  });

  it('answers at once when jobs are already there, in one response', async () => {
    h.engine.addJob({ type: 'send-mail', variables: { n: 1 } });
    h.engine.addJob({ type: 'send-mail', variables: { n: 2 } });
    const raw = h.raw();
    const outcome = await collect(raw.ActivateJobs(activateRequest({ requestTimeout: 5_000 })));
    expect(outcome.elapsedMs).toBeLessThan(1_000);
    expect(outcome.messages).toHaveLength(1);
    expect(outcome.messages[0].jobs.map((j: any) => JSON.parse(j.variables))).toEqual([{ n: 1 }, { n: 2 }]);
    expect(outcome.messages[0].jobs[0]).toMatchObject({
      key: '2251799813685249',
      worker: 'w1',
      tenantId: '<default>',
      customHeaders: '{}',
    });
    expect(Number(outcome.messages[0].jobs[0].deadline)).toBeGreaterThan(Date.now());
  });

  it('stops waiting when the client cancels its poll', async () => {
    const raw = h.raw();
    const call = raw.ActivateJobs(activateRequest({ requestTimeout: 30_000 }));
    call.on('error', () => undefined);
    await waitFor(() => h.engine.listenerCount('send-mail') === 1);
    call.cancel();
    await waitFor(() => h.engine.listenerCount('send-mail') === 0);
  });

  it('ends open long polls promptly on stop()', async () => {
    const raw = h.raw();
    const poll = collect(raw.ActivateJobs(activateRequest({ requestTimeout: 30_000 })));
    await waitFor(() => h.engine.listenerCount('send-mail') === 1);
    const started = Date.now();
    await h.gateway.stop();
    const outcome = await poll;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(outcome.error).toBeUndefined();
    expect(outcome.messages).toEqual([{ jobs: [] }]);
  });

  it('pushes jobs one at a time on StreamActivatedJobs', async () => {
    const raw = h.raw();
    const stream = raw.StreamActivatedJobs({ type: 'send-mail', worker: 'w2', timeout: 1_000 });
    const received: any[] = [];
    stream.on('data', (job: any) => received.push(job));
    stream.on('error', () => undefined);
    await waitFor(() => h.engine.listenerCount('send-mail') === 1);
    h.engine.addJob({ type: 'send-mail' });
    h.engine.addJob({ type: 'send-mail' });
    await waitFor(() => received.length === 2);
    expect(received.map((j) => j.worker)).toEqual(['w2', 'w2']);
    expect(
      (h.engine.argsOf('activateJobs') as [{ maxJobsToActivate: number }][]).every(([c]) => c.maxJobsToActivate === 1),
    ).toBe(true);
    stream.cancel();
    await waitFor(() => h.engine.listenerCount('send-mail') === 0);
  });
});
