import type { EngineUnderTest } from '../support/engine-harness';
import type { TestJob } from '../support/jobs';

/** What one generic run of a deployed corpus process did. */
export interface RunResult {
  processId: string;
  /** How the instance was started: none start event, message, timer or signal. */
  startedBy: string;
  /** 'completed' | 'waiting' | 'incident' | 'not-started' */
  end: 'completed' | 'waiting' | 'incident' | 'not-started';
  /** Leaf elements still active when nothing more could be done (sorted, unique). */
  waitsAt: string[];
  incidents: { elementId: string; errorType: string; message: string }[];
  /** What the generic driver did, in order (job types completed, messages, signals, timers). */
  actions: string[];
}

const CONTAINER_TYPES = new Set(['process', 'subProcess', 'eventSubProcess', 'multiInstanceBody', 'callActivity']);
const MAX_ROUNDS = 40;

type Row = Record<string, unknown>;

/**
 * Drives one process of the corpus the way generic workers would: complete every job with no
 * variables, publish the messages its subscriptions wait for, broadcast its signals, move the
 * clock to its next timer; one event per round, until the instance ends or nothing changes.
 * Observes the engine through its tables only; drives it through zeebe-node only.
 */
export async function runProcess(
  engine: EngineUnderTest,
  processId: string,
  definitionKey: string,
  hasNoneStart: boolean,
  tag: string,
): Promise<RunResult> {
  const { zbc } = engine;
  const actions: string[] = [];
  let startedBy = 'none start event';
  let rootKey: string | undefined;

  if (hasNoneStart) {
    const created = await zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    rootKey = created.processInstanceKey;
  } else {
    rootKey = await startByEvent();
    if (!rootKey) return { processId, startedBy, end: 'not-started', waitsAt: [], incidents: [], actions };
  }

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const keys = await trackedInstances(rootKey);
    const root = await engine.query<{ state: string }>('SELECT state FROM engine.process_instance WHERE key = $1', [
      rootKey,
    ]);
    if (root[0]?.state !== 'ACTIVE') break;
    if (await completeJobs(keys)) continue;
    if (await publishOneMessage(keys)) continue;
    if (await broadcastOneSignal(keys)) continue;
    if (await fireNextTimer(keys)) continue;
    break;
  }
  return { processId, startedBy, ...(await finalState(rootKey)), actions };

  async function startByEvent(): Promise<string | undefined> {
    const [{ before }] = await engine.query<{ before: string }>(
      'SELECT coalesce(max(key), 0)::text AS before FROM engine.process_instance',
    );
    const messages = await engine.query<{ message_name: string }>(
      'SELECT message_name FROM engine.message_subscription WHERE owner_key IS NULL AND process_definition_key = $1',
      [definitionKey],
    );
    const signals = await engine.query<{ signal_name: string }>(
      'SELECT signal_name FROM engine.signal_subscription WHERE owner_key IS NULL AND process_definition_key = $1',
      [definitionKey],
    );
    const timers = await engine.query<{ key: string; due_at: Date }>(
      'SELECT key, due_at FROM engine.timer WHERE owner_key IS NULL AND process_definition_key = $1 ORDER BY due_at',
      [definitionKey],
    );
    if (messages.length > 0) {
      startedBy = `message '${messages[0].message_name}'`;
      await zbc.publishMessage({
        name: messages[0].message_name,
        correlationKey: `corpus-${tag}`,
        variables: {},
        timeToLive: 0,
      });
    } else if (signals.length > 0) {
      startedBy = `signal '${signals[0].signal_name}'`;
      await zbc.broadcastSignal({ signalName: signals[0].signal_name, variables: {} });
    } else if (timers.length > 0) {
      startedBy = 'timer';
      advanceTo(timers[0].due_at);
    } else {
      startedBy = 'nothing to start it (no none start event and no start subscription)';
      return undefined;
    }
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline) {
      const rows = await engine.query<{ key: string }>(
        `SELECT key::text AS key FROM engine.process_instance
          WHERE process_definition_key = $1 AND key > $2 ORDER BY key LIMIT 1`,
        [definitionKey, before],
      );
      if (rows[0]) return rows[0].key;
      await sleep(25);
    }
    return undefined;
  }

  async function trackedInstances(key: string): Promise<string[]> {
    const rows = await engine.query<{ key: string }>(
      `WITH RECURSIVE tree(key) AS (
         SELECT $1::bigint
         UNION SELECT p.key FROM engine.process_instance p JOIN tree t ON p.parent_process_instance_key = t.key)
       SELECT key::text AS key FROM tree`,
      [key],
    );
    return rows.map((r) => r.key);
  }

  async function completeJobs(keys: string[]): Promise<boolean> {
    const rows = await engine.query<{ type: string }>(
      `SELECT DISTINCT type FROM engine.job WHERE process_instance_key = ANY($1::bigint[]) AND state = 'ACTIVATABLE'`,
      [keys],
    );
    let completed = 0;
    for (const { type } of rows) {
      const jobs = (await zbc.activateJobs({
        type,
        worker: 'corpus-worker',
        maxJobsToActivate: 100,
        timeout: 60_000,
        requestTimeout: 500,
      } as Parameters<typeof zbc.activateJobs>[0])) as unknown as TestJob[];
      for (const job of jobs) {
        await zbc.completeJob({ jobKey: job.key, variables: {} });
        if (keys.includes(job.processInstanceKey)) {
          actions.push(`job ${type} (${job.elementId})`);
          completed++;
        }
      }
    }
    return completed > 0;
  }

  async function publishOneMessage(keys: string[]): Promise<boolean> {
    const rows = await engine.query<{ message_name: string; correlation_key: string; target_element_id: string }>(
      `SELECT message_name, correlation_key, target_element_id FROM engine.message_subscription
        WHERE process_instance_key = ANY($1::bigint[]) ORDER BY key LIMIT 1`,
      [keys],
    );
    if (rows.length === 0) return false;
    const m = rows[0];
    await zbc.publishMessage({ name: m.message_name, correlationKey: m.correlation_key, variables: {}, timeToLive: 0 });
    actions.push(`message '${m.message_name}' (${m.target_element_id})`);
    return true;
  }

  async function broadcastOneSignal(keys: string[]): Promise<boolean> {
    const rows = await engine.query<{ signal_name: string; target_element_id: string }>(
      `SELECT signal_name, target_element_id FROM engine.signal_subscription
        WHERE process_instance_key = ANY($1::bigint[]) ORDER BY key LIMIT 1`,
      [keys],
    );
    if (rows.length === 0) return false;
    await zbc.broadcastSignal({ signalName: rows[0].signal_name, variables: {} });
    actions.push(`signal '${rows[0].signal_name}' (${rows[0].target_element_id})`);
    return true;
  }

  async function fireNextTimer(keys: string[]): Promise<boolean> {
    const rows = await engine.query<{ key: string; due_at: Date; target_element_id: string }>(
      `SELECT key::text AS key, due_at, target_element_id FROM engine.timer
        WHERE process_instance_key = ANY($1::bigint[]) ORDER BY due_at LIMIT 1`,
      [keys],
    );
    if (rows.length === 0) return false;
    const t = rows[0];
    advanceTo(t.due_at);
    actions.push(`timer (${t.target_element_id})`);
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline) {
      const left = await engine.query<Row>('SELECT 1 FROM engine.timer WHERE key = $1 AND due_at = $2', [
        t.key,
        t.due_at,
      ]);
      if (left.length === 0) return true;
      await sleep(20);
    }
    throw new Error(`timer ${t.key} (${t.target_element_id}) did not fire after the clock passed it`);
  }

  function advanceTo(due: Date): void {
    const delta = due.getTime() - engine.clock.now();
    engine.clock.advance(Math.max(delta, 0) + 1_000);
  }

  async function finalState(key: string): Promise<Pick<RunResult, 'end' | 'waitsAt' | 'incidents'>> {
    const keys = await trackedInstances(key);
    const root = await engine.query<{ state: string }>('SELECT state FROM engine.process_instance WHERE key = $1', [
      key,
    ]);
    const incidents = await engine.query<{ element_id: string; error_type: string; error_message: string }>(
      `SELECT element_id, error_type, error_message FROM engine.incident
        WHERE process_instance_key = ANY($1::bigint[]) AND state = 'ACTIVE' ORDER BY key`,
      [keys],
    );
    const elements = await engine.query<{ element_id: string; element_type: string }>(
      'SELECT element_id, element_type FROM engine.element_instance WHERE process_instance_key = ANY($1::bigint[])',
      [keys],
    );
    // The leaf elements that are still active, and every element that has an incident.
    const waitsAt = [
      ...new Set([
        ...elements.filter((e) => !CONTAINER_TYPES.has(e.element_type)).map((e) => e.element_id),
        ...incidents.map((i) => i.element_id),
      ]),
    ].sort();
    const end = root[0]?.state === 'ACTIVE' ? (incidents.length > 0 ? 'incident' : 'waiting') : 'completed';
    return {
      end,
      waitsAt: end === 'completed' ? [] : waitsAt,
      incidents: incidents.map((i) => ({ elementId: i.element_id, errorType: i.error_type, message: i.error_message })),
    };
  }
}

/** Cancels every active root instance (the run's own leftovers and strays started by shared start events). */
export async function cancelEverything(engine: EngineUnderTest): Promise<void> {
  const rows = await engine.query<{ key: string }>(
    `SELECT key::text AS key FROM engine.process_instance WHERE state = 'ACTIVE' AND parent_process_instance_key IS NULL`,
  );
  for (const { key } of rows) await engine.zbc.cancelProcessInstance(key).catch(() => undefined);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
