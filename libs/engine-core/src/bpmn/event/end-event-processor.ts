import type { ElementProcessor } from '../element-processor';
import { passThroughProcessor } from '../pass-through-processor';

/**
 * A none end event ends its path. A terminate end event also terminates everything else in its
 * scope; the scope completes once the terminations are through.
 */
export const endEventProcessor: ElementProcessor = {
  onActivate: passThroughProcessor.onActivate,
  onTerminate: passThroughProcessor.onTerminate,

  onComplete(element, instance, lifecycle) {
    const flowScopeKey = instance.flowScopeKey!;
    const failed = lifecycle.toCompleted(element, instance);
    if (failed) return failed;
    if (element.eventDefinition?.type === 'terminate') {
      const scope = lifecycle.state.requireElement(flowScopeKey);
      scope.completeWhenEmpty = true;
      lifecycle.state.clearWaitingTokens(flowScopeKey);
      for (const sibling of lifecycle.state.children(flowScopeKey)) lifecycle.terminate(sibling);
    }
    lifecycle.pathEnded(flowScopeKey);
    return undefined;
  },
};
