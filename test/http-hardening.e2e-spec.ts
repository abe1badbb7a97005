import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startTestServer, TestServer } from './support/test-server';

describe('HTTP defences that do not depend on a route', () => {
  let server: TestServer;
  let app: INestApplication;

  beforeAll(async () => {
    server = await startTestServer();
    app = server.app;
  });
  afterAll(() => server?.stop());

  it('sends security headers and no CORS permission', async () => {
    const res = await request(app.getHttpServer()).get('/health/live').set('origin', 'https://evil.example');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a request body beyond 1 MB with 413', async () => {
    const big = { username: 'kim', password: 'x'.repeat(1_100_000) };
    await request(app.getHttpServer()).post('/api/auth/login').send(big).expect(413);
  });

  it('answers 429, with a clear message, after ten failed sign-ins for one user', async () => {
    for (let i = 0; i < 10; i++) {
      await request(app.getHttpServer())
        .post('/api/auth/login')
        .send({ username: 'sara', password: `guess-${i}` })
        .expect(401);
    }
    const refused = await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ username: 'sara', password: 'sara-demo-2026' })
      .expect(429);
    expect(refused.body.message).toMatch(/Too many failed sign-ins for this user; try again in \d+ seconds/);
    // Another user from the same address is not held back.
    await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ username: 'kim', password: 'kim-demo-2026' })
      .expect(200);
  });
});
