import type * as grpc from '@grpc/grpc-js';
import type { ActivateInstruction } from '@brobygger/engine-core';
import { type GatewayContext, unary } from '../context';
import { invalidArgument } from '../errors';
import { parseJsonObject } from '../json-fields';
import type { Empty, Int64 } from '../protocol';
import { ensureNotEmpty, isUnsetKey } from '../validation';

/** The requests as proto-loader hands them over (see protocol.ts for the conventions). */
interface ModifyProcessInstanceRequest {
  processInstanceKey: Int64;
  activateInstructions: {
    elementId: string;
    ancestorElementInstanceKey: Int64;
    variableInstructions: { variables: string; scopeId: string }[];
  }[];
  terminateInstructions: { elementInstanceKey: Int64 }[];
}

interface MigrateProcessInstanceRequest {
  processInstanceKey: Int64;
  migrationPlan: {
    targetProcessDefinitionKey: Int64;
    mappingInstructions: { sourceElementId: string; targetElementId: string }[];
  } | null;
}

interface DeleteResourceRequest {
  resourceKey: Int64;
}

/** -1 (the documented "any existing instance of the flow scope"), 0 and unset all mean: not given. */
function ancestorKey(raw: Int64): string | undefined {
  return isUnsetKey(raw) || raw.startsWith('-') ? undefined : raw;
}

function toActivateInstruction(
  instruction: ModifyProcessInstanceRequest['activateInstructions'][number],
  rpc: string,
): ActivateInstruction {
  const elementId = ensureNotEmpty(instruction.elementId, 'activateInstructions.elementId', rpc);
  const ancestor = ancestorKey(instruction.ancestorElementInstanceKey ?? '');
  return {
    elementId,
    ...(ancestor !== undefined ? { ancestorElementInstanceKey: ancestor } : {}),
    variableInstructions: (instruction.variableInstructions ?? []).map((v) => ({
      scopeId: v.scopeId ?? '',
      variables: parseJsonObject(v.variables, 'variableInstructions.variables', rpc),
    })),
  };
}

export function modificationHandlers(ctx: GatewayContext): grpc.UntypedServiceImplementation {
  return {
    ModifyProcessInstance: unary<ModifyProcessInstanceRequest, Empty>('ModifyProcessInstance', ctx, async (request) => {
      const rpc = 'ModifyProcessInstance';
      await ctx.engine.modifyProcessInstance({
        processInstanceKey: request.processInstanceKey,
        activateInstructions: (request.activateInstructions ?? []).map((i) => toActivateInstruction(i, rpc)),
        terminateInstructions: (request.terminateInstructions ?? []).map((t) => ({
          elementInstanceKey: t.elementInstanceKey,
        })),
      });
      return {};
    }),

    MigrateProcessInstance: unary<MigrateProcessInstanceRequest, Empty>(
      'MigrateProcessInstance',
      ctx,
      async (request) => {
        const rpc = 'MigrateProcessInstance';
        const plan = request.migrationPlan;
        if (!plan) throw invalidArgument(`Expected argument 'migrationPlan' of ${rpc} to be provided, but it was not`);
        if (isUnsetKey(plan.targetProcessDefinitionKey)) {
          throw invalidArgument(
            `Expected argument 'migrationPlan.targetProcessDefinitionKey' of ${rpc} to be provided, but it was not`,
          );
        }
        const mappingInstructions = (plan.mappingInstructions ?? []).map((m) => ({
          sourceElementId: ensureNotEmpty(m.sourceElementId, 'mappingInstructions.sourceElementId', rpc),
          targetElementId: ensureNotEmpty(m.targetElementId, 'mappingInstructions.targetElementId', rpc),
        }));
        await ctx.engine.migrateProcessInstance({
          processInstanceKey: request.processInstanceKey,
          targetProcessDefinitionKey: plan.targetProcessDefinitionKey,
          mappingInstructions,
        });
        return {};
      },
    ),

    DeleteResource: unary<DeleteResourceRequest, Empty>('DeleteResource', ctx, async (request) => {
      await ctx.engine.deleteResource(request.resourceKey);
      return {};
    }),
  };
}
