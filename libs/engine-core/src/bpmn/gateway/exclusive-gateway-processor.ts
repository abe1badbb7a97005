import type { ExecutableElement } from '@brobygger/bpmn';
import { evaluateBoolean } from '@brobygger/feel';
import type { Variables } from '../../api';
import type { ExecutableProcess } from '@brobygger/bpmn';
import type { ElementProcessor } from '../element-processor';
import { Failure, failure } from '../../processing/failure';

/** The first outgoing flow (in document order) whose condition holds, else the default flow. */
function selectFlow(
  process: ExecutableProcess,
  gateway: ExecutableElement,
  variables: Variables,
): { flowId?: string } | Failure {
  for (const flowId of gateway.outgoing) {
    if (flowId === gateway.defaultFlowId) continue;
    const condition = process.flows[flowId].condition;
    if (condition === undefined) return { flowId };
    const result = evaluateBoolean(condition, variables);
    if (!result.ok) {
      return failure(
        'CONDITION_ERROR',
        `Element '${gateway.id}': failed to evaluate the condition of sequence flow '${flowId}': ${result.message}`,
      );
    }
    if (result.value) return { flowId };
  }
  if (gateway.defaultFlowId) return { flowId: gateway.defaultFlowId };
  if (gateway.outgoing.length === 0) return {};
  return failure(
    'CONDITION_ERROR',
    `Element '${gateway.id}': expected at least one condition to evaluate to true, or to have a default flow`,
  );
}

/** Exclusive gateway: chooses one path while activating (an incident if none), takes it on completion. */
export const exclusiveGatewayProcessor: ElementProcessor = {
  onActivate(element, instance, lifecycle) {
    const selected = selectFlow(
      lifecycle.context.process,
      element,
      lifecycle.state.visibleVariables(instance.flowScopeKey!),
    );
    if ('errorType' in selected) return selected;
    instance.selectedFlowId = selected.flowId;
    lifecycle.toActivated(instance);
    lifecycle.complete(instance);
    return undefined;
  },

  onComplete(element, instance, lifecycle) {
    const selected = instance.selectedFlowId;
    const failed = lifecycle.toCompleted(element, instance);
    if (failed) return failed;
    lifecycle.takeOutgoingFlows(element, instance, selected ? [selected] : []);
    return undefined;
  },

  onTerminate(_element, instance, lifecycle) {
    lifecycle.toTerminated(instance);
  },
};
