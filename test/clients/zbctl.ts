import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';

/**
 * The Go binary that the `zbctl` npm package ships inside itself (no download at install time).
 * We run it directly rather than through the package's node wrapper, which checks the npm registry
 * for updates after every command and re-chunks the output.
 */
export function zbctlBinary(): string {
  const packageDir = dirname(require.resolve('zbctl/package.json'));
  const name = { darwin: 'zbctl-cli.darwin', win32: 'zbctl-cli.exe' }[process.platform as string] ?? 'zbctl-cli.linux';
  return join(packageDir, 'bin', name);
}

export interface ZbctlResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `zbctl <args> --address localhost:<port> --insecure` and collects what it printed. */
export function zbctl(port: number, args: string[], timeoutMs = 20_000): Promise<ZbctlResult> {
  // zbctl reads ZEEBE_* / CAMUNDA_* from the environment; none of them must leak in from the shell.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(ZEEBE|CAMUNDA)_/.test(name)),
  ) as NodeJS.ProcessEnv;
  return new Promise((resolve, reject) => {
    const child = spawn(zbctlBinary(), [...args, '--address', `localhost:${port}`, '--insecure'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs a zbctl command that must succeed and prints JSON, and parses that JSON. */
export async function zbctlJson<T = Record<string, any>>(port: number, args: string[]): Promise<T> {
  const result = await zbctlOk(port, args);
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`zbctl ${args.join(' ')} printed no JSON:\n${result.stdout}\n${result.stderr}`);
  }
}

/** Runs a zbctl command that must exit 0. */
export async function zbctlOk(port: number, args: string[]): Promise<ZbctlResult> {
  const result = await zbctl(port, args);
  if (result.code !== 0) {
    throw new Error(`zbctl ${args.join(' ')} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}
