import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig } from '@brobygger/config';
import type { Role } from '../../../apps/server/src/auth';
import { createServer } from '../../../apps/server/src/bootstrap';
import { AuthedHttp, signInAll } from '../../support/auth';
import { startWorkers } from '../../../apps/workers/src/start-workers';
import { startEngineUnderTest, waitFor, type EngineUnderTest } from '../../support/engine-harness';

export interface TaskJson {
  id: string;
  name: string;
  state: string;
  placementId: string | null;
  processInstanceKey: string;
  candidateGroups: string[];
  assignee: string | null;
  dueAt: string | null;
  formKey: string | null;
  variables: Record<string, unknown>;
}

export interface LifecycleUnderTest {
  engine: EngineUnderTest;
  server: INestApplication;
  /** The API as the demo caseworker (kim), with his bearer token. */
  http(): AuthedHttp;
  /** The API as the demo user of a role. */
  as(role: Role): AuthedHttp;
  /** The API without a token. */
  anonymous(): ReturnType<typeof request>;
  /** The open task with this element id (for this case, when given), once the inbox has it. */
  task(elementId: string, placementId?: string): Promise<TaskJson>;
  openTasks(placementId?: string): Promise<TaskJson[]>;
  /** Claims and completes a task through the HTTP API, as the caseworker kim would. */
  complete(task: TaskJson, variables: Record<string, unknown>): Promise<void>;
  advanceDays(days: number): void;
  stop(): Promise<void>;
}

const DAY_MS = 86_400_000;

export interface LifecycleOptions {
  /** More settings, e.g. SEED_ADOPT_CASES. */
  env?: Record<string, string>;
  /** Runs once the server is up, before the workers start (and deploy, and adopt). */
  beforeWorkers?: (server: INestApplication) => Promise<unknown>;
}

/** The settings the lifecycle tests run with, on an engine's gateway port. */
export function lifecycleConfig(port: number, env: Record<string, string> = {}) {
  return loadConfig({
    ZEEBE_ADDRESS: `localhost:${port}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
    ...env,
  });
}

/** Engine + gateway, HTTP server and workers in this process, on a fresh database. */
export async function startLifecycle(options: LifecycleOptions = {}): Promise<LifecycleUnderTest> {
  const engine = await startEngineUnderTest();
  const config = lifecycleConfig(engine.port, options.env);
  const server = await createServer(config, engine.db.url);
  await server.init();
  await options.beforeWorkers?.(server);
  const as = await signInAll(server);
  const stopWorkers = await startWorkers(config, engine.db.url);
  const http = () => as('caseworker');
  const openTasks = async (placementId?: string) => {
    const query = placementId ? `&placementId=${placementId}` : '';
    const res = await http().get(`/api/tasks?state=CREATED&limit=200${query}`).expect(200);
    return res.body.items as TaskJson[];
  };
  return {
    engine,
    server,
    http,
    as,
    anonymous: () => request(server.getHttpServer()),
    openTasks,
    task: (elementId, placementId) =>
      waitFor(
        `task ${elementId}`,
        async () => (await openTasks(placementId)).find((t) => t.name === elementId),
        20_000,
      ),
    complete: async (task, variables) => {
      await http().post(`/api/tasks/${task.id}/claim`).send({}).expect(200);
      const res = await http().post(`/api/tasks/${task.id}/complete`).send({ variables });
      if (res.status !== 200) throw new Error(`completing ${task.name}: ${res.status} ${JSON.stringify(res.body)}`);
    },
    advanceDays: (days) => engine.clock.advance(days * DAY_MS),
    stop: async () => {
      for (const stop of stopWorkers) await stop();
      await server.close();
      await engine.stop();
    },
  };
}
