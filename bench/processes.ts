import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ServerProcess {
  port: number;
  pid: number;
  /** Log lines at warn or worse, summarised: "msg: err.message" -> count. */
  problems: Map<string, number>;
  stop(): Promise<void>;
}

/** Lines of a server's stderr echoed as they come; the rest are only counted. */
const ECHO_LINES = 20;

/**
 * Starts dist/bench/<script> in its own process (its own core, as the engine has in production)
 * and waits for its "ready <port>" line. BENCH_SERVER_NODE_OPTIONS adds node flags to it, for
 * example `--cpu-prof --cpu-prof-dir=/tmp/prof`.
 */
export function startServer(label: string, script: string, env: Record<string, string>): Promise<ServerProcess> {
  const nodeFlags = (process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeFlags, join(__dirname, script), '0'], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const problems = new Map<string, number>();
  let echoed = 0;
  createInterface({ input: child.stderr }).on('line', (line) => {
    let summary = line;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      summary = `${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`;
    } catch {
      // not JSON: a crash trace or a library writing plainly
    }
    problems.set(summary.slice(0, 300), (problems.get(summary.slice(0, 300)) ?? 0) + 1);
    if (echoed++ < ECHO_LINES) process.stderr.write(`  [${label}] ${line.slice(0, 500)}\n`);
    else if (echoed === ECHO_LINES + 1) process.stderr.write(`  [${label}] (further lines only counted)\n`);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin.end();
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      process.stderr.write(`  [${label}] did not stop within 15 s; killing it\n`);
      child.kill('SIGKILL');
    }, 15_000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise<ServerProcess>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = /^ready (\d+)$/.exec(line.trim());
      if (match) resolve({ port: Number(match[1]), pid: child.pid!, problems, stop });
    });
    void exited.then((code) => reject(new Error(`${label} exited (code ${code}) before it was ready`)));
  });
}

let clockTicks: number | undefined;

/** CPU seconds (user + system) a process has used so far, from /proc; undefined if unreadable. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ", fields start at "state" (field 3); utime and stime are fields 14 and 15.
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return undefined;
  }
}

/** Summed CPU seconds of the processes that can still be read; undefined when none can. */
export function totalCpuSeconds(pids: number[]): number | undefined {
  const values = pids.map(cpuSeconds).filter((v): v is number => v !== undefined);
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0);
}

/** Resident set size of a process in bytes (VmRSS from /proc); undefined if unreadable. */
export function rssBytes(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}
