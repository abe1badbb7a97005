import type { ExecutableElement, ExecutableProcess } from '@brobygger/bpmn';
import { evaluateBoolean } from '@brobygger/feel';
import type { Variables } from '../../api';
import type { ElementProcessor } from '../element-processor';
import { Failure, failure } from '../../processing/failure';

/**
 * Every outgoing flow (in document order) whose condition holds; the default flow only if none
 * does. A flow without a condition (other than the default) always holds, as the only outgoing
 * flow of a joining gateway usually has none.
 */
function selectFlows(
  process: ExecutableProcess,
  gateway: ExecutableElement,
  variables: Variables,
): { flowIds: string[] } | Failure {
  const flowIds: string[] = [];
  for (const flowId of gateway.outgoing) {
    if (flowId === gateway.defaultFlowId) continue;
    const condition = process.flows[flowId].condition;
    if (condition === undefined) {
      flowIds.push(flowId);
      continue;
    }
    const result = evaluateBoolean(condition, variables);
    if (!result.ok) {
      return failure(
        'CONDITION_ERROR',
        `Element '${gateway.id}': failed to evaluate the condition of sequence flow '${flowId}': ${result.message}`,
      );
    }
    if (result.value) flowIds.push(flowId);
  }
  if (flowIds.length > 0) return { flowIds };
  if (gateway.defaultFlowId) return { flowIds: [gateway.defaultFlowId] };
  if (gateway.outgoing.length === 0) return { flowIds: [] };
  return failure(
    'CONDITION_ERROR',
    `Element '${gateway.id}': expected at least one condition to evaluate to true, or to have a default flow`,
  );
}

/**
 * Inclusive gateway. The join is done before activation, where tokens arrive (Lifecycle.takeFlow
 * parks them, see inclusive-join.ts); once active it forks: the flows are chosen while activating
 * (an incident if none), and taken on completion.
 */
export const inclusiveGatewayProcessor: ElementProcessor = {
  onActivate(element, instance, lifecycle) {
    const selected = selectFlows(
      lifecycle.context.process,
      element,
      lifecycle.state.visibleVariables(instance.flowScopeKey!),
    );
    if ('errorType' in selected) return selected;
    instance.selectedFlowIds = selected.flowIds;
    lifecycle.toActivated(instance);
    lifecycle.complete(instance);
    return undefined;
  },

  onComplete(element, instance, lifecycle) {
    const selected = instance.selectedFlowIds ?? [];
    const failed = lifecycle.toCompleted(element, instance);
    if (failed) return failed;
    lifecycle.takeOutgoingFlows(element, instance, selected);
    return undefined;
  },

  onTerminate(_element, instance, lifecycle) {
    lifecycle.toTerminated(instance);
  },
};
