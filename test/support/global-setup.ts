import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';

/**
 * The end-to-end suites need a PostgreSQL server on which each creates its own throwaway
 * database: the one DATABASE_URL names, or else an embedded one started for this run.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'brobygger-test-pg-'));
  chmodSync(root, 0o755); // as root, PostgreSQL runs as the `postgres` user, which must reach the folder
  const dataDir = join(root, 'pg');
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(__dirname, '../../dist/scripts/test-postgres.js'), dataDir, String(port)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL for the tests exited with ${code}`)));
  });
  process.env.TEST_ADMIN_DATABASE_URL = url.replace(/\/[^/]+$/, '/postgres');
  process.env.TEST_EMBEDDED_PG_PID = String(child.pid);
}
