import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './support/ports';
import { startBuilt, waitForHttp } from './support/process';
import { createTestDatabase } from './support/test-database';

jest.setTimeout(120_000);

describe('a fresh start with no DATABASE_URL (the embedded default)', () => {
  const dataRoot = mkdtempSync(join(tmpdir(), 'brobygger-foundation-'));
  chmodSync(dataRoot, 0o755); // PostgreSQL runs as the `postgres` user when we are root
  afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

  it('answers /health, stops cleanly on SIGINT and finds the same data after a restart', async () => {
    const pgPort = await freePort();
    const env = {
      DATABASE_URL: undefined,
      EMBEDDED_PG_DIR: join(dataRoot, 'pg'),
      EMBEDDED_PG_PORT: String(pgPort),
      PORT: String(await freePort()),
      ZEEBE_GATEWAY_PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    };
    const base = `http://127.0.0.1:${env.PORT}`;

    const first = startBuilt('apps/embedded/src/main.js', env);
    const health = await waitForHttp(`${base}/health`, 60_000);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, migrations: { status: 'up' } },
    });
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const docs = (await (await fetch(`${base}/api/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(docs.paths)).toContain('/health');

    const embeddedUrl = `postgres://postgres:brobygger-embedded@127.0.0.1:${pgPort}/brobygger`;
    const writer = new Client({ connectionString: embeddedUrl });
    await writer.connect();
    await writer.query('CREATE TABLE restart_marker (note text)');
    await writer.query("INSERT INTO restart_marker VALUES ('still here')");
    await writer.end();

    first.child.kill('SIGINT');
    expect({ code: await first.exited, output: first.output() }).toMatchObject({ code: 0 });
    expect(first.output()).toContain('"msg":"stopped"');
    // The embedded cluster went down with the process: nothing listens on its port any more.
    const probe = new Client({ connectionString: embeddedUrl });
    await expect(probe.connect()).rejects.toThrow();

    const second = startBuilt('apps/embedded/src/main.js', env);
    await waitForHttp(`${base}/health`, 60_000);
    const reader = new Client({ connectionString: embeddedUrl });
    await reader.connect();
    const { rows } = await reader.query('SELECT note FROM restart_marker');
    await reader.end();
    expect(rows).toEqual([{ note: 'still here' }]);
    second.child.kill('SIGTERM');
    // The output travels with the exit code, so that a failure shows why the process stopped badly.
    expect({ code: await second.exited, output: second.output() }).toMatchObject({ code: 0 });
  });
});

describe('configuration', () => {
  it('refuses a bad value with a message that names the variable, and exits non-zero', async () => {
    const started = startBuilt('apps/embedded/src/main.js', { PORT: '99999', ZEEBE_GATEWAY_PORT: 'grpc' });
    expect(await started.exited).toBe(78);
    expect(started.output()).toContain('PORT must be a TCP port number between 1 and 65535 (got "99999")');
    expect(started.output()).toContain('ZEEBE_GATEWAY_PORT must be a TCP port number');
  });
});

describe('npm run migration:run', () => {
  it('applies the migrations once and reports nothing pending the second time', async () => {
    const db = await createTestDatabase();
    try {
      const first = startBuilt('scripts/migration-run.js', { DATABASE_URL: db.url });
      expect(await first.exited).toBe(0);
      expect(first.output()).toMatch(/applied: .*CreateSchemas/);
      const second = startBuilt('scripts/migration-run.js', { DATABASE_URL: db.url });
      expect(await second.exited).toBe(0);
      expect(second.output()).toContain('no pending migrations');
    } finally {
      await db.drop();
    }
  });
});
