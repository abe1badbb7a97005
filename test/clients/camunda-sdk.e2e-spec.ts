import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sequence } from '../support/bpmn';
import { EngineUnderTest, GRPC, startEngineUnderTest, waitFor } from '../support/engine-harness';
import { camundaSdkZeebeClient, closeSdkClient, sdkError, type ZeebeGrpcClient } from './camunda-sdk';

jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The Zeebe gRPC client of `@camunda8/sdk` (Camunda's official JavaScript SDK, the successor of
 * zeebe-node) against the embedded engine's gateway.
 */
describe('@camunda8/sdk Zeebe gRPC client against the embedded gateway', () => {
  let engine: EngineUnderTest;
  let zbc: ZeebeGrpcClient;
  let counter = 0;
  let processId = '';
  let one = '';
  let two = '';

  beforeAll(async () => {
    engine = await startEngineUnderTest();
    zbc = camundaSdkZeebeClient(engine.port);
  });
  afterAll(async () => {
    if (zbc) await closeSdkClient(zbc);
    await engine?.stop();
  });
  // Each test gets its own process and job types, so that no test sees another's jobs.
  beforeEach(async () => {
    counter += 1;
    [processId, one, two] = [`sdk${counter}`, `sdk-one-${counter}`, `sdk-two-${counter}`];
    await zbc.deployResource({ name: `${processId}.bpmn`, process: Buffer.from(sequence(processId, one, two)) });
  });

  const instanceState = async (key: string) =>
    (await engine.query<{ state: string }>('SELECT state FROM engine.process_instance WHERE key = $1', [key]))[0]
      ?.state;
  const activate = async (type: string) => {
    const jobs = await waitFor(`a job of type ${type}`, async () => {
      const batch = await zbc.activateJobs({
        type,
        worker: 'sdk-test',
        maxJobsToActivate: 1,
        timeout: 30_000,
        requestTimeout: 2_000,
      });
      return batch.length > 0 && batch;
    });
    return jobs[0];
  };

  it('reads the topology', async () => {
    const topology = await zbc.topology();
    expect(topology).toMatchObject({ clusterSize: 1, partitionsCount: 1, replicationFactor: 1 });
    expect(topology.gatewayVersion).toEqual(expect.any(String));
    expect(topology.brokers).toHaveLength(1);
    expect(topology.brokers[0]).toMatchObject({ nodeId: 0, port: engine.port });
    expect(topology.brokers[0].partitions).toEqual([
      expect.objectContaining({ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }),
    ]);
  });

  it('deploys from a buffer and from a file, versioning a changed process', async () => {
    const fromBuffer = await zbc.deployResource({
      name: `${processId}.bpmn`,
      process: Buffer.from(sequence(processId, one, two, 'sdk-extra')),
    });
    expect(fromBuffer.key).toMatch(/^\d+$/);
    expect(fromBuffer.deployments[0].process).toMatchObject({
      bpmnProcessId: processId,
      version: 2,
      resourceName: `${processId}.bpmn`,
    });
    expect(fromBuffer.deployments[0].process.processDefinitionKey).toMatch(/^\d+$/);

    const dir = await mkdtemp(join(tmpdir(), 'brobygger-sdk-'));
    try {
      const file = join(dir, 'from-file.bpmn');
      await writeFile(file, sequence(`${processId}_file`, one));
      const fromFile = await zbc.deployResource({ processFilename: file });
      expect(fromFile.deployments[0].process).toMatchObject({
        bpmnProcessId: `${processId}_file`,
        version: 1,
        resourceName: file,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('creates an instance and a polling worker (createWorker) completes its jobs with variables', async () => {
    const created = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: { citizen: 'A' } });
    expect(created).toMatchObject({ bpmnProcessId: processId, version: 1 });
    expect(created.processInstanceKey).toMatch(/^\d+$/);

    const seen: Array<{ type: string; variables: Record<string, unknown> }> = [];
    const first = zbc.createWorker({
      taskType: one,
      timeout: 30_000,
      taskHandler: (job) => {
        seen.push({ type: job.type, variables: { ...job.variables } });
        return job.complete({ stepOne: 'done' });
      },
    });
    const second = zbc.createWorker({
      taskType: two,
      timeout: 30_000,
      taskHandler: (job) => {
        seen.push({ type: job.type, variables: { ...job.variables } });
        return job.complete({ stepTwo: 42 });
      },
    });
    try {
      await waitFor('completion', async () => (await instanceState(created.processInstanceKey)) === 'COMPLETED');
    } finally {
      await Promise.all([first.close(2_000), second.close(2_000)]);
    }
    expect(seen).toEqual([
      { type: one, variables: { citizen: 'A' } },
      { type: two, variables: { citizen: 'A', stepOne: 'done' } },
    ]);
  });

  it('streams jobs (streamJobs over StreamActivatedJobs) to a worker that completes them', async () => {
    const seen: Array<Record<string, unknown>> = [];
    const polls = jest.spyOn(zbc, 'activateJobs');
    // Sidecar polling off: after the initial backfill poll, only the stream can hand out jobs.
    const stream = await zbc.streamJobs({
      type: one,
      worker: 'sdk-stream',
      timeout: 30_000,
      pollInterval: -1,
      tenantIds: [], // what the SDK sends when no CAMUNDA_TENANT_ID is set
      taskHandler: (job) => {
        seen.push({ ...job.variables });
        return job.complete({ streamed: true });
      },
    });
    // The SDK logs the CANCELLED status of its own stream cancellation with console.error.
    const realError = console.error;
    const errors = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if ((args[0] as { code?: number } | undefined)?.code !== 1) realError(...args);
    });
    try {
      await sleep(500); // the backfill poll is over and the stream is open
      const created = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: { citizen: 'S' } });
      const job = await activate(two);
      expect(job.processInstanceKey).toBe(created.processInstanceKey);
      expect(job.variables).toEqual({ citizen: 'S', streamed: true });
      expect(seen).toEqual([{ citizen: 'S' }]);
      // The worker polled once, before the job existed: the job came through the stream.
      const pollsOfOne = polls.mock.calls.filter(([request]) => request.type === one);
      expect(pollsOfOne).toHaveLength(1);
      await zbc.completeJob({ jobKey: job.key, variables: {} });
      await waitFor('completion', async () => (await instanceState(created.processInstanceKey)) === 'COMPLETED');
    } finally {
      stream.close();
      await sleep(100);
      errors.mockRestore();
      polls.mockRestore();
    }
  });

  it('createProcessInstanceWithResult answers with the final variables', async () => {
    const worker = zbc.createWorker({
      taskType: one,
      taskHandler: (job) => job.complete({ mentor: 'M' }),
    });
    const worker2 = zbc.createWorker({
      taskType: two,
      taskHandler: (job) => job.complete({ hired: true }),
    });
    try {
      const result = await zbc.createProcessInstanceWithResult({
        bpmnProcessId: processId,
        variables: { citizen: 'R' },
        requestTimeout: 20_000,
      });
      expect(result).toMatchObject({ bpmnProcessId: processId, version: 1 });
      expect(result.variables).toEqual({ citizen: 'R', mentor: 'M', hired: true });
      expect(await instanceState(result.processInstanceKey)).toBe('COMPLETED');
    } finally {
      await Promise.all([worker.close(2_000), worker2.close(2_000)]);
    }
  });

  it('failJob with retries left hands the job out again with those retries', async () => {
    const created = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const job = await activate(one);
    expect(job.retries).toBe(3);
    await zbc.failJob({ jobKey: job.key, errorMessage: 'registry down', retries: 2, retryBackOff: 0 });
    const again = await activate(one);
    expect(again.key).toBe(job.key);
    expect(again.retries).toBe(2);
    expect(again.processInstanceKey).toBe(created.processInstanceKey);
    await zbc.cancelProcessInstance(created.processInstanceKey);
  });

  it('a worker that calls job.fail hands the job back', async () => {
    const created = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    let attempts = 0;
    const worker = zbc.createWorker({
      taskType: one,
      taskHandler: (job) => {
        attempts += 1;
        if (attempts === 1) return job.fail({ errorMessage: 'first try fails', retries: 1, retryBackOff: 0 });
        return job.complete({ attempts });
      },
    });
    try {
      const next = await activate(two);
      expect(next.processInstanceKey).toBe(created.processInstanceKey);
      expect(next.variables).toEqual({ attempts: 2 });
    } finally {
      await worker.close(2_000);
    }
    await zbc.cancelProcessInstance(created.processInstanceKey);
  });

  it('failJob with no retries raises an incident; updateJobRetries + resolveIncident let it go on', async () => {
    const created = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    const job = await activate(one);
    await zbc.failJob({ jobKey: job.key, errorMessage: 'no seat registry', retries: 0, retryBackOff: 0 });
    const [incident] = await waitFor('the incident', async () => {
      const rows = await engine.query<{ key: string; error_type: string; error_message: string; job_key: string }>(
        `SELECT key, error_type, error_message, job_key FROM engine.incident WHERE process_instance_key = $1 AND state = 'ACTIVE'`,
        [created.processInstanceKey],
      );
      return rows.length > 0 && rows;
    });
    expect(incident).toMatchObject({
      error_type: 'JOB_NO_RETRIES',
      error_message: 'no seat registry',
      job_key: job.key,
    });

    await zbc.updateJobRetries({ jobKey: job.key, retries: 1 });
    await zbc.resolveIncident({ incidentKey: incident.key });
    const again = await activate(one);
    expect(again.key).toBe(job.key);
    expect(again.retries).toBe(1);
    await zbc.completeJob({ jobKey: again.key, variables: {} });
    await zbc.completeJob({ jobKey: (await activate(two)).key, variables: {} });
    await waitFor('completion', async () => (await instanceState(created.processInstanceKey)) === 'COMPLETED');

    expect(await sdkError(zbc.resolveIncident({ incidentKey: incident.key }))).toMatchObject({
      code: GRPC.NOT_FOUND,
    });
  });

  it('publishes a message; the same messageId again fails with ALREADY_EXISTS', async () => {
    const message = {
      name: 'documents-received',
      correlationKey: `case-${counter}`,
      messageId: `msg-${counter}`,
      timeToLive: 60_000,
      variables: { pages: 3 },
    };
    const published = await zbc.publishMessage(message);
    expect(published.key).toMatch(/^\d+$/);
    const [stored] = await engine.query<{ name: string; correlation_key: string; message_id: string }>(
      'SELECT name, correlation_key, message_id, variables FROM engine.message WHERE key = $1',
      [published.key],
    );
    expect(stored).toEqual({
      name: message.name,
      correlation_key: message.correlationKey,
      message_id: message.messageId,
      variables: { pages: 3 },
    });
    expect(await sdkError(zbc.publishMessage(message))).toMatchObject({ code: GRPC.ALREADY_EXISTS });
  });

  it('cancels an instance; cancelling it again is NOT_FOUND', async () => {
    const created = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    await activate(one);
    await zbc.cancelProcessInstance(created.processInstanceKey);
    expect(await instanceState(created.processInstanceKey)).toBe('TERMINATED');
    expect(await sdkError(zbc.cancelProcessInstance(created.processInstanceKey))).toMatchObject({
      code: GRPC.NOT_FOUND,
    });
  });

  it('setVariables on the instance scope is seen by the next job', async () => {
    const created = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: { citizen: 'V' } });
    const job = await activate(one);
    await zbc.setVariables({
      elementInstanceKey: created.processInstanceKey,
      variables: { caseworker: 'K', citizen: 'W' },
      local: false,
    });
    await zbc.completeJob({ jobKey: job.key, variables: {} });
    const next = await activate(two);
    expect(next.variables).toEqual({ citizen: 'W', caseworker: 'K' });
    await zbc.completeJob({ jobKey: next.key, variables: {} });
  });
});
