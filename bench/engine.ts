import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { migrateDatabase } from '@brobygger/database';
import { createBenchDatabase } from './database';
import { runLoad, type LoadOptions, type LoadResult } from './load';
import { nullPublishRate, runMessages, type MessageResult } from './messages';
import { cpuSeconds, startServer, totalCpuSeconds, type ServerProcess } from './processes';
import type { ScenarioEnv } from './scenario-kit';
import { runTimers, type TimerResult } from './timers';

// npm run bench:engine — the engine against PostgreSQL's commit rate and the protocol ceiling,
// measured in one run on one fresh database. See docs/performance.md.

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    process.stderr.write(`${name} must be a positive number, not "${raw}"\n`);
    process.exit(78);
  }
  return value;
}

const settings = {
  inFlight: numberFromEnv('BENCH_IN_FLIGHT', 200),
  warmupMs: numberFromEnv('BENCH_WARMUP_SECONDS', 3) * 1000,
  measureMs: numberFromEnv('BENCH_SECONDS', 15) * 1000,
  maxJobsToActivate: numberFromEnv('BENCH_MAX_JOBS', 128),
  pollIntervalMs: numberFromEnv('BENCH_POLL_INTERVAL_MS', 10),
  longPollMs: 10_000,
  stallMs: numberFromEnv('BENCH_STALL_SECONDS', 10) * 1000,
  pgSeconds: numberFromEnv('BENCH_PG_SECONDS', 5),
  pgClients: numberFromEnv('BENCH_PG_CLIENTS', 16),
};
const only = process.env.BENCH_ONLY; // "null" or "engine": run one side only

const SCENARIOS = ['jobs', 'timers', 'messages'] as const;
type Scenario = (typeof SCENARIOS)[number];
const scenarios = new Set<Scenario>(
  (process.env.BENCH_SCENARIOS || SCENARIOS.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => {
      if (!(SCENARIOS as readonly string[]).includes(name)) {
        process.stderr.write(`BENCH_SCENARIOS: unknown scenario "${name}" (known: ${SCENARIOS.join(', ')})\n`);
        process.exit(78);
      }
      return name as Scenario;
    }),
);
const timerCount = Math.round(numberFromEnv('BENCH_TIMERS', 100_000));
const timerSettings = {
  count: timerCount,
  spreadS: numberFromEnv('BENCH_TIMER_SPREAD_S', 30),
  // The timers must all be pending before the first falls due: by default 30 s plus the creation
  // time at 400 instances/s.
  delayS: numberFromEnv('BENCH_TIMER_DELAY_S', Math.ceil(30 + timerCount / 400)),
  inFlight: settings.inFlight,
  maxWaitS: numberFromEnv('BENCH_TIMER_MAX_WAIT_S', 900),
};
const messageSettings = {
  count: Math.round(numberFromEnv('BENCH_MESSAGES', 20_000)),
  inFlight: numberFromEnv('BENCH_MESSAGE_IN_FLIGHT', 200),
  createInFlight: settings.inFlight,
  ttlS: numberFromEnv('BENCH_MESSAGE_TTL_S', 600),
};
const progressS = numberFromEnv('BENCH_PROGRESS_SECONDS', 5);

const log = (line: string): void => void process.stdout.write(`${line}\n`);

function packageVersion(name: string): string {
  try {
    const file = join(__dirname, '..', '..', 'node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

function machineFacts(): [string, string][] {
  const cpuModel =
    /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? '?';
  let nproc = String(cpus().length);
  try {
    nproc = execFileSync('nproc').toString().trim();
  } catch {
    // keep os.cpus()
  }
  return [
    ['date', new Date().toISOString()],
    ['nproc', nproc],
    ['CPU', cpuModel],
    ['memory', `${(totalmem() / 2 ** 30).toFixed(1)} GiB`],
    ['node', process.version],
    ['zeebe-node / grpc-js', `${packageVersion('zeebe-node')} / ${packageVersion('@grpc/grpc-js')}`],
  ];
}

/** Single-row INSERT commits per second, each its own autocommit transaction, from `clients` connections. */
async function commitRate(url: string, clients: number, seconds: number): Promise<number> {
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new Client({ connectionString: url, application_name: 'brobygger-bench' });
      await client.connect();
      return client;
    }),
  );
  try {
    let commits = 0;
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(
      connections.map(async (client, i) => {
        while (performance.now() < until) {
          await client.query({
            name: 'bench-insert',
            text: 'INSERT INTO bench_commit_scratch (client, payload) VALUES ($1, $2)',
            values: [i, 'x'],
          });
          commits++;
        }
      }),
    );
    return commits / ((performance.now() - started) / 1000);
  } finally {
    await Promise.all(connections.map((c) => c.end()));
  }
}

interface Counters {
  at: number;
  commits: number;
  rollbacks: number;
  clientCpu: number;
  serverCpu?: number;
  postgresCpu?: number;
  /** pg_current_wal_lsn() in bytes (the whole server's WAL, not only the bench database's). */
  walBytes?: number;
  /** Rows inserted/updated/deleted per engine table. */
  tables?: Map<string, [number, number, number]>;
}

/** Reads the bench database's commit counters and the CPU used so far by each party. */
async function readCounters(stats: Client, server: ServerProcess, postgresPids: number[]): Promise<Counters> {
  const row = (
    await stats.query<{ commits: string; rollbacks: string }>(
      'SELECT xact_commit AS commits, xact_rollback AS rollbacks FROM pg_stat_database WHERE datname = current_database()',
    )
  ).rows[0];
  const wal = (await stats.query<{ bytes: string }>(`SELECT pg_current_wal_lsn() - '0/0' AS bytes`)).rows[0];
  const tables = await stats.query<{ name: string; ins: string; upd: string; del: string }>(
    `SELECT relname AS name, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_del AS del
       FROM pg_stat_user_tables WHERE schemaname = 'engine'`,
  );
  const usage = process.cpuUsage();
  return {
    at: performance.now(),
    commits: Number(row.commits),
    rollbacks: Number(row.rollbacks),
    clientCpu: (usage.user + usage.system) / 1e6,
    serverCpu: cpuSeconds(server.pid),
    postgresCpu: totalCpuSeconds(postgresPids),
    walBytes: Number(wal.bytes),
    tables: new Map(tables.rows.map((t) => [t.name, [Number(t.ins), Number(t.upd), Number(t.del)]])),
  };
}

/** "table ins/upd/del" per completed instance, for the tables the engine wrote in the window. */
function rowsPerInstance(before: Counters, after: Counters, instances: number): string {
  const parts: string[] = [];
  for (const [name, [ins, upd, del]] of after.tables ?? []) {
    const [ins0, upd0, del0] = before.tables?.get(name) ?? [0, 0, 0];
    const per = [ins - ins0, upd - upd0, del - del0].map((n) => n / instances);
    if (per.some((n) => n > 0.005)) parts.push(`${name} ${per.map((n) => fmt(n, 2)).join('/')}`);
  }
  return parts.sort().join(', ');
}

/** Backends on the bench database plus PostgreSQL's own background processes (WAL writer etc.). */
async function postgresPids(stats: Client): Promise<number[]> {
  const rows = (
    await stats.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR backend_type <> 'client backend'`,
    )
  ).rows;
  return rows.map((r) => r.pid);
}

interface SideResult {
  load: LoadResult;
  problems: Map<string, number>;
  before?: Counters;
  after?: Counters;
}

async function runSide(
  label: string,
  script: string,
  env: Record<string, string>,
  statsUrl: string | undefined,
): Promise<SideResult> {
  log(`\n${label}: starting ${script}`);
  const server = await startServer(label, script, env);
  const stats = statsUrl ? new Client({ connectionString: statsUrl, application_name: 'brobygger-bench' }) : undefined;
  const result: Partial<SideResult> = { problems: server.problems };
  try {
    if (stats) await stats.connect();
    let pids: number[] = [];
    const options: LoadOptions = {
      port: server.port,
      inFlight: settings.inFlight,
      warmupMs: settings.warmupMs,
      measureMs: settings.measureMs,
      maxJobsToActivate: settings.maxJobsToActivate,
      pollIntervalMs: settings.pollIntervalMs,
      longPollMs: settings.longPollMs,
      stallMs: settings.stallMs,
      progress: log,
      onWindowStart: async () => {
        if (stats) pids = await postgresPids(stats);
        result.before = stats ? await readCounters(stats, server, pids) : clientOnlyCounters(server);
      },
      onWindowEnd: async () => {
        result.after = stats ? await readCounters(stats, server, pids) : clientOnlyCounters(server);
      },
    };
    result.load = await runLoad(options);
    return result as SideResult;
  } finally {
    await stats?.end().catch(() => undefined);
    await server.stop();
  }
}

/** A fresh engine process for one scenario (so that its RSS is the scenario's own). */
async function withEngine<T extends { problems: string[] }>(
  label: string,
  databaseUrl: string,
  run: (env: ScenarioEnv) => Promise<T>,
): Promise<T> {
  log(`\n${label}: starting engine-server.js`);
  const server = await startServer(label, 'engine-server.js', { DATABASE_URL: databaseUrl });
  try {
    return await run({
      port: server.port,
      serverPid: server.pid,
      databaseUrl,
      maxJobsToActivate: settings.maxJobsToActivate,
      pollIntervalMs: settings.pollIntervalMs,
      longPollMs: settings.longPollMs,
      stallMs: settings.stallMs,
      progressS,
      log,
    });
  } finally {
    await server.stop();
    const result = server.problems;
    if (result.size > 0) log(`${label}: ${[...result.values()].reduce((a, b) => a + b, 0)} server log lines`);
    serverProblems.set(label, result);
  }
}
const serverProblems = new Map<string, Map<string, number>>();

function clientOnlyCounters(server: ServerProcess): Counters {
  const usage = process.cpuUsage();
  return {
    at: performance.now(),
    commits: 0,
    rollbacks: 0,
    clientCpu: (usage.user + usage.system) / 1e6,
    serverCpu: cpuSeconds(server.pid),
  };
}

const fmt = (value: number | undefined, digits = 0): string =>
  value === undefined || !Number.isFinite(value)
    ? '-'
    : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function cpuPerInstance(side: SideResult, key: 'clientCpu' | 'serverCpu' | 'postgresCpu'): string {
  const before = side.before?.[key];
  const after = side.after?.[key];
  if (before === undefined || after === undefined || side.load.completed === 0) return '-';
  return fmt(((after - before) * 1000) / side.load.completed, 2);
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '))
    .join('\n');
}

function reportProblems(label: string, side: SideResult): void {
  const { load } = side;
  if (load.stalled) log(`${label}: STALLED: ${load.stalled}`);
  if (load.undrained > 0) log(`${label}: ${load.undrained} instances still in flight after the drain`);
  for (const [message, seen] of load.errors)
    log(`${label}: client error x${seen.count} (first at ${seen.firstAtS} s): ${message}`);
  for (const [message, count] of side.problems) log(`${label}: server log x${count}: ${message}`);
}

async function main(): Promise<void> {
  const db = await createBenchDatabase(process.env.DATABASE_URL || undefined);
  let nullSide: SideResult | undefined;
  let engineSide: SideResult | undefined;
  let timers: TimerResult | undefined;
  let messages: MessageResult | undefined;
  let nullPublish: number | undefined;
  const pg: { many?: number; one?: number; version?: string } = {};
  try {
    const admin = new Client({ connectionString: db.url, application_name: 'brobygger-bench' });
    await admin.connect();
    try {
      pg.version = (await admin.query<{ version: string }>('SELECT version()')).rows[0].version.split(' on ')[0];
    } finally {
      await admin.end();
    }
    log('Machine');
    for (const [name, value] of [...machineFacts(), ['PostgreSQL', `${pg.version} (${db.where})`]]) {
      log(`  ${name.padEnd(22)} ${value}`);
    }
    log(`Scenarios: ${[...scenarios].join(', ')}`);
    if (scenarios.has('jobs'))
      log(
        `Load: ${settings.inFlight} instances in flight, ${settings.warmupMs / 1000} s warm-up + ${settings.measureMs / 1000} s ` +
          `measured, maxJobsToActivate ${settings.maxJobsToActivate}, pollInterval ${settings.pollIntervalMs} ms`,
      );
    if (scenarios.has('timers'))
      log(
        `Timers: ${fmt(timerSettings.count)}, due ${timerSettings.delayS}..${timerSettings.delayS + timerSettings.spreadS} s ` +
          `after the first create, ${timerSettings.inFlight} creates in flight`,
      );
    if (scenarios.has('messages'))
      log(
        `Messages: ${fmt(messageSettings.count)} per variant, ${messageSettings.inFlight} publishes / ` +
          `${messageSettings.createInFlight} creates in flight, buffered TTL ${messageSettings.ttlS} s`,
      );

    await migrateDatabase(db.url);

    if (!only) {
      const scratch = new Client({ connectionString: db.url });
      await scratch.connect();
      await scratch.query('CREATE TABLE bench_commit_scratch (id bigserial PRIMARY KEY, client int, payload text)');
      log(`\nPostgreSQL commit rate (single-row INSERT, autocommit, ${settings.pgSeconds} s each)`);
      pg.many = await commitRate(db.url, settings.pgClients, settings.pgSeconds);
      log(`  ${settings.pgClients} clients: ${fmt(pg.many)} commits/s`);
      pg.one = await commitRate(db.url, 1, settings.pgSeconds);
      log(`  1 client: ${fmt(pg.one)} commits/s`);
      await scratch.query('DROP TABLE bench_commit_scratch');
      await scratch.end();
    }

    const failed = (label: string) => (error: unknown) => {
      log(`${label}: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    };
    if (scenarios.has('jobs') && only !== 'engine') {
      nullSide = await runSide('null gateway', 'null-server.js', {}, undefined).catch(failed('null gateway'));
    }
    if (scenarios.has('jobs') && only !== 'null') {
      engineSide = await runSide('engine', 'engine-server.js', { DATABASE_URL: db.url }, db.url).catch(
        failed('engine'),
      );
    }
    if (scenarios.has('timers') && only !== 'null') {
      timers = await withEngine('timers', db.url, (env) => runTimers(env, timerSettings)).catch(failed('timers'));
    }
    if (scenarios.has('messages') && only !== 'engine') {
      const server = await startServer('null gateway', 'null-server.js', {});
      try {
        nullPublish = await nullPublishRate(server.port, messageSettings.count, messageSettings.inFlight).catch(
          failed('null gateway publishMessage'),
        );
      } finally {
        await server.stop();
      }
    }
    if (scenarios.has('messages') && only !== 'null') {
      messages = await withEngine('messages', db.url, (env) => runMessages(env, messageSettings)).catch(
        failed('messages'),
      );
    }
  } finally {
    await db.drop().catch((error: unknown) => log(`dropping the bench database failed: ${String(error)}`));
  }

  if (scenarios.has('jobs')) printJobs(nullSide, engineSide, pg);
  const baseline = pg.many !== undefined ? `PostgreSQL ${settings.pgClients} clients ${fmt(pg.many)} commits/s` : '';
  if (timers) {
    log('\nTimers');
    log(timers.lines.join('\n'));
    if (timers.firingPerS !== undefined && pg.many !== undefined)
      log(
        `  firing ${fmt(timers.firingPerS)}/s next to ${baseline} (ratio ${fmt(timers.firingPerS / pg.many, 3)}; ` +
          `1 client ${fmt(pg.one)}/s, ratio ${fmt(timers.firingPerS / (pg.one ?? Number.NaN), 3)})`,
      );
  }
  if (messages || nullPublish !== undefined) {
    log('\nMessages');
    if (messages) log(messages.lines.join('\n'));
    const beside: string[] = [];
    if (nullPublish !== undefined) {
      beside.push(`null gateway PublishMessage ${fmt(nullPublish)}/s`);
      if (messages?.correlationsPerS !== undefined)
        beside.push(`direct/null ${fmt(messages.correlationsPerS / nullPublish, 3)}`);
    }
    if (pg.many !== undefined && messages?.correlationsPerS !== undefined)
      beside.push(`${baseline} (direct/PostgreSQL ${fmt(messages.correlationsPerS / pg.many, 3)})`);
    if (beside.length > 0) log(`  ${beside.join('; ')}`);
  }
  if (nullSide) reportProblems('null gateway', nullSide);
  if (engineSide) reportProblems('engine', engineSide);
  for (const line of [...(timers?.problems ?? []), ...(messages?.problems ?? [])]) log(line);
  for (const [label, problems] of serverProblems)
    for (const [message, count] of problems) log(`${label}: server log x${count}: ${message}`);
}

function printJobs(
  nullSide: SideResult | undefined,
  engineSide: SideResult | undefined,
  pg: { many?: number; one?: number },
): void {
  log('\nResults (measured window only; latency = create sent -> bench-c completeJob answered)');
  const rows = [['', 'instances/s', 'p50 ms', 'p99 ms', 'commits/inst', 'commits/s', 'CPU ms/inst client/server/pg']];
  for (const [label, side] of [
    ['null gateway', nullSide],
    ['engine', engineSide],
  ] as const) {
    if (!side) continue;
    const { load, before, after } = side;
    const commits = before && after && side === engineSide ? after.commits - before.commits : undefined;
    const seconds = before && after ? (after.at - before.at) / 1000 : undefined;
    rows.push([
      label,
      fmt(load.perSecond),
      fmt(load.p50Ms, 1),
      fmt(load.p99Ms, 1),
      commits !== undefined && load.completed > 0 ? fmt(commits / load.completed, 1) : '-',
      commits !== undefined && seconds ? fmt(commits / seconds) : '-',
      ['clientCpu', 'serverCpu', 'postgresCpu'].map((k) => cpuPerInstance(side, k as 'clientCpu')).join(' / '),
    ]);
  }
  if (pg.many !== undefined)
    rows.push([`PostgreSQL, ${settings.pgClients} clients`, '', '', '', '1', fmt(pg.many), '']);
  if (pg.one !== undefined) rows.push(['PostgreSQL, 1 client', '', '', '', '1', fmt(pg.one), '']);
  log(table(rows));

  if (engineSide?.before && engineSide.after) {
    const { before, after, load } = engineSide;
    const commitsPerSecond = (after.commits - before.commits) / ((after.at - before.at) / 1000);
    const ratios: string[] = [];
    if (nullSide) ratios.push(`engine/null ${fmt(load.perSecond / nullSide.load.perSecond, 3)}`);
    if (pg.many)
      ratios.push(`engine commits/s vs PostgreSQL ${settings.pgClients} clients ${fmt(commitsPerSecond / pg.many, 3)}`);
    if (pg.one) ratios.push(`vs 1 client ${fmt(commitsPerSecond / pg.one, 3)}`);
    ratios.push(`rollbacks in window ${after.rollbacks - before.rollbacks}`);
    log(ratios.join('; '));
    if (load.completed > 0) {
      log(
        `engine rows written per instance (inserted/updated/deleted): ${rowsPerInstance(before, after, load.completed)}`,
      );
      if (before.walBytes !== undefined && after.walBytes !== undefined) {
        log(`engine WAL per instance: ${fmt((after.walBytes - before.walBytes) / load.completed / 1024, 1)} kB`);
      }
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench:engine failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
