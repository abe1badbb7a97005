import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig } from '@brobygger/config';
import { cvrCheckDigit } from '@brobygger/domain';
import type { Role } from '../../apps/server/src/auth';
import { createServer } from '../../apps/server/src/bootstrap';
import { AuthedHttp, signInAll } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/test-database';

export interface DomainApi {
  app: INestApplication;
  db: TestDatabase;
  /** The API as the demo caseworker (kim), with his bearer token. */
  http: () => AuthedHttp;
  /** The API as the demo user of a role. */
  as: (role: Role) => AuthedHttp;
  /** The API without a token. */
  anonymous: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/** The HTTP API on a fresh database, the way test/server-http.e2e-spec.ts starts it, signed in. */
export async function startDomainApi(): Promise<DomainApi> {
  const db = await createTestDatabase();
  const app = await createServer(loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' }), db.url);
  await app.init();
  const as = await signInAll(app);
  return {
    app,
    db,
    http: () => as('caseworker'),
    as,
    anonymous: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

let cvrCounter = 0;
/** A fresh valid CVR number for each call. */
export function nextCvr(): string {
  for (;;) {
    const first7 = String(4_000_000 + (process.pid % 1000) * 1000 + cvrCounter++);
    const check = cvrCheckDigit(first7);
    if (check !== undefined) return `${first7}${check}`;
  }
}

let cprCounter = 0;
/** A fresh valid CPR number (born 1 March 1985, serial counting up). */
export function nextCpr(): string {
  return `010385-${String(1000 + cprCounter++).padStart(4, '0')}`;
}

export function companyBody(over: Record<string, unknown> = {}) {
  return {
    cvr: nextCvr(),
    name: 'Hansen Tømrer ApS',
    industryCode: '43.32',
    industry: 'Tømrer og byggeri',
    sector: 'PRIVATE',
    postcode: '8200',
    municipality: 'Aarhus',
    ordinaryFte: 30,
    ...over,
  };
}

/** A company with an ACTIVE agreement, seats of the given hours, and a mentor (trained unless told). */
export async function companyWithSeats(
  api: DomainApi,
  opts: { ordinaryFte?: number; seatHours?: number[]; trainedMentor?: boolean; model?: number; industry?: string } = {},
) {
  const company = (
    await api
      .http()
      .post('/api/companies')
      .send(companyBody({ ordinaryFte: opts.ordinaryFte ?? 30, ...(opts.industry ? { industry: opts.industry } : {}) }))
      .expect(201)
  ).body;
  const agreement = (
    await api
      .http()
      .post('/api/agreements')
      .send({ companyId: company.id, collaborationModel: opts.model ?? 1, status: 'ACTIVE', validFrom: '2026-01-01' })
      .expect(201)
  ).body;
  const seats = [];
  for (const weeklyHours of opts.seatHours ?? [30]) {
    seats.push(
      (
        await api
          .http()
          .post(`/api/agreements/${agreement.id}/seats`)
          .send({ function: 'Lagermedhjælper', tasks: ['varemodtagelse', 'truckkørsel'], weeklyHours })
          .expect(201)
      ).body,
    );
  }
  const mentor = (await api.http().post('/api/mentors').send({ companyId: company.id, name: 'Bente Kjær' }).expect(201))
    .body;
  if (opts.trainedMentor ?? true) {
    await api
      .http()
      .post(`/api/mentors/${mentor.id}/enrollment`)
      .send({ courseName: 'Mentorkursus', enrolledOn: '2026-01-05' })
      .expect(200);
    await api
      .http()
      .post(`/api/mentors/${mentor.id}/training-completion`)
      .send({ completedOn: '2026-01-20' })
      .expect(200);
  }
  return { company, agreement, seats, mentor };
}

export async function citizen(api: DomainApi, groupCode = 3, over: Record<string, unknown> = {}) {
  return (
    await api
      .http()
      .post('/api/citizens')
      .send({
        cpr: nextCpr(),
        firstName: 'Lars',
        lastName: 'Nielsen',
        postcode: '8200',
        municipality: 'Aarhus',
        competences: ['truckcertifikat', 'varemodtagelse'],
        wishes: ['lager'],
        targetGroup: { groupCode, validFrom: '2025-01-01' },
        ...over,
      })
      .expect(201)
  ).body;
}
