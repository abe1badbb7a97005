import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { ZBClient } from 'zeebe-node';
import { percentile, sleep } from './load';

// What the timer and message scenarios share: a client, a bounded-concurrency driver, errors,
// latencies, and a few reads from PostgreSQL.

export interface ScenarioEnv {
  port: number;
  serverPid: number;
  databaseUrl: string;
  maxJobsToActivate: number;
  pollIntervalMs: number;
  longPollMs: number;
  stallMs: number;
  /** Seconds between progress lines in the long phases. */
  progressS: number;
  log: (line: string) => void;
}

export function benchClient(port: number): ZBClient {
  return new ZBClient(`localhost:${port}`, { useTLS: false, loglevel: 'NONE', retry: false });
}

/** Compiled to dist/bench/; the BPMN files stay in the source folder. */
export function bpmnFile(name: string): Buffer {
  return readFileSync(join(__dirname, '..', '..', 'bench', name));
}

export class Errors {
  readonly seen = new Map<string, { count: number; firstAtS: number }>();
  private readonly started = performance.now();

  record(op: string, error: unknown): void {
    const message = `${op}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
    const seen = this.seen.get(message);
    if (seen) seen.count++;
    else this.seen.set(message, { count: 1, firstAtS: Math.round((performance.now() - this.started) / 100) / 10 });
  }

  get total(): number {
    return [...this.seen.values()].reduce((n, e) => n + e.count, 0);
  }

  lines(label: string): string[] {
    return [...this.seen].map(([m, s]) => `${label}: client error x${s.count} (first at ${s.firstAtS} s): ${m}`);
  }
}

const isResourceExhausted = (error: unknown): boolean =>
  (error as { code?: number }).code === 8 || /RESOURCE_EXHAUSTED/.test(String(error));

/**
 * Runs task(0..count-1) with at most `concurrency` in flight. A call refused with
 * RESOURCE_EXHAUSTED (the engine's back-pressure) is retried after 50 ms and counted; any other
 * failure is recorded and the item skipped. Returns the items that succeeded.
 */
export async function runConcurrently(
  count: number,
  concurrency: number,
  op: string,
  errors: Errors,
  task: (i: number) => Promise<void>,
): Promise<{ ok: number; backPressure: number }> {
  let next = 0;
  let ok = 0;
  let backPressure = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        for (;;) {
          try {
            await task(i);
            ok++;
            break;
          } catch (error) {
            if (isResourceExhausted(error)) {
              backPressure++;
              await sleep(50);
              continue;
            }
            errors.record(op, error);
            break;
          }
        }
      }
    }),
  );
  return { ok, backPressure };
}

/** Calls `tick` every `seconds` until the returned function is called. */
export function every(seconds: number, tick: () => void | Promise<void>): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void Promise.resolve(tick())
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, seconds * 1000);
  return () => clearInterval(timer);
}

export function latencySummary(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = Array.from(Float64Array.from(values).sort());
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? sorted[sorted.length - 1] : Number.NaN,
  };
}

export const fmt = (value: number | undefined, digits = 0): string =>
  value === undefined || !Number.isFinite(value)
    ? '-'
    : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const mib = (bytes: number | undefined): string =>
  bytes === undefined ? '-' : `${fmt(bytes / 2 ** 20, 1)} MiB`;

export async function stats(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'brobygger-bench' });
  await client.connect();
  return client;
}

/** pg_total_relation_size (table, indexes, TOAST) of the given engine tables. */
export async function tableSizes(client: Client, tables: string[]): Promise<Map<string, number>> {
  const { rows } = await client.query<{ name: string; bytes: string }>(
    `SELECT c.relname AS name, pg_total_relation_size(c.oid) AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'engine' AND c.relkind = 'r' AND c.relname = ANY($1)`,
    [tables],
  );
  return new Map(rows.map((r) => [r.name, Number(r.bytes)]));
}

/** The bench database's committed transactions so far (pg_stat_database, up to ~1 s late). */
export async function commits(client: Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    'SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(rows[0].n);
}

export async function rowCount(client: Client, table: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM engine.${table}`);
  return Number(rows[0].n);
}

/** The worker settings every scenario uses: the bench's activation knobs, long job timeout, quiet. */
export function workerSettings(env: ScenarioEnv, fetchVariable: string[]) {
  return {
    maxJobsToActivate: env.maxJobsToActivate,
    timeout: 60_000,
    pollInterval: env.pollIntervalMs,
    longPoll: env.longPollMs,
    loglevel: 'NONE' as const,
    fetchVariable,
  };
}
