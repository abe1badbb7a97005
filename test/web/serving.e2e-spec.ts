import type { INestApplication } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '@brobygger/config';
import { createServer } from '../../apps/server/src/bootstrap';
import { webAppDir } from '../../apps/server/src/web/serve-web-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('the server serves the web app beside the API', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    if (!existsSync(join(webAppDir(), 'index.html'))) throw new Error('dist/web is missing: run `npm run build:web`');
    db = await createTestDatabase();
    app = await createServer(loadConfig({ LOG_LEVEL: 'silent' }), db.url);
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('answers the app at / and at its own page addresses, with a CSP and no caching of the page', async () => {
    for (const path of ['/', '/inbox', '/tasks/3f0c1d9e-0000-4000-8000-000000000000', '/cases/x?completed=y']) {
      const res = await request(app.getHttpServer()).get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the hashed assets as immutable', async () => {
    const index = (await request(app.getHttpServer()).get('/')).text;
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)![1];
    const res = await request(app.getHttpServer()).get(script).expect(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('leaves /api and /health to the server: unknown API paths are JSON 404s, not the app', async () => {
    const res = await request(app.getHttpServer()).get('/api/no-such-route').expect(404);
    expect(res.headers['content-type']).toMatch(/json/);
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await request(app.getHttpServer()).get('/assets/missing.js').expect(404);
  });
});
