import * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { EngineApi } from '@brobygger/engine-core';
import { toStatus } from './errors';
import type { LongPolls } from './long-poll';

/** What every handler needs: the engine it translates to and the gateway's own state. */
export interface GatewayContext {
  engine: EngineApi;
  logger: Logger;
  polls: LongPolls;
  /** Used when a client sends requestTimeout 0 ("the gateway's default"). */
  longPollDefaultMs: number;
  gatewayVersion: string;
  /** Where the server listens, for Topology; known only once bound. */
  address(): { host: string; port: number };
}

/** Adapts a promise-returning handler to grpc-js, mapping whatever it throws to a status. */
export function unary<Req, Res>(
  rpc: string,
  ctx: GatewayContext,
  handle: (request: Req, call: grpc.ServerUnaryCall<Req, Res>) => Promise<Res>,
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    ctx.logger.trace({ rpc }, 'gateway request');
    handle(call.request, call).then(
      (response) => callback(null, response),
      (error: unknown) => callback(toStatus(error, rpc, ctx.logger)),
    );
  };
}
