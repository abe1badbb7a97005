import type * as grpc from '@grpc/grpc-js';
import type { CreateInstanceCommand } from '@brobygger/engine-core';
import { type GatewayContext, unary } from '../context';
import { invalidArgument } from '../errors';
import { parseJsonObject, toJsonText } from '../json-fields';
import type {
  CancelProcessInstanceRequest,
  CreateProcessInstanceRequest,
  CreateProcessInstanceResponse,
  CreateProcessInstanceWithResultRequest,
  CreateProcessInstanceWithResultResponse,
  Empty,
} from '../protocol';
import { DEFAULT_TENANT, ensureDefaultTenant, int64ToNumber, isUnsetKey } from '../validation';

/**
 * The process is named either by key or by id (+ version, -1 = latest). With a key the version is
 * irrelevant, so the proto default 0 must not be passed on as "version 0".
 */
function toCreateCommand(request: CreateProcessInstanceRequest, rpc: string): CreateInstanceCommand {
  ensureDefaultTenant(request.tenantId, rpc);
  const byKey = !isUnsetKey(request.processDefinitionKey);
  const byId = (request.bpmnProcessId ?? '').trim() !== '';
  if (!byKey && !byId) {
    throw invalidArgument(
      `Expected to create a process instance with ${rpc} by either 'bpmnProcessId' or 'processDefinitionKey', but neither was given`,
    );
  }
  const variables = parseJsonObject(request.variables, 'variables', rpc);
  const startInstructions = (request.startInstructions ?? []).map((instruction) => instruction.elementId);
  return {
    ...(byKey ? { processDefinitionKey: request.processDefinitionKey } : {}),
    ...(byId ? { bpmnProcessId: request.bpmnProcessId } : {}),
    ...(byKey && !byId ? {} : { version: request.version }),
    variables,
    ...(startInstructions.length > 0 ? { startInstructions } : {}),
  };
}

export function instanceHandlers(ctx: GatewayContext): grpc.UntypedServiceImplementation {
  return {
    CreateProcessInstance: unary<CreateProcessInstanceRequest, CreateProcessInstanceResponse>(
      'CreateProcessInstance',
      ctx,
      async (request) => {
        const created = await ctx.engine.createProcessInstance(toCreateCommand(request, 'CreateProcessInstance'));
        return { ...created, tenantId: DEFAULT_TENANT };
      },
    ),

    CreateProcessInstanceWithResult: unary<
      CreateProcessInstanceWithResultRequest,
      CreateProcessInstanceWithResultResponse
    >('CreateProcessInstanceWithResult', ctx, async (request) => {
      const rpc = 'CreateProcessInstanceWithResult';
      if (!request.request) throw invalidArgument(`Expected ${rpc} to carry a 'request', but it was missing`);
      const command = toCreateCommand(request.request, rpc);
      // 0 (and the meaningless negative) ask for the gateway's default, as in Zeebe.
      const requested = int64ToNumber(request.requestTimeout);
      const timeoutMs = requested > 0 ? requested : ctx.longPollDefaultMs;
      const result = await ctx.engine.createProcessInstanceWithResult(command, timeoutMs, request.fetchVariables ?? []);
      return {
        processDefinitionKey: result.processDefinitionKey,
        bpmnProcessId: result.bpmnProcessId,
        version: result.version,
        processInstanceKey: result.processInstanceKey,
        variables: toJsonText(result.variables),
        tenantId: DEFAULT_TENANT,
      };
    }),

    CancelProcessInstance: unary<CancelProcessInstanceRequest, Empty>('CancelProcessInstance', ctx, async (request) => {
      await ctx.engine.cancelProcessInstance(request.processInstanceKey);
      return {};
    }),
  };
}
