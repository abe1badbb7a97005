import { definitions, flow, sequence, serviceTask } from '../support/bpmn';
import { EngineUnderTest, GRPC, startEngineUnderTest, waitFor } from '../support/engine-harness';
import { activate } from '../support/jobs';

jest.setTimeout(60_000);

/**
 * Commands that arrive together share a transaction (group commit). These tests send many at
 * once so that batches form, and check that each command still succeeds or fails on its own.
 */
describe('group commit', () => {
  let engine: EngineUnderTest;
  beforeAll(async () => {
    engine = await startEngineUnderTest();
    await engine.zbc.deployResource({ process: Buffer.from(sequence('many', 'many-work')), name: 'many.bpmn' });
  });
  afterAll(() => engine.stop());

  it('keeps rejected commands from touching the accepted ones sent with them', async () => {
    const calls = Array.from({ length: 240 }, (_, i) =>
      i % 4 === 3
        ? engine.zbc.completeJob({ jobKey: String(2251799813999000 + i), variables: {} })
        : engine.zbc.createProcessInstance({ bpmnProcessId: 'many', variables: { i } }),
    );
    const outcomes = await Promise.allSettled(calls);
    const created = outcomes.filter((o, i) => i % 4 !== 3 && o.status === 'fulfilled');
    const refused = outcomes.filter((o, i) => i % 4 === 3 && o.status === 'rejected');
    expect(created).toHaveLength(180);
    expect(refused).toHaveLength(60);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: GRPC.NOT_FOUND });
    const [row] = await engine.query<{ instances: number; jobs: number }>(
      `SELECT (SELECT count(*)::int FROM engine.process_instance) AS instances, (SELECT count(*)::int FROM engine.job) AS jobs`,
    );
    expect(row).toEqual({ instances: 180, jobs: 180 });
  });

  it('applies two commands on one instance in one batch in order', async () => {
    await engine.zbc.deployResource({
      process: Buffer.from(
        definitions(
          'pair',
          [
            '<bpmn:startEvent id="start" />',
            '<bpmn:parallelGateway id="fork" />',
            serviceTask('left', 'pair-left'),
            serviceTask('right', 'pair-right'),
            '<bpmn:parallelGateway id="join" />',
            serviceTask('after', 'pair-after'),
            flow('f0', 'start', 'fork'),
            flow('f1', 'fork', 'left'),
            flow('f2', 'fork', 'right'),
            flow('f3', 'left', 'join'),
            flow('f4', 'right', 'join'),
            flow('f5', 'join', 'after'),
          ].join('\n'),
        ),
      ),
      name: 'pair.bpmn',
    });
    const keys = await Promise.all(
      Array.from({ length: 30 }, () => engine.zbc.createProcessInstance({ bpmnProcessId: 'pair', variables: {} })),
    );
    const lefts = await activate(engine.zbc, 'pair-left', 30);
    const rights = await activate(engine.zbc, 'pair-right', 30);
    await Promise.all(
      [...lefts, ...rights].map((job) =>
        engine.zbc.completeJob({ jobKey: job.key, variables: { [job.elementId]: true } }),
      ),
    );
    const afters = await activate(engine.zbc, 'pair-after', 30);
    expect(new Set(afters.map((j) => j.processInstanceKey))).toEqual(new Set(keys.map((k) => k.processInstanceKey)));
    for (const job of afters) expect(job.variables).toEqual({ left: true, right: true });
    await waitFor('no tokens left at the joins', async () => {
      const rows = await engine.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM engine.element_instance WHERE element_id = 'join'`,
      );
      return rows[0].n === 0;
    });
  });
});
