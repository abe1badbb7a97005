import { evaluateString } from '@brobygger/feel';
import { throwEscalation } from '../../behaviors/escalations';
import { failure } from '../../processing/failure';
import type { ElementProcessor } from '../element-processor';
import { passThroughProcessor } from '../pass-through-processor';
import { endEventProcessor } from './end-event-processor';

/**
 * Escalation intermediate throw events and end events: the escalation is thrown while
 * activating. Caught by an interrupting event, the thrower waits to be terminated with its
 * scope; otherwise (caught by a non-interrupting event, or not caught at all, which is no
 * incident) it completes and goes on like a none throw or end event.
 */
export const escalationThrowProcessor: ElementProcessor = {
  onActivate(element, instance, lifecycle) {
    const definition = element.eventDefinition as { escalationCode?: string };
    const code = evaluateString(definition.escalationCode ?? '', lifecycle.state.visibleVariables(instance.key));
    if (!code.ok) {
      return failure(
        'EXTRACT_VALUE_ERROR',
        `Element '${element.id}': failed to evaluate the escalation code: ${code.message}`,
      );
    }
    const outcome = throwEscalation(lifecycle, instance, code.value);
    lifecycle.toActivated(instance);
    if (outcome !== 'interrupted') lifecycle.complete(instance);
    return undefined;
  },

  onComplete(element, instance, lifecycle) {
    const base = element.kind === 'endEvent' ? endEventProcessor : passThroughProcessor;
    return base.onComplete(element, instance, lifecycle);
  },

  onTerminate: passThroughProcessor.onTerminate,
};
