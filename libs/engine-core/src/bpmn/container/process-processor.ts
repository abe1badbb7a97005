import type { ContainerProcessor } from '../element-processor';
import type { Lifecycle } from '../../processing/lifecycle';
import type { ElementInstance } from '../../state/instance-document';
import { containerBehavior } from './container-behavior';

/**
 * The process itself: activating it starts the none start event (or the elements a
 * CreateProcessInstance start instruction names, or the start event that an event fired); it
 * completes when no path in it is left.
 */
export const processProcessor: ContainerProcessor = {
  onActivate(_element, instance, lifecycle) {
    lifecycle.toActivated(instance);
    const { startElementIds } = lifecycle.context;
    const starts = startElementIds.length > 0 ? startElementIds : [lifecycle.context.process.noneStartEventId!];
    const trigger = lifecycle.state.takeTrigger(instance.key);
    for (const elementId of starts) lifecycle.activate(elementId, instance.key, undefined, trigger);
    return undefined;
  },

  onComplete(element, instance, lifecycle) {
    const variables = lifecycle.state.localVariables(instance.key);
    const failed = lifecycle.toCompleted(element, instance);
    if (failed) return failed;
    lifecycle.context.effects.ended = { state: 'COMPLETED', variables };
    const parent = lifecycle.context.info.parent;
    if (parent) {
      lifecycle.context.effects.followUps.push({
        kind: 'child-completed',
        parentProcessInstanceKey: parent.processInstanceKey,
        parentElementInstanceKey: parent.elementInstanceKey,
        variables,
      });
    }
    return undefined;
  },

  onTerminate(_element, instance, lifecycle) {
    if (containerBehavior.terminateChildren(instance, lifecycle)) finishTermination(instance, lifecycle);
  },

  onChildCompleted: containerBehavior.onChildCompleted,

  onChildTerminated(scope, lifecycle) {
    containerBehavior.onChildTerminated(scope, lifecycle, () => finishTermination(scope, lifecycle));
  },
};

function finishTermination(instance: ElementInstance, lifecycle: Lifecycle) {
  const variables = lifecycle.state.localVariables(instance.key);
  lifecycle.toTerminated(instance);
  lifecycle.context.effects.ended = { state: 'TERMINATED', variables };
}
