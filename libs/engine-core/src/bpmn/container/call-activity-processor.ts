import { evaluateString } from '@brobygger/feel';
import type { ElementProcessor } from '../element-processor';
import { failure } from '../../processing/failure';

/**
 * Call activity: starts an instance of the called process (in the same transaction, as a
 * follow-up) and completes when that child completes. The child receives every variable visible
 * at the call activity (or only its input mappings when propagateAllParentVariables is false) and
 * hands back all of its variables unless propagateAllChildVariables is false.
 */
export const callActivityProcessor: ElementProcessor = {
  onActivate(element, instance, lifecycle) {
    const called = element.calledElement!;
    const { state, context } = lifecycle;
    const processId = evaluateString(called.processId, state.visibleVariables(instance.key));
    if (!processId.ok) {
      return failure(
        'EXTRACT_VALUE_ERROR',
        `Element '${element.id}': failed to evaluate the called process id: ${processId.message}`,
      );
    }
    const variables =
      called.propagateAllParentVariables === false
        ? { ...state.localVariables(instance.key) }
        : state.visibleVariables(instance.key);
    const bindingType = (called.bindingType ?? 'latest') as 'latest' | 'deployment' | 'versionTag';
    // Stays ACTIVATING until the child exists; the follow-up activates it or raises an incident.
    context.effects.followUps.push({
      kind: 'create-child',
      parentProcessInstanceKey: context.info.processInstanceKey,
      parentElementInstanceKey: instance.key,
      processId: processId.value,
      bindingType,
      versionTag: called.versionTag,
      variables,
    });
    return undefined;
  },

  onComplete(element, instance, lifecycle) {
    const failed = lifecycle.toCompleted(element, instance);
    if (failed) return failed;
    lifecycle.takeOutgoingFlows(element, instance);
    return undefined;
  },

  onTerminate(_element, instance, lifecycle) {
    if (instance.childProcessInstanceKey) {
      lifecycle.context.effects.followUps.push({
        kind: 'terminate-child',
        childProcessInstanceKey: instance.childProcessInstanceKey,
      });
    }
    lifecycle.toTerminated(instance);
  },
};
