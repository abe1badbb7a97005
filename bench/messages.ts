import { performance } from 'node:perf_hooks';
import { sleep, withTimeout } from './load';
import {
  benchClient,
  bpmnFile,
  commits,
  Errors,
  every,
  fmt,
  latencySummary,
  rowCount,
  runConcurrently,
  stats,
  type ScenarioEnv,
  workerSettings,
} from './scenario-kit';

// The message scenario: instances waiting at a message catch event (correlation key = their id),
// then one PublishMessage per instance; and the buffered variant (publish with a time to live
// first, then create the instances that take the message). See docs/performance.md.

export interface MessageOptions {
  count: number;
  /** PublishMessage calls in flight. */
  inFlight: number;
  /** CreateProcessInstance calls in flight. */
  createInFlight: number;
  /** Time to live of the buffered variant's messages. */
  ttlS: number;
}

export interface MessageResult {
  lines: string[];
  problems: string[];
  correlationsPerS?: number;
  bufferedPerS?: number;
}

const MESSAGE = 'bench-message';

interface Phase {
  /** Correlations (jobs activated after the catch event) per second, from the first call sent. */
  perS: number;
  p50: number;
  p99: number;
  activated: number;
  commitsPerInstance?: number;
}

export async function runMessages(env: ScenarioEnv, o: MessageOptions): Promise<MessageResult> {
  const { log } = env;
  const zbc = benchClient(env.port);
  const db = await stats(env.databaseUrl);
  const errors = new Errors();
  const lines: string[] = [];
  let stopTicker = (): void => undefined;
  try {
    await zbc.deployResource({ name: 'message-task.bpmn', process: bpmnFile('message-task.bpmn') });

    // The clock of a correlation starts when the call that completes the pair (the publish, or in
    // the buffered variant the create) is sent, and stops when the job after the catch event
    // reaches the worker.
    const startedAt = new Map<string, number>();
    let latencies: number[] = [];
    let activated = 0;
    let unmatched = 0;
    let lastActivation = 0;
    let completed = 0;
    zbc.createWorker({
      taskType: 'bench-message-task',
      ...workerSettings(env, ['id']),
      taskHandler: async (job) => {
        const at = performance.now();
        const id = String((job.variables as { id?: string }).id);
        const sent = startedAt.get(id);
        activated++;
        lastActivation = at;
        if (sent === undefined) unmatched++;
        else {
          latencies.push(at - sent);
          startedAt.delete(id);
        }
        try {
          await zbc.completeJob({ jobKey: job.key, variables: {} });
          completed++;
        } catch (error) {
          errors.record('completeJob(bench-message-task)', error);
        }
        return job.forward();
      },
    });

    const create = (prefix: string, track: boolean) => (i: number) => {
      const id = `${prefix}-${i}`;
      if (track) startedAt.set(id, performance.now());
      return zbc.createProcessInstance({ bpmnProcessId: 'bench-message', variables: { id } }).then(() => undefined);
    };
    const publish = (prefix: string, ttlMs: number, track: boolean) => (i: number) => {
      const correlationKey = `${prefix}-${i}`;
      if (track) startedAt.set(correlationKey, performance.now());
      return zbc
        .publishMessage({ name: MESSAGE, correlationKey, timeToLive: ttlMs, variables: {} })
        .then(() => undefined);
    };
    const timed = async (
      what: string,
      concurrency: number,
      task: (i: number) => Promise<void>,
    ): Promise<{ perS: number; seconds: number; ok: number; backPressure: number }> => {
      const started = performance.now();
      const result = await runConcurrently(o.count, concurrency, what, errors, task);
      const seconds = (performance.now() - started) / 1000;
      return { ...result, seconds, perS: result.ok / seconds };
    };
    /** Waits until `target` jobs were activated since `from`, or nothing happened for stallMs. */
    const correlations = async (from: number, target: number, startedAtMs: number): Promise<Phase> => {
      while (activated - from < target && performance.now() - Math.max(lastActivation, startedAtMs) < env.stallMs)
        await sleep(20);
      const count = activated - from;
      const summary = latencySummary(latencies);
      latencies = [];
      return {
        perS: count / ((lastActivation - startedAtMs) / 1000),
        p50: summary.p50,
        p99: summary.p99,
        activated: count,
      };
    };

    let printed = -1;
    stopTicker = every(env.progressS, () => {
      if (completed === printed) return; // nothing moved (creating or publishing into the buffer)
      printed = completed;
      log(`  jobs after the catch event activated ${fmt(activated)}, completed ${fmt(completed)}`);
    });

    // 1. Instances wait first, then one message each.
    log(`  direct: creating ${fmt(o.count)} waiting instances (${o.createInFlight} in flight)`);
    const created = await timed('createProcessInstance', o.createInFlight, create('d', false));
    const subscriptions = await rowCount(db, 'message_subscription');
    log(`  direct: ${fmt(subscriptions)} subscriptions open; publishing (${o.inFlight} in flight, TTL 0)`);
    let c0 = await commits(db);
    const from = activated;
    const publishStart = performance.now();
    const published = await timed('publishMessage', o.inFlight, publish('d', 0, true));
    const direct = await correlations(from, created.ok, publishStart);
    await sleep(1500); // pg_stat_database lags up to ~1 s
    direct.commitsPerInstance = ((await commits(db)) - c0) / Math.max(1, direct.activated);
    lines.push(
      `messages, direct: ${fmt(created.ok)} instances created at ${fmt(created.perS)}/s, ${fmt(subscriptions)} waiting; ` +
        `${fmt(published.ok)} published at ${fmt(published.perS)}/s`,
    );
    lines.push(
      `  ${fmt(direct.activated)} correlated: ${fmt(direct.perS)}/s (first publish -> last job at the worker), ` +
        `publish -> job at the worker p50 ${fmt(direct.p50)} ms, p99 ${fmt(direct.p99)} ms; ` +
        `${fmt(direct.commitsPerInstance, 1)} commits per correlation (incl. the job's completion)`,
    );
    log(lines.slice(-2).join('\n'));

    // 2. Buffered: messages first (with a time to live), then the instances that take them.
    log(`  buffered: publishing ${fmt(o.count)} messages (TTL ${o.ttlS} s, ${o.inFlight} in flight)`);
    const buffered = await timed('publishMessage(buffered)', o.inFlight, publish('b', o.ttlS * 1000, false));
    const kept = await rowCount(db, 'message');
    log(`  buffered: ${fmt(kept)} messages buffered; creating the instances (${o.createInFlight} in flight)`);
    c0 = await commits(db);
    const from2 = activated;
    const createStart = performance.now();
    const created2 = await timed('createProcessInstance(buffered)', o.createInFlight, create('b', true));
    const late = await correlations(from2, created2.ok, createStart);
    await sleep(1500);
    late.commitsPerInstance = ((await commits(db)) - c0) / Math.max(1, late.activated);
    lines.push(
      `messages, buffered: ${fmt(buffered.ok)} published at ${fmt(buffered.perS)}/s (no subscription yet; ` +
        `${fmt(kept)} rows in engine.message); ${fmt(created2.ok)} instances created at ${fmt(created2.perS)}/s`,
    );
    lines.push(
      `  ${fmt(late.activated)} correlated: ${fmt(late.perS)}/s (first create -> last job at the worker), ` +
        `create -> job at the worker p50 ${fmt(late.p50)} ms, p99 ${fmt(late.p99)} ms; ` +
        `${fmt(late.commitsPerInstance, 1)} commits per instance (create + completion)`,
    );
    const backPressure = created.backPressure + published.backPressure + buffered.backPressure + created2.backPressure;
    if (backPressure > 0) lines.push(`  RESOURCE_EXHAUSTED retried: ${fmt(backPressure)}`);
    if (unmatched > 0) lines.push(`  ${fmt(unmatched)} jobs whose instance's start was not timed`);
    log(lines.slice(-2).join('\n'));

    const drainUntil = performance.now() + 10_000;
    while (completed < activated && performance.now() < drainUntil) await sleep(50);

    const problems = errors.lines('messages');
    if (direct.activated < created.ok)
      problems.unshift(`messages: direct: only ${fmt(direct.activated)} of ${fmt(created.ok)} correlated (stalled)`);
    if (late.activated < created2.ok)
      problems.unshift(`messages: buffered: only ${fmt(late.activated)} of ${fmt(created2.ok)} correlated (stalled)`);
    return { lines, problems, correlationsPerS: direct.perS, bufferedPerS: late.perS };
  } finally {
    stopTicker();
    await db.end().catch(() => undefined);
    await withTimeout(zbc.close(5), 10_000, 'closing the zeebe-node client');
  }
}

/** PublishMessage against the null gateway: the protocol's ceiling for the same calls. */
export async function nullPublishRate(port: number, count: number, inFlight: number): Promise<number> {
  const zbc = benchClient(port);
  const errors = new Errors();
  try {
    const started = performance.now();
    const { ok } = await runConcurrently(count, inFlight, 'publishMessage', errors, (i) =>
      zbc
        .publishMessage({ name: MESSAGE, correlationKey: `n-${i}`, timeToLive: 0, variables: {} })
        .then(() => undefined),
    );
    if (errors.total > 0) throw new Error(errors.lines('null gateway').join('; '));
    return ok / ((performance.now() - started) / 1000);
  } finally {
    await withTimeout(zbc.close(5), 10_000, 'closing the zeebe-node client');
  }
}
