/* eslint-disable @typescript-eslint/no-explicit-any -- test support: raw protocol messages are untyped here, as in the specs */
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import pino from 'pino';
import { ZBClient } from 'zeebe-node';
import { startZeebeGateway, type ZeebeGateway } from '../index';
import { FakeEngine } from './fake-engine';

export type RawClient = grpc.Client & Record<string, any>;

/** A bare gRPC client on the same proto, for stream-level checks zeebe-node hides. */
export function rawClient(port: number): RawClient {
  const definition = protoLoader.loadSync(require.resolve('zeebe-node/proto/zeebe.proto'), {
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const Gateway = (grpc.loadPackageDefinition(definition) as any).gateway_protocol.Gateway;
  return new Gateway(`localhost:${port}`, grpc.credentials.createInsecure());
}

export interface StreamOutcome {
  messages: any[];
  error?: grpc.ServiceError;
  elapsedMs: number;
}

export function collect(stream: grpc.ClientReadableStream<any>): Promise<StreamOutcome> {
  const started = Date.now();
  const messages: any[] = [];
  return new Promise((resolve) => {
    stream.on('data', (m) => messages.push(m));
    stream.on('error', (error: grpc.ServiceError) => resolve({ messages, error, elapsedMs: Date.now() - started }));
    stream.on('end', () => resolve({ messages, elapsedMs: Date.now() - started }));
  });
}

export const activateRequest = (overrides: Record<string, unknown> = {}) => ({
  type: 'send-mail',
  worker: 'w1',
  timeout: 60_000,
  maxJobsToActivate: 5,
  requestTimeout: 300,
  ...overrides,
});

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

export interface Harness {
  engine: FakeEngine;
  gateway: ZeebeGateway;
  zbc: ZBClient;
  /** A raw client, closed by close(). */
  raw(): RawClient;
  close(): Promise<void>;
}

/** A gateway on a free port over a fresh FakeEngine, with a real zeebe-node client on it. */
export async function startHarness(): Promise<Harness> {
  const engine = new FakeEngine();
  const gateway = await startZeebeGateway({
    engine,
    host: 'localhost',
    port: 0,
    logger: pino({ level: 'silent' }),
    longPollDefaultMs: 1_500,
  });
  const zbc = new ZBClient(`localhost:${gateway.port}`, {
    useTLS: false,
    loglevel: 'NONE',
    retry: false,
    longPoll: 5_000,
    // zeebe-node debounces "connected" with an uncancelled timer of this length; keep it short so
    // jest can exit right after the suite.
    connectionTolerance: 10,
  });
  const raws: RawClient[] = [];
  return {
    engine,
    gateway,
    zbc,
    raw: () => {
      const client = rawClient(gateway.port);
      raws.push(client);
      return client;
    },
    close: async () => {
      for (const client of raws) client.close();
      await zbc.close();
      await gateway.stop();
    },
  };
}
