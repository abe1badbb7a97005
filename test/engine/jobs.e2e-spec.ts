import { sequence } from '../support/bpmn';
import { EngineUnderTest, GRPC, grpcError, startEngineUnderTest, waitFor } from '../support/engine-harness';
import { activate, activateNow } from '../support/jobs';

jest.setTimeout(30_000);

describe('jobs: create, activate, complete, fail, retry, incidents', () => {
  let engine: EngineUnderTest;
  let one = '';
  let two = '';
  let processId = '';
  let counter = 0;
  beforeAll(async () => (engine = await startEngineUnderTest()));
  afterAll(() => engine.stop());
  // Each test gets its own process and job types, so that no test sees another's jobs.
  beforeEach(async () => {
    counter += 1;
    [processId, one, two] = [`jobs${counter}`, `step-one-${counter}`, `step-two-${counter}`];
    await engine.zbc.deployResource({ process: Buffer.from(sequence(processId, one, two)), name: `${processId}.bpmn` });
  });

  const start = (variables: Record<string, unknown> = {}) =>
    engine.zbc.createProcessInstance({ bpmnProcessId: processId, variables: variables as Record<string, never> });
  const instanceState = (key: string) => engine.instanceState(key);

  it('runs an instance to its end as workers complete its jobs, merging their variables', async () => {
    const created = await start({ citizen: 'A' });
    expect(created).toMatchObject({ bpmnProcessId: processId, version: 1 });
    const [first] = await activate(engine.zbc, one);
    expect(first.processInstanceKey).toBe(created.processInstanceKey);
    expect(first.variables).toEqual({ citizen: 'A' });
    expect(first.retries).toBe(3);
    await engine.zbc.completeJob({ jobKey: first.key, variables: { stepOne: 'done' } });
    const [second] = await activate(engine.zbc, two);
    expect(second.variables).toEqual({ citizen: 'A', stepOne: 'done' });
    await engine.zbc.completeJob({ jobKey: second.key, variables: {} });
    await waitFor('completion', async () => (await instanceState(created.processInstanceKey)) === 'COMPLETED');
  });

  it('hands a job out once only, and only the variables asked for', async () => {
    await start({ a: 1, b: 2, c: 3 });
    const [job] = await activate(engine.zbc, one, 1, { fetchVariable: ['a', 'c'] });
    expect(job.variables).toEqual({ a: 1, c: 3 });
    expect(await activateNow(engine.zbc, one)).toEqual([]);
    await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
    const [next] = await activate(engine.zbc, two);
    await engine.zbc.completeJob({ jobKey: next.key, variables: {} });
  });

  it('wakes a waiting long poll as soon as a job is created', async () => {
    const poll = activate(engine.zbc, one, 1, { requestTimeout: 8_000 });
    await new Promise((r) => setTimeout(r, 300));
    const created = await start();
    const [job] = await poll;
    expect(job.processInstanceKey).toBe(created.processInstanceKey);
    await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
    await engine.zbc.completeJob({ jobKey: (await activate(engine.zbc, two))[0].key, variables: {} });
  });

  it('gives a failed job back with the retries left, after the back-off', async () => {
    await start();
    const [job] = await activate(engine.zbc, one);
    await engine.zbc.failJob({ jobKey: job.key, retries: 2, errorMessage: 'seat service down', retryBackOff: 1_000 });
    expect(await activateNow(engine.zbc, one)).toEqual([]);
    const [again] = await activate(engine.zbc, one, 1, { requestTimeout: 5_000 });
    expect(again.key).toBe(job.key);
    expect(again.retries).toBe(2);
    await engine.zbc.completeJob({ jobKey: again.key, variables: {} });
    await engine.zbc.completeJob({ jobKey: (await activate(engine.zbc, two))[0].key, variables: {} });
  });

  it('raises an incident when no retries are left, and carries on after UpdateJobRetries + ResolveIncident', async () => {
    const created = await start();
    const [job] = await activate(engine.zbc, one);
    await engine.zbc.failJob({ jobKey: job.key, retries: 0, errorMessage: 'no seat registry', retryBackOff: 0 });
    const [incident] = await engine.query<{ key: string; error_type: string; error_message: string; job_key: string }>(
      `SELECT key, error_type, error_message, job_key FROM engine.incident WHERE process_instance_key = $1 AND state = 'ACTIVE'`,
      [created.processInstanceKey],
    );
    expect(incident).toMatchObject({
      error_type: 'JOB_NO_RETRIES',
      error_message: 'no seat registry',
      job_key: job.key,
    });
    expect(await activateNow(engine.zbc, one)).toEqual([]);

    const tooEarly = await grpcError(engine.zbc.resolveIncident({ incidentKey: incident.key }));
    expect(tooEarly.code).toBe(GRPC.FAILED_PRECONDITION);
    await engine.zbc.updateJobRetries({ jobKey: job.key, retries: 1 });
    await engine.zbc.resolveIncident({ incidentKey: incident.key });
    const [retried] = await activate(engine.zbc, one);
    expect(retried).toMatchObject({ key: job.key, retries: 1 });
    await engine.zbc.completeJob({ jobKey: retried.key, variables: {} });
    await engine.zbc.completeJob({ jobKey: (await activate(engine.zbc, two))[0].key, variables: {} });
    await waitFor('completion', async () => (await instanceState(created.processInstanceKey)) === 'COMPLETED');
  });

  it('makes an uncaught ThrowError an incident that names the error code', async () => {
    const created = await start();
    const [job] = await activate(engine.zbc, one);
    await engine.zbc.throwError({ jobKey: job.key, errorCode: 'NO_VACANT_SEAT', errorMessage: 'all seats taken' });
    const [incident] = await engine.query<{ error_type: string; error_message: string }>(
      `SELECT error_type, error_message FROM engine.incident WHERE process_instance_key = $1 AND state = 'ACTIVE'`,
      [created.processInstanceKey],
    );
    expect(incident.error_type).toBe('UNHANDLED_ERROR_EVENT');
    expect(incident.error_message).toContain("'NO_VACANT_SEAT'");
  });

  it('hands a job out again when its worker lets the timeout pass', async () => {
    await start();
    const [job] = await activate(engine.zbc, one, 1, { timeout: 300 });
    const [again] = await activate(engine.zbc, one, 1, { requestTimeout: 5_000 });
    expect(again.key).toBe(job.key);
    await engine.zbc.completeJob({ jobKey: again.key, variables: {} });
    await engine.zbc.completeJob({ jobKey: (await activate(engine.zbc, two))[0].key, variables: {} });
  });

  it('answers NOT_FOUND for unknown keys and processes', async () => {
    const unknown = '2251799813999999';
    const calls = [
      () => engine.zbc.completeJob({ jobKey: unknown, variables: {} }),
      () => engine.zbc.failJob({ jobKey: unknown, retries: 1, errorMessage: 'x', retryBackOff: 0 }),
      () => engine.zbc.updateJobRetries({ jobKey: unknown, retries: 1 }),
      () => engine.zbc.resolveIncident({ incidentKey: unknown }),
      () => engine.zbc.cancelProcessInstance(unknown),
      () => engine.zbc.setVariables({ elementInstanceKey: unknown, variables: { a: 1 }, local: false }),
      () => engine.zbc.createProcessInstance({ bpmnProcessId: 'no-such-process', variables: {} }),
    ];
    // One call at a time: a rejected promise must be awaited before the next one is made.
    for (const call of calls) expect((await grpcError(call())).code).toBe(GRPC.NOT_FOUND);
  });

  it('cancels an instance: its jobs are withdrawn and further commands find nothing', async () => {
    const created = await start();
    const [job] = await activate(engine.zbc, one);
    await engine.zbc.cancelProcessInstance(created.processInstanceKey);
    expect(await instanceState(created.processInstanceKey)).toBe('TERMINATED');
    expect((await grpcError(engine.zbc.completeJob({ jobKey: job.key, variables: {} }))).code).toBe(GRPC.NOT_FOUND);
    expect((await grpcError(engine.zbc.cancelProcessInstance(created.processInstanceKey))).code).toBe(GRPC.NOT_FOUND);
  });

  it('answers CreateProcessInstanceWithResult once the instance completes, with the variables asked for', async () => {
    const worker = engine.zbc.createWorker({
      taskType: one,
      taskHandler: (job) => job.complete({ hired: true, extra: 1 }),
      loglevel: 'NONE',
    });
    const worker2 = engine.zbc.createWorker({ taskType: two, taskHandler: (job) => job.complete(), loglevel: 'NONE' });
    try {
      const result = await engine.zbc.createProcessInstanceWithResult({
        bpmnProcessId: processId,
        variables: { citizen: 'B' },
        fetchVariables: ['hired', 'citizen'],
        requestTimeout: 10_000,
      });
      expect(result.variables).toEqual({ citizen: 'B', hired: true });
    } finally {
      await worker.close();
      await worker2.close();
    }
  });

  it('ends CreateProcessInstanceWithResult with DEADLINE_EXCEEDED when the instance waits too long', async () => {
    const error = await grpcError(
      engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: processId, variables: {}, requestTimeout: 500 }),
    );
    expect(error.code).toBe(GRPC.DEADLINE_EXCEEDED);
  });
});
