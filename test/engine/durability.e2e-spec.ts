import { Client } from 'pg';
import type { ZBClient, ZBWorker } from 'zeebe-node';
import { migrateDatabase } from '@brobygger/database';
import { definitions, flow, sequence, serviceTask } from '../support/bpmn';
import { waitFor, zeebeClient } from '../support/engine-harness';
import { freePort } from '../support/ports';
import { startBuilt, type Started } from '../support/process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

/** An engine as its own OS process (the built `apps/engine`), as it runs in production. */
async function startEngineProcess(db: TestDatabase, port: number): Promise<Started> {
  const started = startBuilt('apps/engine/src/main.js', {
    DATABASE_URL: db.url,
    ZEEBE_GATEWAY_PORT: String(port),
    LOG_LEVEL: 'warn',
  });
  const probe = zeebeClient(port);
  try {
    await waitFor(
      'the engine process to answer Topology',
      () =>
        probe.topology().then(
          () => true,
          () => false,
        ),
      30_000,
    );
  } finally {
    await probe.close();
  }
  return started;
}

describe('durability and concurrency of the engine processes', () => {
  let db: TestDatabase;
  let observer: Client;
  const processes: Started[] = [];
  const clients: ZBClient[] = [];
  const workers: ZBWorker<never, never, never>[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    await migrateDatabase(db.url);
    observer = new Client({ connectionString: db.url });
    await observer.connect();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
    await Promise.all(clients.splice(0).map((c) => c.close()));
    for (const p of processes.splice(0)) {
      p.child.kill('SIGKILL');
      await p.exited;
    }
    await observer.end();
    await db.drop();
  });

  const client = (port: number) => {
    const zbc = zeebeClient(port);
    clients.push(zbc);
    return zbc;
  };
  const completedCount = async (keys: string[]) => {
    const { rows } = await observer.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM engine.process_instance WHERE state = 'COMPLETED' AND key = ANY($1::bigint[])`,
      [keys],
    );
    return rows[0].n;
  };

  it('two engine processes on one database never hand out the same job twice', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    processes.push(await startEngineProcess(db, portA), await startEngineProcess(db, portB));
    const [a, b] = [client(portA), client(portB)];
    await a.deployResource({ process: Buffer.from(sequence('shared', 'shared-work')), name: 'shared.bpmn' });

    const handedOut: string[] = [];
    for (const zbc of [a, b]) {
      workers.push(
        zbc.createWorker({
          taskType: 'shared-work',
          maxJobsToActivate: 16,
          timeout: 60_000,
          loglevel: 'NONE',
          taskHandler: (job) => {
            handedOut.push(job.key);
            return job.complete();
          },
        }) as unknown as ZBWorker<never, never, never>,
      );
    }
    const keys: string[] = [];
    for (let i = 0; i < 300; i++) {
      const zbc = i % 2 === 0 ? a : b;
      keys.push((await zbc.createProcessInstance({ bpmnProcessId: 'shared', variables: { i } })).processInstanceKey);
    }
    await waitFor('every instance to complete', async () => (await completedCount(keys)) === keys.length, 60_000);
    expect(handedOut).toHaveLength(300);
    expect(new Set(handedOut).size).toBe(300);
    const { rows } = await observer.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM engine.record WHERE value_type = 'JOB' AND intent = 'ACTIVATED'`,
    );
    expect(rows[0].n).toBe(300);
  });

  it('loses no instance when the engine is killed with SIGKILL mid-run and started again', async () => {
    const port = await freePort();
    processes.push(await startEngineProcess(db, port));
    const zbc = client(port);
    await zbc.deployResource({
      process: Buffer.from(sequence('steady', 'k-one', 'k-two', 'k-three')),
      name: 'steady.bpmn',
    });
    for (const type of ['k-one', 'k-two', 'k-three']) {
      workers.push(
        zbc.createWorker({
          taskType: type,
          // A job whose completion was cut off by the kill is handed out again after this timeout.
          timeout: 2_000,
          loglevel: 'NONE',
          taskHandler: (job) => job.complete({ [type]: true }),
        }) as unknown as ZBWorker<never, never, never>,
      );
    }

    const acknowledged: string[] = [];
    let stop = false;
    const creator = (async () => {
      for (let i = 0; !stop; i++) {
        try {
          acknowledged.push(
            (await zbc.createProcessInstance({ bpmnProcessId: 'steady', variables: { i } })).processInstanceKey,
          );
        } catch {
          await new Promise((r) => setTimeout(r, 100)); // the engine is down: try again shortly
        }
      }
    })();

    await waitFor('some instances to be created', async () => acknowledged.length >= 60, 30_000);
    const killed = processes.pop()!;
    killed.child.kill('SIGKILL');
    await killed.exited;
    const atKill = acknowledged.length;
    await new Promise((r) => setTimeout(r, 500));
    processes.push(await startEngineProcess(db, port));
    await waitFor('more instances after the restart', async () => acknowledged.length >= atKill + 40, 30_000);
    stop = true;
    await creator;

    await waitFor(
      `all ${acknowledged.length} acknowledged instances to complete`,
      async () => (await completedCount(acknowledged)) === acknowledged.length,
      60_000,
    );
    const { rows } = await observer.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM engine.process_instance WHERE state = 'ACTIVE'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('fires a timer that fell due while no engine ran, once, with two engine processes on the database', async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    processes.push(await startEngineProcess(db, portA));
    const zbc = client(portA);
    const xml = definitions(
      'reminder',
      [
        '<bpmn:startEvent id="start" />',
        '<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
        serviceTask('remind', 'reminder-remind'),
        flow('f1', 'start', 'wait'),
        flow('f2', 'wait', 'remind'),
      ].join('\n'),
    );
    await zbc.deployResource({ process: Buffer.from(xml), name: 'reminder.bpmn' });
    const keys: string[] = [];
    for (let i = 0; i < 20; i++) {
      keys.push((await zbc.createProcessInstance({ bpmnProcessId: 'reminder', variables: { i } })).processInstanceKey);
    }
    const engineA = processes.pop()!;
    engineA.child.kill('SIGKILL');
    await engineA.exited;
    await new Promise((r) => setTimeout(r, 2_500)); // the timers fall due while no engine runs

    processes.push(await startEngineProcess(db, portA), await startEngineProcess(db, portB));
    const fired: string[] = [];
    for (const zbcOf of [client(portA), client(portB)]) {
      workers.push(
        zbcOf.createWorker({
          taskType: 'reminder-remind',
          loglevel: 'NONE',
          taskHandler: (job) => {
            fired.push(job.processInstanceKey);
            return job.complete();
          },
        }) as unknown as ZBWorker<never, never, never>,
      );
    }
    await waitFor('every instance to complete', async () => (await completedCount(keys)) === keys.length, 30_000);
    expect(fired.sort()).toEqual([...keys].sort());
    const { rows } = await observer.query<{ n: number }>(`SELECT count(*)::int AS n FROM engine.timer`);
    expect(rows[0].n).toBe(0);
  });
});
