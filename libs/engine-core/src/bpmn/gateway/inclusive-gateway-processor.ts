import type { ElementProcessor } from '../element-processor';
import { selectFlows } from './flow-conditions';

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
      { first: false },
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
