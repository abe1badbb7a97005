import type { ElementProcessor } from '../element-processor';

/**
 * Event-based gateway: waits for the first of the events after it (the lifecycle subscribes to
 * them); that event's path is taken, carrying its variables into the catch event.
 */
export const eventBasedGatewayProcessor: ElementProcessor = {
  onActivate(_element, instance, lifecycle) {
    lifecycle.toActivated(instance);
    return undefined;
  },

  onComplete(element, instance, lifecycle) {
    const triggered = instance.triggeredBy!;
    const failed = lifecycle.toCompleted(element, instance);
    if (failed) return failed;
    const flowId = element.outgoing.find((id) => lifecycle.context.process.flows[id].targetId === triggered.elementId)!;
    lifecycle.takeFlow(flowId, instance.flowScopeKey!, element, triggered.variables);
    return undefined;
  },

  onTerminate(_element, instance, lifecycle) {
    lifecycle.toTerminated(instance);
  },
};
