import * as grpc from '@grpc/grpc-js';
// The API contract file itself: the gateway only needs the EngineError shape, not the h.engine.
import { EngineError } from '../../engine-core/src/api';
import { activateRequest, collect, startHarness, type Harness } from './testing/harness';

const BPMN = Buffer.from('<definitions id="d"><process id="order" isExecutable="true"/></definitions>');

describe('Zeebe gateway commands', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('reports a one-broker topology', async () => {
    const topology = await h.zbc.topology();
    expect(topology).toMatchObject({
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: '8.5.0',
      brokers: [
        {
          nodeId: 0,
          host: 'localhost',
          port: h.gateway.port,
          partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
        },
      ],
    });
  });

  it('deploys a resource and answers process metadata', async () => {
    const result = await h.zbc.deployResource({ process: BPMN, name: 'order.bpmn' });
    const [[resources]] = h.engine.argsOf('deploy') as [[{ name: string; content: Buffer }[]]];
    expect(resources).toHaveLength(1);
    expect(resources[0].name).toBe('order.bpmn');
    expect(resources[0].content.equals(BPMN)).toBe(true);
    expect(result.key).toBe('2251799813685000');
    expect(result.deployments[0]).toMatchObject({
      process: {
        bpmnProcessId: 'order',
        version: 1,
        processDefinitionKey: '2251799813685001',
        resourceName: 'order.bpmn',
      },
    });
  });

  it('still serves the deprecated DeployProcess', async () => {
    const result = await h.zbc.deployProcess({ definition: BPMN, name: 'order.bpmn' });
    expect(result.processes[0]).toMatchObject({ bpmnProcessId: 'order', resourceName: 'order.bpmn' });
  });

  it('creates instances, with and without waiting for the result', async () => {
    const created = await h.zbc.createProcessInstance({ bpmnProcessId: 'order', variables: { citizen: 'x' } });
    expect(created).toMatchObject({ processInstanceKey: '2251799813685100', tenantId: '<default>' });
    expect(h.engine.argsOf('createProcessInstance')[0][0]).toEqual({
      bpmnProcessId: 'order',
      version: -1,
      variables: { citizen: 'x' },
    });

    const result = await h.zbc.createProcessInstanceWithResult({
      bpmnProcessId: 'order',
      variables: { amount: 3 },
      fetchVariables: ['approved'],
    });
    expect(result.variables).toEqual({ amount: 3, approved: true });
    // requestTimeout 0 (zeebe-node's default) means the gateway default.
    expect(h.engine.argsOf('createProcessInstanceWithResult')[0].slice(1)).toEqual([1_500, ['approved']]);
  });

  it('passes job, variable, incident and message commands on with keys as strings and ms values', async () => {
    await h.zbc.failJob({ jobKey: '2251799813685249', retries: 2, errorMessage: 'smtp down', retryBackOff: 5_000 });
    await h.zbc.throwError({
      jobKey: '2251799813685250',
      errorCode: 'NO_CONSENT',
      errorMessage: 'no',
      variables: { a: 1 },
    });
    await h.zbc.updateJobRetries({ jobKey: '2251799813685251', retries: 3 });
    const set: any = await h.zbc.setVariables({
      elementInstanceKey: '2251799813685200',
      variables: { b: 2 },
      local: true,
    });
    await h.zbc.resolveIncident({ incidentKey: '2251799813685500' });
    const published = await h.zbc.publishMessage({
      name: 'consent-given',
      correlationKey: 'case-7',
      timeToLive: 10_000,
      messageId: 'm-1',
      variables: { consent: true },
    });
    await h.zbc.cancelProcessInstance('2251799813685100');

    expect(h.engine.argsOf('failJob')[0][0]).toEqual({
      jobKey: '2251799813685249',
      retries: 2,
      errorMessage: 'smtp down',
      retryBackOffMs: 5_000,
      variables: {},
    });
    expect(h.engine.argsOf('throwError')[0][0]).toEqual({
      jobKey: '2251799813685250',
      errorCode: 'NO_CONSENT',
      errorMessage: 'no',
      variables: { a: 1 },
    });
    expect(h.engine.argsOf('updateJobRetries')[0]).toEqual(['2251799813685251', 3]);
    expect(h.engine.argsOf('setVariables')[0]).toEqual(['2251799813685200', { b: 2 }, true]);
    expect(set.key).toBe('2251799813685300');
    expect(h.engine.argsOf('resolveIncident')[0]).toEqual(['2251799813685500']);
    expect(h.engine.argsOf('publishMessage')[0][0]).toEqual({
      name: 'consent-given',
      correlationKey: 'case-7',
      timeToLiveMs: 10_000,
      messageId: 'm-1',
      variables: { consent: true },
    });
    expect(published).toMatchObject({ key: '2251799813685400', tenantId: '<default>' });
    expect(h.engine.argsOf('cancelProcessInstance')[0]).toEqual(['2251799813685100']);
  });

  it('rejects variables that are not a JSON object, without echoing them', async () => {
    const notJson = h.zbc.setVariables({
      elementInstanceKey: '1',
      variables: '{"cpr": 0101901234' as any,
      local: false,
    });
    await expect(notJson).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
    const details: string = await notJson.catch((e) => e.details);
    expect(details).toMatch(/^Expected to parse 'variables' of SetVariables as a JSON object, but got: /);
    expect(details).not.toContain('0101901234');

    const array = h.zbc.setVariables({ elementInstanceKey: '1', variables: '[1]' as any, local: false });
    await expect(array).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: expect.stringContaining('array'),
    });
    expect(h.engine.argsOf('setVariables')).toHaveLength(0);
  });

  it('maps EngineError codes to gRPC statuses with their message', async () => {
    h.engine.failNext = new EngineError('NOT_FOUND', 'Expected to complete job with key 42, but no such job was found');
    const error = await h.zbc.completeJob({ jobKey: '42', variables: {} }).catch((e) => e);
    expect(error.code).toBe(5);
    expect(error.details).toContain('Expected to complete job with key 42, but no such job was found');

    h.engine.failNext = new Error('db connection lost: SELECT * FROM secrets');
    const internal = await h.zbc.cancelProcessInstance('1').catch((e) => e);
    expect(internal.code).toBe(grpc.status.INTERNAL);
    expect(internal.details).not.toContain('secrets');
  });

  it('validates requests at the edge like Zeebe', async () => {
    const reject = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e) => ({ code: e.code, details: e.details }),
      );
    expect(await reject(h.zbc.updateJobRetries({ jobKey: '1', retries: 0 }))).toMatchObject({
      code: 3,
      details: expect.stringContaining("'retries'"),
    });
    expect(await reject(h.zbc.failJob({ jobKey: '1', retries: -1, errorMessage: '', retryBackOff: 0 }))).toMatchObject({
      code: 3,
    });
    expect(await reject(h.zbc.publishMessage({ name: '', correlationKey: 'c', variables: {} } as any))).toMatchObject({
      code: 3,
    });
    expect(await reject(h.zbc.throwError({ jobKey: '1', errorCode: '', errorMessage: '' }))).toMatchObject({ code: 3 });
    expect(await reject(h.zbc.createProcessInstance({ bpmnProcessId: '', variables: {} }))).toMatchObject({
      code: 3,
      details: expect.stringContaining('neither was given'),
    });
    expect(
      await reject(h.zbc.createProcessInstance({ bpmnProcessId: 'order', variables: {}, tenantId: 'aarhus' })),
    ).toMatchObject({
      code: 3,
      details: expect.stringContaining('multi-tenancy is disabled'),
    });
    expect(
      await reject(h.zbc.createProcessInstance({ bpmnProcessId: 'order', variables: {}, tenantId: '<default>' })),
    ).toBeUndefined();

    const raw = h.raw();
    const deploy = await new Promise<any>((resolve) =>
      raw.DeployResource({ resources: [] }, (e: unknown) => resolve(e)),
    );
    expect(deploy.code).toBe(3);
    for (const bad of [{ type: '' }, { maxJobsToActivate: 0 }, { timeout: 0 }, { tenantIds: ['aarhus'] }]) {
      const outcome = await collect(raw.ActivateJobs(activateRequest(bad)));
      expect(outcome.error?.code).toBe(grpc.status.INVALID_ARGUMENT);
    }
    expect(h.engine.argsOf('activateJobs')).toHaveLength(0);
  });

  it('answers UNIMPLEMENTED, naming the RPC, for what the engine lacks', async () => {
    const error = await h.zbc.evaluateDecision({ decisionId: 'd', variables: {} } as any).catch((e) => e);
    expect(error.code).toBe(grpc.status.UNIMPLEMENTED);
    expect(error.details).toContain('EvaluateDecision');
    expect(error.details).toContain('not supported by the embedded');
  });
});
