import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig } from '@brobygger/config';
import { createServer } from '../apps/server/src/bootstrap';
import { createTestDatabase, TestDatabase } from './support/test-database';

describe('HTTP API basics', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createServer(loadConfig({ LOG_LEVEL: 'silent' }), db.url);
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('is ready once the migrations are applied', async () => {
    const res = await request(app.getHttpServer()).get('/health').expect(200);
    expect(res.body.details.migrations.status).toBe('up');
  });

  it('echoes a caller’s request id and replaces an unsafe one', async () => {
    const kept = await request(app.getHttpServer()).get('/health/live').set('x-request-id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await request(app.getHttpServer()).get('/health/live').set('x-request-id', '<script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(res.body.info.title).toBe('Brobygger API');
  });
});
