import type { ElementProcessor } from './element-processor';

/**
 * Elements that do nothing but pass the token on: none start and intermediate throw events,
 * manual and undefined tasks, none end events (which simply have no outgoing flow).
 */
export const passThroughProcessor: ElementProcessor = {
  onActivate(_element, instance, lifecycle) {
    lifecycle.toActivated(instance);
    lifecycle.complete(instance);
    return undefined;
  },

  onComplete(element, instance, lifecycle) {
    const failed = lifecycle.toCompleted(element, instance);
    if (failed) return failed;
    lifecycle.takeOutgoingFlows(element, instance);
    return undefined;
  },

  onTerminate(_element, instance, lifecycle) {
    lifecycle.toTerminated(instance);
  },
};
