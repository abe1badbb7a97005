import { sequence } from '../support/bpmn';
import { EngineUnderTest, GRPC, startEngineUnderTest } from '../support/engine-harness';

jest.setTimeout(30_000);

describe('back-pressure', () => {
  let engine: EngineUnderTest;
  beforeAll(async () => {
    engine = await startEngineUnderTest({ maxCommandsInFlight: 3 });
    await engine.zbc.deployResource({ process: Buffer.from(sequence('busy', 'busy-work')), name: 'busy.bpmn' });
  });
  afterAll(() => engine.stop());

  it('refuses commands beyond its limit with RESOURCE_EXHAUSTED, and takes them again once it has caught up', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        engine.zbc.createProcessInstance({ bpmnProcessId: 'busy', variables: { i } }),
      ),
    );
    const refused = outcomes.filter((o) => o.status === 'rejected');
    const created = outcomes.filter((o) => o.status === 'fulfilled');
    expect(created.length).toBeGreaterThanOrEqual(3);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: GRPC.RESOURCE_EXHAUSTED });
    }
    // Nothing refused was half-done: exactly the acknowledged instances exist.
    const rows = await engine.query<{ n: number }>(`SELECT count(*)::int AS n FROM engine.process_instance`);
    expect(rows[0].n).toBe(created.length);
    await expect(engine.zbc.createProcessInstance({ bpmnProcessId: 'busy', variables: {} })).resolves.toBeDefined();
  });
});
