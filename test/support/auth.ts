import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { demoUserFor, ensureDemoUsers, Role } from '../../apps/server/src/auth';
import type { DataSource } from 'typeorm';

export interface SignedIn {
  token: string;
  username: string;
  /** `{ authorization: 'Bearer …' }`, for supertest's `.set(...)`. */
  headers: { authorization: string };
}

/**
 * Signs in as the demo user of a role (kim, sara, per) through POST /api/auth/login. Pass the Nest
 * app instead of its HTTP server to create the demo users first (a server started with
 * NODE_ENV=production has none).
 */
export async function signIn(target: Server | INestApplication, role: Role = 'caseworker'): Promise<SignedIn> {
  let server = target as Server;
  if ('getHttpServer' in target) {
    const { DataSource: DataSourceClass } = await import('typeorm');
    await ensureDemoUsers(target.get<DataSource>(DataSourceClass));
    server = target.getHttpServer() as Server;
  }
  const user = demoUserFor(role);
  const res = await request(server).post('/api/auth/login').send({ username: user.username, password: user.password });
  if (res.status !== 200)
    throw new Error(`sign-in as ${user.username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const token = (res.body as { accessToken: string }).accessToken;
  return { token, username: user.username, headers: { authorization: `Bearer ${token}` } };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** supertest against a server, every request carrying a signed-in user's bearer header. */
export type AuthedHttp = Record<Method, (url: string) => request.Test>;

export function authedHttp(server: Server, signedIn: SignedIn): AuthedHttp {
  const on = (method: Method) => (url: string) => request(server)[method](url).set(signedIn.headers);
  return { get: on('get'), post: on('post'), put: on('put'), patch: on('patch'), delete: on('delete') };
}

/** Signs in as each demo user (kim, sara, per) once; `as(role)` is supertest as that user. */
export async function signInAll(app: INestApplication): Promise<(role?: Role) => AuthedHttp> {
  const server = app.getHttpServer() as Server;
  const first = await signIn(app, 'caseworker');
  const users = new Map<Role, AuthedHttp>([['caseworker', authedHttp(server, first)]]);
  for (const role of ['supervisor', 'process-owner'] as const)
    users.set(role, authedHttp(server, await signIn(server, role)));
  return (role = 'caseworker') => users.get(role)!;
}
