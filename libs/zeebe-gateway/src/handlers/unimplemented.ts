import type * as grpc from '@grpc/grpc-js';
import type { GatewayContext } from '../context';
import { unimplemented } from '../errors';

/**
 * Every RPC of the loaded proto without a handler answers UNIMPLEMENTED with its name, instead of
 * grpc-js's anonymous default, so users see which feature the embedded engine lacks.
 */
export function unimplementedHandlers(
  ctx: GatewayContext,
  service: grpc.ServiceDefinition,
  implemented: grpc.UntypedServiceImplementation,
): grpc.UntypedServiceImplementation {
  const handlers: grpc.UntypedServiceImplementation = {};
  for (const [rpc, method] of Object.entries(service)) {
    if (rpc in implemented) continue;
    const answer = (): Partial<grpc.StatusObject> => {
      ctx.logger.debug({ rpc }, 'unsupported gateway request');
      return unimplemented(rpc);
    };
    if (method.responseStream) {
      handlers[rpc] = (call: grpc.ServerWritableStream<unknown, unknown>) => call.emit('error', answer());
    } else {
      handlers[rpc] = (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback(answer());
    }
  }
  return handlers;
}
