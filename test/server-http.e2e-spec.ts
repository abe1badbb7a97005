import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { signIn } from './support/auth';
import { startTestServer, TestServer } from './support/test-server';

describe('HTTP API basics', () => {
  let server: TestServer;
  let app: INestApplication;

  beforeAll(async () => {
    server = await startTestServer();
    app = server.app;
  });
  afterAll(() => server?.stop());

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

  /** The routes anyone may call (README, "The web app"); every other one needs a bearer token. */
  const PUBLIC_ROUTES = new Set(['GET /health', 'GET /health/live', 'POST /api/auth/login']);
  const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
  const DUMMY_ID = '00000000-0000-4000-8000-000000000000';

  async function documentedRoutes(): Promise<{ method: (typeof METHODS)[number]; path: string; route: string }[]> {
    const doc = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    return Object.entries(doc.paths).flatMap(([template, operations]) =>
      METHODS.filter((method) => method in operations).map((method) => ({
        method,
        path: template.replace(/\{[^}]+\}/g, DUMMY_ID),
        route: `${method.toUpperCase()} ${template}`,
      })),
    );
  }

  it('answers 401 without a token on every documented route but the public ones (authorisation matrix)', async () => {
    const routes = await documentedRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const open: string[] = [];
    for (const { method, path, route } of routes) {
      if (PUBLIC_ROUTES.has(route)) continue;
      const res = await request(app.getHttpServer())[method](path).send({});
      if (res.status !== 401) open.push(`${route} → ${res.status}`);
      const forged = await request(app.getHttpServer())[method](path).set('authorization', 'Bearer not-a-token');
      if (forged.status !== 401) open.push(`${route} (bad token) → ${forged.status}`);
    }
    expect(open).toEqual([]);
    // The public ones: sign-in (400 for an empty body, not 401), health, the OpenAPI document.
    await request(app.getHttpServer()).post('/api/auth/login').send({}).expect(400);
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await request(app.getHttpServer()).get('/api/docs').expect(200);
  });

  it('lets a signed-in caseworker past sign-in on every route (403 only where a role is missing)', async () => {
    const kim = await signIn(app, 'caseworker');
    const refused: string[] = [];
    for (const { method, path, route } of await documentedRoutes()) {
      const res = await request(app.getHttpServer())[method](path).set(kim.headers).send({});
      if (res.status === 401 || (res.status === 403 && !route.startsWith('GET /api/rules'))) refused.push(route);
    }
    expect(refused).toEqual([]);
  });
});
