import type * as grpc from '@grpc/grpc-js';
import { type GatewayContext, unary } from '../context';
import { parseJsonObject } from '../json-fields';
import type { Empty, PublishMessageRequest, ResolveIncidentRequest, SetVariablesRequest } from '../protocol';
import { DEFAULT_TENANT, ensureAtLeast, ensureDefaultTenant, ensureNotEmpty, int64ToNumber } from '../validation';

/** Commands that act on running instances from outside a job: variables, incidents, messages, signals. */
export function processStateHandlers(ctx: GatewayContext): grpc.UntypedServiceImplementation {
  const { engine } = ctx;
  return {
    SetVariables: unary<SetVariablesRequest, { key: string }>('SetVariables', ctx, async (request) => {
      const variables = parseJsonObject(request.variables, 'variables', 'SetVariables');
      const key = await engine.setVariables(request.elementInstanceKey, variables, request.local === true);
      return { key };
    }),

    ResolveIncident: unary<ResolveIncidentRequest, Empty>('ResolveIncident', ctx, async (request) => {
      await engine.resolveIncident(request.incidentKey);
      return {};
    }),

    PublishMessage: unary<PublishMessageRequest, { key: string; tenantId: string }>(
      'PublishMessage',
      ctx,
      async (request) => {
        const rpc = 'PublishMessage';
        ensureDefaultTenant(request.tenantId, rpc);
        const timeToLiveMs = ensureAtLeast(int64ToNumber(request.timeToLive), 0, 'timeToLive', rpc);
        const { key } = await engine.publishMessage({
          name: ensureNotEmpty(request.name, 'name', rpc),
          correlationKey: request.correlationKey ?? '',
          timeToLiveMs,
          ...(request.messageId ? { messageId: request.messageId } : {}),
          variables: parseJsonObject(request.variables, 'variables', rpc),
        });
        return { key, tenantId: DEFAULT_TENANT };
      },
    ),

    BroadcastSignal: unary<BroadcastSignalRequest, { key: string; tenantId: string }>(
      'BroadcastSignal',
      ctx,
      async (request) => {
        const rpc = 'BroadcastSignal';
        ensureDefaultTenant(request.tenantId, rpc);
        const { key } = await engine.broadcastSignal(
          ensureNotEmpty(request.signalName, 'signalName', rpc),
          parseJsonObject(request.variables, 'variables', rpc),
        );
        return { key, tenantId: DEFAULT_TENANT };
      },
    ),
  };
}

interface BroadcastSignalRequest {
  signalName: string;
  variables: string;
  tenantId?: string;
}
