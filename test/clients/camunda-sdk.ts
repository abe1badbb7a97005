import { Camunda8, Zeebe } from '@camunda8/sdk';

export type ZeebeGrpcClient = Zeebe.ZeebeGrpcClient;

/**
 * The Zeebe gRPC client of the official Camunda 8 JavaScript SDK, configured as for a local
 * plaintext gateway without authentication (what Camunda 8 Run documents: `grpc://` address,
 * `CAMUNDA_AUTH_STRATEGY=NONE`). Everything is passed explicitly so that no CAMUNDA_* / ZEEBE_*
 * variable of the shell changes the test.
 */
export function camundaSdkZeebeClient(port: number): ZeebeGrpcClient {
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://localhost:${port}`,
    ZEEBE_REST_ADDRESS: 'http://localhost:1', // never contacted: only the gRPC client is used
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_OAUTH_DISABLED: true,
    CAMUNDA_TENANT_ID: '',
    CAMUNDA_LOG_LEVEL: 'none',
    CAMUNDA_SUPPORT_LOG_ENABLED: false,
    zeebeGrpcSettings: {
      ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
      ZEEBE_GRPC_CLIENT_RETRY: false,
      // Only debounces the client's "ready" event; its timer outlives close() and would keep jest waiting 3 s.
      ZEEBE_GRPC_CLIENT_CONNECTION_TOLERANCE_MS: 100,
      ZEEBE_GRPC_WORKER_LONGPOLL_SECONDS: 5,
      ZEEBE_GRPC_WORKER_POLL_INTERVAL_MS: 100,
    },
  });
  return c8.getZeebeGrpcApiClient();
}

/**
 * Closes the client, its workers and its job streams. The SDK's close() resolves as soon as the
 * channels are shut down but leaves each close deadline timer running (5 s for the stream worker's
 * channel, which takes no timeout); those timers do nothing once the channels are closed, so they are
 * unref'd here instead of holding the test process open.
 */
export async function closeSdkClient(zbc: ZeebeGrpcClient): Promise<void> {
  const realSetTimeout = global.setTimeout;
  const unrefSetTimeout = (...args: Parameters<typeof setTimeout>) => realSetTimeout(...args).unref();
  global.setTimeout = Object.assign(unrefSetTimeout, realSetTimeout) as typeof setTimeout;
  try {
    await zbc.close(1_000);
  } finally {
    global.setTimeout = realSetTimeout;
  }
}

/** The gRPC status code and message an SDK call failed with. */
export async function sdkError(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: number; details?: string; message: string };
    return { code: e.code ?? -1, message: e.details ?? e.message };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
