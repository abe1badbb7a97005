import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@brobygger/database';

export interface BenchDatabase {
  url: string;
  /** "server <host:port>" or "embedded". */
  where: string;
  drop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A database nobody else uses: with DATABASE_URL, a throwaway `bench_<random>` on that server
 * (dropped at the end); without, an embedded PostgreSQL cluster in a temporary folder (removed
 * at the end).
 */
export async function createBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  if (serverUrl) {
    const name = `bench_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      where: `server ${url.host}, database ${name}`,
      drop: async () => {
        const client = new Client({ connectionString: serverUrl });
        await client.connect();
        try {
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await client.end();
        }
      },
    };
  }

  const dir = mkdtempSync(join(tmpdir(), 'brobygger-bench-'));
  // Run as root, PostgreSQL runs as the postgres user, which has to reach its data folder.
  chmodSync(dir, 0o755);
  try {
    const port = await freePort();
    const handle = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port });
    return {
      url: handle.url,
      where: `embedded, port ${port}, ${dir}`,
      drop: async () => {
        try {
          await handle.stop();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
