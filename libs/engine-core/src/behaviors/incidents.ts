import type { ElementInstance } from '../state/instance-document';
import type { Failure } from '../processing/failure';
import type { ProcessingContext } from '../processing/processing-context';

/** Raising and resolving incidents on element instances (Zeebe's BpmnIncidentBehavior). */
export const incidents = {
  raise(context: ProcessingContext, instance: ElementInstance, failed: Failure, jobKey?: string): string {
    const key = context.keys.next();
    context.effects.newIncidents.push({
      key,
      errorType: failed.errorType,
      errorMessage: failed.message,
      elementInstanceKey: instance.key,
      elementId: instance.elementId,
      jobKey,
    });
    context.effects.record({
      key,
      valueType: 'INCIDENT',
      intent: 'CREATED',
      elementId: instance.elementId,
      elementType: instance.type,
      payload: { errorType: failed.errorType, errorMessage: failed.message, elementInstanceKey: instance.key, jobKey },
    });
    instance.incidentKey = key;
    return key;
  },

  resolve(context: ProcessingContext, instance: ElementInstance): void {
    const key = instance.incidentKey;
    if (!key) return;
    context.effects.resolvedIncidents.push(key);
    context.effects.record({
      key,
      valueType: 'INCIDENT',
      intent: 'RESOLVED',
      elementId: instance.elementId,
      elementType: instance.type,
      payload: { elementInstanceKey: instance.key },
    });
    delete instance.incidentKey;
  },
};
