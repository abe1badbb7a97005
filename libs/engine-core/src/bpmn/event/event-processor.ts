import { variableMapping } from '../../behaviors/variable-mapping';
import type { ElementProcessor } from '../element-processor';
import { passThroughProcessor } from '../pass-through-processor';

/**
 * Catch events: start events (also of event sub-processes), boundary events, intermediate catch
 * events and receive tasks. Started by their event (its variables arrive as the trigger), they
 * take its variables and complete at once; an intermediate catch event or receive task reached by
 * a sequence flow waits until its event fires (see processing/event-trigger.ts).
 */
export const eventProcessor: ElementProcessor = {
  onActivate(element, instance, lifecycle) {
    const trigger = lifecycle.state.takeTrigger(instance.key);
    lifecycle.toActivated(instance);
    const waits = element.kind === 'intermediateCatchEvent' || element.kind === 'receiveTask';
    if (trigger === undefined && waits) return undefined;
    variableMapping.mergeResult(element, lifecycle.state, instance.key, trigger ?? {});
    lifecycle.complete(instance);
    return undefined;
  },
  onComplete: passThroughProcessor.onComplete,
  onTerminate: passThroughProcessor.onTerminate,
};
