import type { ContainerProcessor } from '../element-processor';
import type { Lifecycle } from '../../processing/lifecycle';
import type { ElementInstance } from '../../state/instance-document';
import { containerBehavior } from './container-behavior';

/**
 * An embedded sub-process (and an event sub-process, which starts at the start event whose
 * event fired, carrying that event's variables): a scope of its own inside its parent scope.
 */
export const subProcessProcessor: ContainerProcessor = {
  onActivate(element, instance, lifecycle) {
    lifecycle.toActivated(instance);
    const trigger = lifecycle.state.takeTrigger(instance.key);
    const startEventId = element.startEventIds![0];
    lifecycle.activate(startEventId, instance.key, undefined, trigger);
    return undefined;
  },

  onComplete(element, instance, lifecycle) {
    const failed = lifecycle.toCompleted(element, instance);
    if (failed) return failed;
    lifecycle.takeOutgoingFlows(element, instance);
    return undefined;
  },

  onTerminate(_element, instance, lifecycle) {
    if (containerBehavior.terminateChildren(instance, lifecycle)) lifecycle.toTerminated(instance);
  },

  onChildCompleted: containerBehavior.onChildCompleted,

  onChildTerminated(scope: ElementInstance, lifecycle: Lifecycle) {
    containerBehavior.onChildTerminated(scope, lifecycle, () => lifecycle.toTerminated(scope));
  },
};
