import type { ElementProcessor } from '../element-processor';
import { selectFlows } from './flow-conditions';

/** Exclusive gateway: chooses one path while activating (an incident if none), takes it on completion. */
export const exclusiveGatewayProcessor: ElementProcessor = {
  onActivate(element, instance, lifecycle) {
    const selected = selectFlows(
      lifecycle.context.process,
      element,
      lifecycle.state.visibleVariables(instance.flowScopeKey!),
      { first: true },
    );
    if ('errorType' in selected) return selected;
    instance.selectedFlowId = selected.flowIds[0];
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
