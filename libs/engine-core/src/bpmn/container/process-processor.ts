import type { ContainerProcessor } from '../element-processor';

/**
 * The process itself: activating it starts the none start event (or the elements a
 * CreateProcessInstance start instruction names); it completes when no path in it is left.
 */
export const processProcessor: ContainerProcessor = {
  onActivate(_element, instance, lifecycle) {
    lifecycle.toActivated(instance);
    const { startElementIds } = lifecycle.context;
    const starts = startElementIds.length > 0 ? startElementIds : [lifecycle.context.process.noneStartEventId!];
    for (const elementId of starts) lifecycle.activate(elementId, instance.key);
    return undefined;
  },

  onComplete(element, instance, lifecycle) {
    const variables = lifecycle.state.localVariables(instance.key);
    const failed = lifecycle.toCompleted(element, instance);
    if (failed) return failed;
    lifecycle.context.effects.ended = { state: 'COMPLETED', variables };
    return undefined;
  },

  onTerminate(_element, instance, lifecycle) {
    const children = lifecycle.state.children(instance.key);
    if (children.length === 0) return finishTermination(instance, lifecycle);
    for (const child of children) lifecycle.terminate(child);
  },

  onChildCompleted(scope, lifecycle) {
    if (scope.state === 'ACTIVATED' && lifecycle.isScopeEmpty(scope.key)) lifecycle.complete(scope);
  },

  onChildTerminated(scope, lifecycle) {
    if (scope.state === 'TERMINATING' && lifecycle.state.children(scope.key).length === 0) {
      finishTermination(scope, lifecycle);
    } else if (scope.state === 'ACTIVATED' && scope.completeWhenEmpty && lifecycle.isScopeEmpty(scope.key)) {
      lifecycle.complete(scope);
    }
  },
};

function finishTermination(
  instance: Parameters<ContainerProcessor['onTerminate']>[1],
  lifecycle: Parameters<ContainerProcessor['onTerminate']>[2],
) {
  const variables = lifecycle.state.localVariables(instance.key);
  lifecycle.toTerminated(instance);
  lifecycle.context.effects.ended = { state: 'TERMINATED', variables };
}
