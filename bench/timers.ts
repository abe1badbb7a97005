import { performance } from 'node:perf_hooks';
import { sleep, withTimeout } from './load';
import { rssBytes } from './processes';
import {
  benchClient,
  bpmnFile,
  commits,
  Errors,
  every,
  fmt,
  latencySummary,
  mib,
  rowCount,
  runConcurrently,
  stats,
  tableSizes,
  type ScenarioEnv,
  workerSettings,
} from './scenario-kit';

// The timer scenario: many pending timers (start -> timer catch `= duration(d)` -> service task ->
// end), due spread over a window of wall time; how fast they are created, what they cost while
// pending, how fast they fire and how late. See docs/performance.md.

export interface TimerOptions {
  count: number;
  /** Due times are spread evenly over this many seconds... */
  spreadS: number;
  /** ...starting this many seconds after the first create. */
  delayS: number;
  inFlight: number;
  /** Give up waiting this long after the last timer fell due. */
  maxWaitS: number;
}

export interface TimerResult {
  lines: string[];
  problems: string[];
  /** Mean timers fired per second from the first due time to the last firing. */
  firingPerS?: number;
  commitsPerS?: number;
}

const TABLES = ['timer', 'process_instance', 'element_instance', 'job', 'record'];

export async function runTimers(env: ScenarioEnv, o: TimerOptions): Promise<TimerResult> {
  const { log } = env;
  const zbc = benchClient(env.port);
  const db = await stats(env.databaseUrl);
  const errors = new Errors();
  const lines: string[] = [];
  let stopTicker = (): void => undefined;
  try {
    const sizesBefore = await tableSizes(db, TABLES);
    const rssIdle = rssBytes(env.serverPid);
    await zbc.deployResource({ name: 'timer-task.bpmn', process: bpmnFile('timer-task.bpmn') });

    // Fire time = the moment the activated job reaches the worker (wall clock, this process);
    // due time = the instance's variable dueAt, the create's send time + d (the engine reads its
    // clock after that, so the true due time is up to one create latency later: lateness here is
    // an upper bound by that much).
    const lateness: number[] = [];
    const firedPerSecond = new Map<number, number>();
    let fired = 0;
    let completed = 0;
    let lastFireAt = 0;
    zbc.createWorker({
      taskType: 'bench-timer-task',
      ...workerSettings(env, ['dueAt']),
      taskHandler: async (job) => {
        const at = Date.now();
        fired++;
        lastFireAt = at;
        lateness.push(at - Number((job.variables as { dueAt?: number }).dueAt));
        const second = Math.floor(at / 1000);
        firedPerSecond.set(second, (firedPerSecond.get(second) ?? 0) + 1);
        try {
          await zbc.completeJob({ jobKey: job.key, variables: {} });
          completed++;
        } catch (error) {
          errors.record('completeJob(bench-timer-task)', error);
        }
        return job.forward();
      },
    });

    const t0 = Date.now();
    const firstDue = t0 + o.delayS * 1000;
    const lastDue = firstDue + o.spreadS * 1000;
    const createLatency: number[] = [];
    let created = 0;
    let clamped = 0;
    log(
      `  creating ${fmt(o.count)} instances (${o.inFlight} in flight), due ${o.delayS}..${o.delayS + o.spreadS} s ` +
        `after the first create`,
    );
    stopTicker = every(env.progressS, () =>
      log(`  ${fmt((Date.now() - t0) / 1000).padStart(4)} s created ${fmt(created)}, fired ${fmt(fired)}`),
    );
    const createStarted = performance.now();
    const { backPressure } = await runConcurrently(o.count, o.inFlight, 'createProcessInstance', errors, async (i) => {
      const sentAt = Date.now();
      const dueAt = Math.max(sentAt, Math.round(firstDue + (o.spreadS * 1000 * i) / o.count));
      if (dueAt === sentAt) clamped++;
      const ms = dueAt - sentAt;
      await zbc.createProcessInstance({
        bpmnProcessId: 'bench-timer',
        variables: { d: `PT${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}S`, dueAt },
      });
      createLatency.push(Date.now() - sentAt);
      created++;
    });
    const createSeconds = (performance.now() - createStarted) / 1000;
    const createEnd = Date.now();
    stopTicker();
    const cl = latencySummary(createLatency);
    lines.push(
      `timers: created ${fmt(created)} in ${fmt(createSeconds, 1)} s = ${fmt(created / createSeconds)}/s ` +
        `(create latency p50 ${fmt(cl.p50)} ms, p99 ${fmt(cl.p99)} ms; RESOURCE_EXHAUSTED retried ${backPressure})`,
    );
    if (createEnd > firstDue || clamped > 0)
      lines.push(
        `  NOTE: creating took longer than the delay: ${fmt(clamped)} created already due; ${fmt(fired)} fired ` +
          `before the last create (raise BENCH_TIMER_DELAY_S)`,
      );

    // While pending (before the first falls due, if creation was quick enough).
    const pending = await rowCount(db, 'timer');
    const sizes = await tableSizes(db, TABLES);
    const rssPending = rssBytes(env.serverPid);
    lines.push(
      `  pending: ${fmt(pending)} engine.timer rows; engine RSS ${mib(rssPending)} (idle after start ${mib(rssIdle)})`,
    );
    lines.push(
      `  table sizes (pg_total_relation_size, growth since before the scenario): ` +
        TABLES.map((t) => `${t} ${mib(sizes.get(t))} (+${mib((sizes.get(t) ?? 0) - (sizesBefore.get(t) ?? 0))})`).join(
          ', ',
        ),
    );
    log(lines.slice(-3).join('\n'));

    // Firing.
    let rssMax = rssPending ?? 0;
    let commitsStart: { at: number; commits: number; fired: number } | undefined;
    let commitsEnd: typeof commitsStart;
    let left = pending;
    const tick = async (): Promise<void> => {
      const c = await commits(db);
      const sample = { at: Date.now(), commits: c, fired };
      if (fired > 0) {
        if (!commitsStart) commitsStart = sample;
        else commitsEnd = sample;
      }
      left = await rowCount(db, 'timer');
      rssMax = Math.max(rssMax, rssBytes(env.serverPid) ?? 0);
    };
    let lastLine = 0;
    let lastFired = fired;
    let stalled: string | undefined;
    for (;;) {
      await tick();
      const now = Date.now();
      // Before the first due time only every 30 s: nothing moves then.
      if (now - lastLine >= (now < firstDue ? Math.max(30, env.progressS) : env.progressS) * 1000) {
        const rate = (fired - lastFired) / ((now - (lastLine || now - env.progressS * 1000)) / 1000);
        log(
          `  ${fmt((now - t0) / 1000).padStart(4)} s fired ${fmt(fired)} (${fmt(rate)}/s), completed ${fmt(completed)}, ` +
            `timers left ${fmt(left)}, RSS ${mib(rssBytes(env.serverPid))}`,
        );
        lastLine = now;
        lastFired = fired;
      }
      if (fired >= created) break;
      const quietFor = now - Math.max(lastFireAt, firstDue);
      if (now > firstDue && quietFor > env.stallMs) {
        stalled = `no timer fired for ${fmt(quietFor / 1000)} s with ${fmt(created - fired)} not fired`;
        break;
      }
      if (now > lastDue + o.maxWaitS * 1000) {
        stalled = `gave up ${o.maxWaitS} s after the last due time with ${fmt(created - fired)} not fired`;
        break;
      }
      await sleep(1000);
    }
    // Let the last completions through, so that the engine stops idle.
    const drainUntil = Date.now() + 10_000;
    while (completed < fired && Date.now() < drainUntil) await sleep(50);
    await tick();

    const late = latencySummary(lateness);
    const spanS = (lastFireAt - firstDue) / 1000;
    const firingPerS = fired > 0 && spanS > 0 ? fired / spanS : undefined;
    const peak = Math.max(0, ...firedPerSecond.values());
    const commitSpan =
      commitsStart && commitsEnd && commitsEnd.at > commitsStart.at
        ? {
            perS: (commitsEnd.commits - commitsStart.commits) / ((commitsEnd.at - commitsStart.at) / 1000),
            perTimer: (commitsEnd.commits - commitsStart.commits) / Math.max(1, commitsEnd.fired - commitsStart.fired),
          }
        : undefined;
    lines.push(
      `  firing: ${fmt(fired)} of ${fmt(created)} fired; ${fmt(firingPerS)}/s from the first due time to the last firing ` +
        `(offered ${fmt(o.count / o.spreadS)}/s), peak ${fmt(peak)} in one second; last fired ` +
        `${fired > 0 ? fmt((lastFireAt - lastDue) / 1000, 1) : '-'} s after the last due time`,
    );
    lines.push(
      `  lateness (job at the worker - due): p50 ${fmt(late.p50)} ms, p99 ${fmt(late.p99)} ms, max ${fmt(late.max)} ms; ` +
        `engine RSS max ${mib(rssMax)}; ` +
        (commitSpan ? `${fmt(commitSpan.perS)} commits/s, ${fmt(commitSpan.perTimer, 1)} per timer` : 'commits -'),
    );
    const problems = errors.lines('timers');
    if (stalled) problems.unshift(`timers: STALLED: ${stalled}`);
    return { lines, problems, firingPerS, commitsPerS: commitSpan?.perS };
  } finally {
    stopTicker();
    await db.end().catch(() => undefined);
    await withTimeout(zbc.close(5), 10_000, 'closing the zeebe-node client');
  }
}
