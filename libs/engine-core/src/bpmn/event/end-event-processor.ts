import { evaluateString } from '@brobygger/feel';
import type { ElementProcessor } from '../element-processor';
import { passThroughProcessor } from '../pass-through-processor';
import { throwError, unhandledErrorMessage } from '../../behaviors/errors';
import { failure } from '../../processing/failure';

/**
 * A none end event ends its path. A terminate end event also terminates everything else in its
 * scope; the scope completes once the terminations are through. An error end event throws its
 * error to the nearest catch event; uncaught, it is an incident on the end event.
 */
export const endEventProcessor: ElementProcessor = {
  onActivate(element, instance, lifecycle) {
    const definition = element.eventDefinition;
    if (definition?.type !== 'error') return passThroughProcessor.onActivate(element, instance, lifecycle);
    const code = evaluateString(definition.errorCode ?? '', lifecycle.state.visibleVariables(instance.key));
    if (!code.ok) {
      return failure(
        'EXTRACT_VALUE_ERROR',
        `Element '${element.id}': failed to evaluate the error code: ${code.message}`,
      );
    }
    const thrown = { errorCode: code.value, errorMessage: '', variables: {} };
    const outcome = throwError(lifecycle, instance, thrown);
    if (outcome === 'uncaught') return failure('UNHANDLED_ERROR_EVENT', unhandledErrorMessage(thrown));
    lifecycle.toActivated(instance);
    return undefined;
  },
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
