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
