import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@brobygger/config';
import { createServer } from '../../apps/server/src/bootstrap';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestServer {
  app: INestApplication;
  db: TestDatabase;
  stop(): Promise<void>;
}

/** The HTTP API (initialised, not listening) on a fresh database; `env` adds settings. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const app = await createServer(loadConfig({ LOG_LEVEL: 'silent', ...env }), db.url);
  await app.init();
  return {
    app,
    db,
    stop: async () => {
      await app.close();
      await db.drop();
    },
  };
}
