import { ZBClient } from 'zeebe-node';

/**
 * A Zeebe client on ZEEBE_ADDRESS. TLS and OAuth are left to zeebe-node's own Camunda variables
 * (ZEEBE_SECURE_CONNECTION, ZEEBE_CLIENT_ID, …), so the default is plaintext to our engine and the
 * same code reaches a Camunda 8 cluster when those are set.
 */
export function createZeebeClient(address: string, options: { longPollMs?: number } = {}): ZBClient {
  return new ZBClient(address, {
    loglevel: 'NONE',
    longPoll: options.longPollMs ?? 30_000,
    // Retries of gRPC calls belong to the caller (job failures have their own back-off).
    retry: false,
  } as ConstructorParameters<typeof ZBClient>[1]);
}
