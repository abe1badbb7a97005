import { Client } from 'pg';
import pino from 'pino';
import { ZBClient } from 'zeebe-node';
import { migrateDatabase } from '@brobygger/database';
import { ControlledClock, Engine } from '@brobygger/engine-core';
import { startZeebeGateway, type ZeebeGateway } from '@brobygger/zeebe-gateway';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface EngineUnderTest {
  zbc: ZBClient;
  port: number;
  db: TestDatabase;
  /** The engine's clock: `clock.advance(ms)` makes timers fall due without waiting. */
  clock: ControlledClock;
  /** Reads the engine's tables to observe (never to drive) what the engine did. */
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  client(): ZBClient;
  /** Deploys one BPMN document through zeebe-node, named `<id>.bpmn`. */
  deployXml(id: string, xml: string): Promise<unknown>;
  /** The state of a process instance (ACTIVE, COMPLETED, TERMINATED), observed in the engine's table. */
  instanceState(processInstanceKey: string): Promise<string | undefined>;
  stop(): Promise<void>;
}

export function zeebeClient(port: number): ZBClient {
  return new ZBClient(`localhost:${port}`, {
    useTLS: false,
    loglevel: 'NONE',
    longPoll: 5_000,
    connectionTolerance: 10,
    retry: false,
  } as ConstructorParameters<typeof ZBClient>[1]);
}

/** A fresh database, the engine and its gateway on a free port, and a zeebe-node client. */
export async function startEngineUnderTest(options: { maxCommandsInFlight?: number } = {}): Promise<EngineUnderTest> {
  const db = await createTestDatabase();
  await migrateDatabase(db.url);
  const logger = pino({ level: 'silent' });
  const clock = new ControlledClock();
  const engine = await Engine.start({ databaseUrl: db.url, logger, sweepIntervalMs: 50, clock, ...options });
  const gateway: ZeebeGateway = await startZeebeGateway({ engine, host: '127.0.0.1', port: 0, logger });
  const clients: ZBClient[] = [];
  const client = () => {
    const zbc = zeebeClient(gateway.port);
    clients.push(zbc);
    return zbc;
  };
  const observer = new Client({ connectionString: db.url });
  await observer.connect();
  const first = client();
  return {
    zbc: first,
    port: gateway.port,
    db,
    clock,
    client,
    query: async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      (await observer.query(sql, params)).rows as T[],
    deployXml: (id: string, xml: string) => first.deployResource({ process: Buffer.from(xml), name: `${id}.bpmn` }),
    instanceState: async (key: string) =>
      (await observer.query<{ state: string }>('SELECT state FROM engine.process_instance WHERE key = $1', [key]))
        .rows[0]?.state,
    stop: async () => {
      await Promise.all(clients.map((c) => c.close()));
      await gateway.stop();
      await engine.stop();
      await observer.end();
      await db.drop();
    },
  };
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The gRPC status code a zeebe-node call failed with (zeebe-node keeps it on `code`). */
export async function grpcError(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: number; details?: string; message: string };
    return { code: e.code ?? -1, message: e.details ?? e.message };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export const GRPC = {
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
};
