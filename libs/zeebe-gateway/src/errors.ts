import * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { EngineErrorCode } from '@brobygger/engine-core';

/** A rejection decided at the gateway edge, before the engine is asked. */
export class GatewayError extends Error {
  constructor(
    readonly code: grpc.status,
    message: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

export function invalidArgument(message: string): GatewayError {
  return new GatewayError(grpc.status.INVALID_ARGUMENT, message);
}

const ENGINE_CODES: Record<EngineErrorCode, grpc.status> = {
  NOT_FOUND: grpc.status.NOT_FOUND,
  INVALID_ARGUMENT: grpc.status.INVALID_ARGUMENT,
  FAILED_PRECONDITION: grpc.status.FAILED_PRECONDITION,
  ALREADY_EXISTS: grpc.status.ALREADY_EXISTS,
  RESOURCE_EXHAUSTED: grpc.status.RESOURCE_EXHAUSTED,
  DEADLINE_EXCEEDED: grpc.status.DEADLINE_EXCEEDED,
  UNAVAILABLE: grpc.status.UNAVAILABLE,
};

/**
 * Recognised by shape rather than `instanceof`, so an EngineError from a second copy of the
 * engine module (bundling, jest module registries) is still mapped to its status.
 */
function engineStatus(error: unknown): grpc.status | undefined {
  if (!(error instanceof Error) || error.name !== 'EngineError') return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && Object.hasOwn(ENGINE_CODES, code)
    ? ENGINE_CODES[code as EngineErrorCode]
    : undefined;
}

/**
 * Turns anything a handler threw into the status the client sees. Engine and edge rejections keep
 * their message (clients show it to people); anything else is a bug on our side, so the client gets
 * a generic INTERNAL and the details go to the log only. Request payloads are never logged: job and
 * instance variables may carry personal data.
 */
export function toStatus(error: unknown, rpc: string, logger: Logger): Partial<grpc.StatusObject> {
  if (error instanceof GatewayError) {
    logger.debug({ rpc, code: grpc.status[error.code] }, 'request rejected at the gateway');
    return { code: error.code, details: error.message };
  }
  const status = engineStatus(error);
  if (status !== undefined) {
    logger.debug({ rpc, code: grpc.status[status] }, 'request rejected by the engine');
    return { code: status, details: (error as Error).message };
  }
  logger.error({ rpc, err: error }, 'unexpected failure while handling a gateway request');
  return { code: grpc.status.INTERNAL, details: `Unexpected error while handling ${rpc}; see the gateway log` };
}

export function unimplemented(rpc: string): Partial<grpc.StatusObject> {
  return {
    code: grpc.status.UNIMPLEMENTED,
    details: `${rpc} is not supported by the embedded Brobygger engine yet`,
  };
}
