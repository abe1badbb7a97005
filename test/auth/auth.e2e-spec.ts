import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer as createHttpServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { loadConfig } from '@brobygger/config';
import { createServer } from '../../apps/server/src/bootstrap';
import {
  AuthGuard,
  AuthUser,
  CurrentUser,
  enableAuthGuards,
  Roles,
  RolesGuard,
  TokenService,
} from '../../apps/server/src/auth';
import { ConfigModule } from '@brobygger/config';
import { signIn } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('Sign-in (built-in users)', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createServer(loadConfig({ LOG_LEVEL: 'silent', AUTH_JWT_SECRET: 'x'.repeat(40) }), db.url);
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('signs the demo caseworker in and answers who is signed in', async () => {
    const kim = await signIn(app.getHttpServer(), 'caseworker');
    const me = await request(app.getHttpServer()).get('/api/auth/me').set(kim.headers).expect(200);
    expect(me.body).toEqual({
      username: 'kim',
      displayName: 'Kim Sagsbehandler',
      roles: ['caseworker'],
      groups: expect.arrayContaining(['jobcentre-north', 'job-consultants']),
      jobCentreId: 'jobcentre-north',
    });
  });

  it('issues tokens that expire in 8 hours', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ username: 'sara', password: 'sara-demo-2026' })
      .expect(200);
    const lifetime = Date.parse(res.body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(8 * 3600_000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(8 * 3600_000);
    expect(res.body.user.roles).toEqual(['supervisor']);
    expect(JSON.stringify(res.body)).not.toMatch(/password|\$2[aby]\$/);
  });

  it('refuses a wrong password and an unknown user alike, and a missing or forged token', async () => {
    const wrong = await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ username: 'kim', password: 'nope' });
    const unknown = await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ username: 'nobody', password: 'x' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.message).toBe(unknown.body.message);
    await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'kim' }).expect(400);
    await request(app.getHttpServer()).get('/api/auth/me').expect(401);
    const forged = await new SignJWT({ roles: ['supervisor'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('kim')
      .setIssuer('brobygger')
      .setAudience('brobygger')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('y'.repeat(40)));
    await request(app.getHttpServer()).get('/api/auth/me').set('authorization', `Bearer ${forged}`).expect(401);
  });

  it('refuses an expired token', async () => {
    const expired = await new SignJWT({ roles: ['caseworker'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('kim')
      .setIssuer('brobygger')
      .setAudience('brobygger')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 9 * 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode('x'.repeat(40)));
    await request(app.getHttpServer()).get('/api/auth/me').set('authorization', `Bearer ${expired}`).expect(401);
  });

  it('protects the case-view routes and serves a task form to a signed-in user', async () => {
    await request(app.getHttpServer()).get('/api/forms/record-progress').expect(401);
    const kim = await signIn(app.getHttpServer());
    const form = await request(app.getHttpServer()).get('/api/forms/record-progress').set(kim.headers).expect(200);
    expect(form.body.id).toBe('record-progress');
    await request(app.getHttpServer()).get('/api/forms/no-such-form').set(kim.headers).expect(404);
  });

  it('puts every other API route behind sign-in and roles; health stays open', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await request(app.getHttpServer()).get('/api/companies').expect(401);
    const kim = await signIn(app.getHttpServer(), 'caseworker');
    await request(app.getHttpServer()).get('/api/companies').set(kim.headers).expect(200);
    await request(app.getHttpServer()).get('/api/rules').set(kim.headers).expect(403);
    const per = await signIn(app.getHttpServer(), 'process-owner');
    await request(app.getHttpServer()).get('/api/rules').set(per.headers).expect(200);
    await request(app.getHttpServer()).get('/api/companies').set(per.headers).expect(403);
  });

  it('refuses a signed-in user who has none of the roles, also on routes without @Roles', async () => {
    const { accessToken } = await app.get(TokenService).issue({
      username: 'nobody',
      displayName: 'Nobody',
      roles: [],
      groups: [],
      jobCentreId: null,
    });
    await request(app.getHttpServer()).get('/api/auth/me').set('authorization', `Bearer ${accessToken}`).expect(403);
  });
});

@Controller('api/probe')
class ProbeController {
  @Get('any')
  any(@CurrentUser() user: AuthUser) {
    return { user: user.username };
  }

  @Get('supervisors')
  @Roles('supervisor')
  supervisors() {
    return { ok: true };
  }
}

describe('Guards and OIDC bearer tokens', () => {
  let idp: Server;
  let app: INestApplication;
  let issuer: string;
  let sign: (claims: Record<string, unknown>, audience?: string) => Promise<string>;

  beforeAll(async () => {
    // A stand-in OIDC provider on loopback: discovery document and JWKS.
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    idp = createHttpServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration')
        res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
      else if (req.url === '/jwks') res.end(JSON.stringify({ keys: [jwk] }));
      else res.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    sign = (claims, audience = 'brobygger-web') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);

    const config = loadConfig({
      LOG_LEVEL: 'silent',
      AUTH_JWT_SECRET: 'z'.repeat(40),
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: 'brobygger-web',
      OIDC_ROLES_CLAIM: 'realm_access.roles',
    });
    @Module({
      imports: [ConfigModule.forRoot(config)],
      controllers: [ProbeController],
      providers: [TokenService, AuthGuard, RolesGuard],
    })
    class ProbeModule {}
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    enableAuthGuards(app);
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => idp?.close(resolve));
  });

  it('verifies a provider token against its JWKS and maps roles and groups from the configured claims', async () => {
    const token = await sign({
      preferred_username: 'ane',
      name: 'Ane Andersen',
      realm_access: { roles: ['supervisor', 'offline_access'] },
      groups: ['/jobcentre-north'],
    });
    const res = await request(app.getHttpServer())
      .get('/api/probe/supervisors')
      .set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const any = await request(app.getHttpServer()).get('/api/probe/any').set('authorization', `Bearer ${token}`);
    expect(any.body).toEqual({ user: 'ane' });
  });

  it('refuses a provider token for another audience, and a role it lacks with 403', async () => {
    const other = await sign({ preferred_username: 'ane', realm_access: { roles: ['supervisor'] } }, 'someone-else');
    await request(app.getHttpServer()).get('/api/probe/any').set('authorization', `Bearer ${other}`).expect(401);
    const caseworker = await sign({ preferred_username: 'bo', realm_access: { roles: ['caseworker'] } });
    await request(app.getHttpServer())
      .get('/api/probe/supervisors')
      .set('authorization', `Bearer ${caseworker}`)
      .expect(403);
    await request(app.getHttpServer()).get('/api/probe/any').expect(401);
  });

  it('still accepts its own tokens beside the provider’s', async () => {
    const tokens = app.get(TokenService);
    const { accessToken } = await tokens.issue({
      username: 'sara',
      displayName: 'Sara',
      roles: ['supervisor'],
      groups: [],
      jobCentreId: null,
    });
    await request(app.getHttpServer())
      .get('/api/probe/supervisors')
      .set('authorization', `Bearer ${accessToken}`)
      .expect(200);
  });
});
