import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ZBClient } from 'zeebe-node';

export const BPMN_PROCESS_ID = 'bench-three-tasks';
export const TASK_TYPES = ['bench-a', 'bench-b', 'bench-c'] as const;
/** Compiled to dist/bench/load.js; the BPMN stays in the source folder. */
const BPMN_FILE = join(__dirname, '..', '..', 'bench', 'three-tasks.bpmn');

export interface LoadOptions {
  port: number;
  /** Instances kept in flight: created and not yet completed. */
  inFlight: number;
  warmupMs: number;
  measureMs: number;
  maxJobsToActivate: number;
  pollIntervalMs: number;
  longPollMs: number;
  /** No completion for this long: the run is declared stalled and ends. */
  stallMs: number;
  /** Called at the start and end of the measured window (read counters there). */
  onWindowStart?: () => Promise<void>;
  onWindowEnd?: () => Promise<void>;
  progress?: (line: string) => void;
}

export interface LoadResult {
  /** Instances completed inside the measured window. */
  completed: number;
  windowSeconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Jobs completed per type over the whole run, and instances created. */
  created: number;
  jobsCompleted: Record<string, number>;
  /** Message -> count, with the second (from the start of the load) it was first seen. */
  errors: Map<string, { count: number; firstAtS: number }>;
  stalled?: string;
  /** Instances still in flight when the drain gave up. */
  undrained: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve) => {
    const timer = setTimeout(() => {
      process.stderr.write(`  (${what} did not finish within ${ms} ms; going on)\n`);
      resolve(undefined);
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        process.stderr.write(`  (${what} failed: ${String(error)})\n`);
        resolve(undefined);
      },
    );
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Drives a Zeebe gateway with zeebe-node: deploys the three-task process, runs one worker per task
 * type that completes each job at once, and keeps `inFlight` instances going (a new create as soon
 * as an instance completes). An instance counts as completed when the completeJob of its bench-c
 * job has been answered; its latency runs from just before its create was sent.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const zbc = new ZBClient(`localhost:${options.port}`, { useTLS: false, loglevel: 'NONE', retry: false });
  const started = performance.now();
  const errors = new Map<string, { count: number; firstAtS: number }>();
  const recordError = (op: string, error: unknown): void => {
    const message = `${op}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
    const seen = errors.get(message);
    if (seen) seen.count++;
    else errors.set(message, { count: 1, firstAtS: Math.round((performance.now() - started) / 100) / 10 });
  };

  const createdAt = new Map<string, number>();
  /** bench-c completions whose create answer had not arrived yet (should not happen; kept safe). */
  const completedEarly = new Map<string, number>();
  const jobsCompleted: Record<string, number> = Object.fromEntries(TASK_TYPES.map((t) => [t, 0]));
  const latencies: number[] = [];
  let windowStart = Number.POSITIVE_INFINITY;
  let windowEnd = Number.POSITIVE_INFINITY;
  let inWindow = 0;
  let inFlight = 0;
  let created = 0;
  let launching = true;
  let lastCompletion = performance.now();
  let completedThisSecond = 0;

  const finish = (startedAt: number, doneAt: number): void => {
    inFlight--;
    lastCompletion = doneAt;
    completedThisSecond++;
    if (doneAt >= windowStart && doneAt <= windowEnd) {
      inWindow++;
      latencies.push(doneAt - startedAt);
    }
    launch();
  };

  const launch = (): void => {
    if (!launching || inFlight >= options.inFlight) return;
    inFlight++;
    const sentAt = performance.now();
    zbc.createProcessInstance({ bpmnProcessId: BPMN_PROCESS_ID, variables: {} }).then(
      (response) => {
        created++;
        const key = response.processInstanceKey;
        const early = completedEarly.get(key);
        if (early === undefined) createdAt.set(key, sentAt);
        else {
          completedEarly.delete(key);
          finish(sentAt, early);
        }
      },
      (error: unknown) => {
        recordError('createProcessInstance', error);
        inFlight--;
        setTimeout(launch, 10);
      },
    );
  };

  try {
    await zbc.deployResource({ name: 'three-tasks.bpmn', process: readFileSync(BPMN_FILE) });

    for (const type of TASK_TYPES) {
      // zbc.close() closes the workers too.
      zbc.createWorker({
        taskType: type,
        maxJobsToActivate: options.maxJobsToActivate,
        timeout: 30_000,
        pollInterval: options.pollIntervalMs,
        longPoll: options.longPollMs,
        loglevel: 'NONE',
        // Completed through the client (the same CompleteJob call job.complete() makes) so that
        // failures are seen; job.forward() then frees the worker's slot.
        taskHandler: async (job) => {
          try {
            await zbc.completeJob({ jobKey: job.key, variables: {} });
            jobsCompleted[type]++;
            if (type === 'bench-c') {
              const doneAt = performance.now();
              const startedAt = createdAt.get(job.processInstanceKey);
              if (startedAt === undefined) completedEarly.set(job.processInstanceKey, doneAt);
              else {
                createdAt.delete(job.processInstanceKey);
                finish(startedAt, doneAt);
              }
            }
          } catch (error) {
            recordError(`completeJob(${type})`, error);
          }
          return job.forward();
        },
      });
    }

    for (let i = 0; i < options.inFlight; i++) launch();

    let stalled: string | undefined;
    const ticker = setInterval(() => {
      const at = Math.round((performance.now() - started) / 1000);
      const phase = performance.now() < windowStart ? 'warm-up' : performance.now() <= windowEnd ? 'measure' : 'drain';
      options.progress?.(
        `  ${String(at).padStart(3)} s ${phase.padEnd(7)} ${String(completedThisSecond).padStart(6)} inst/s` +
          `  in flight ${inFlight}  jobs a/b/c ${TASK_TYPES.map((t) => jobsCompleted[t]).join('/')}` +
          (errors.size > 0 ? `  errors ${[...errors.values()].reduce((n, e) => n + e.count, 0)}` : ''),
      );
      completedThisSecond = 0;
    }, 1000);
    const watchStall = (): boolean => {
      if (stalled) return true;
      if (inFlight > 0 && performance.now() - lastCompletion > options.stallMs) {
        stalled =
          `no instance completed for ${options.stallMs / 1000} s at ${Math.round((performance.now() - started) / 1000)} s ` +
          `with ${inFlight} in flight (jobs a/b/c completed ${TASK_TYPES.map((t) => jobsCompleted[t]).join('/')}, ` +
          `created ${created})`;
        return true;
      }
      return false;
    };
    const waitUntil = async (at: number): Promise<void> => {
      while (performance.now() < at && !watchStall()) await sleep(Math.min(100, at - performance.now()));
    };

    try {
      await waitUntil(started + options.warmupMs);
      if (options.onWindowStart) await options.onWindowStart();
      windowStart = performance.now();
      await waitUntil(windowStart + options.measureMs);
      windowEnd = performance.now();
      if (options.onWindowEnd) await options.onWindowEnd();
      // Drain: no new creates; wait for what is in flight (bounded), so that the server stops idle.
      launching = false;
      const drainUntil = performance.now() + Math.min(options.stallMs, 10_000);
      while (inFlight > 0 && performance.now() < drainUntil) await sleep(50);
    } finally {
      clearInterval(ticker);
      launching = false;
    }

    const sorted = latencies.sort((a, b) => a - b);
    const windowSeconds = (Math.min(windowEnd, performance.now()) - windowStart) / 1000;
    return {
      completed: inWindow,
      windowSeconds,
      perSecond: windowSeconds > 0 ? inWindow / windowSeconds : Number.NaN,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      created,
      jobsCompleted,
      errors,
      stalled,
      undrained: inFlight,
    };
  } finally {
    await withTimeout(zbc.close(5), 10_000, 'closing the zeebe-node client');
  }
}
