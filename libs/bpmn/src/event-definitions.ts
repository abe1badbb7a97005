import { bodyOf, child, list, localKind, str, type ModdleElement } from './moddle-types';
import type { EventDefinition } from './model';
import type { Problems } from './problems';
import { extensionValues } from './zeebe-extensions';

/** The message a message event or receive task waits for, with its zeebe:subscription. */
export function messageOf(messageRef: ModdleElement | undefined): {
  messageName: string;
  correlationKey?: string;
  messageId?: string;
} {
  const subscription = extensionValues(messageRef).find((v) => v.$type === 'zeebe:Subscription');
  return {
    messageName: str(messageRef, 'name') ?? '',
    correlationKey: str(subscription, 'correlationKey'),
    messageId: str(messageRef, 'id'),
  };
}

function attr(def: ModdleElement, name: string): string | undefined {
  // Attributes newer than the installed zeebe descriptor survive only in $attrs.
  return def.$attrs?.[`zeebe:${name}`] ?? str(def, name);
}

function convert(def: ModdleElement): EventDefinition | undefined {
  switch (def.$type) {
    case 'bpmn:TerminateEventDefinition':
      return { type: 'terminate' };
    case 'bpmn:TimerEventDefinition':
      return {
        type: 'timer',
        timeDuration: bodyOf(child(def, 'timeDuration')),
        timeDate: bodyOf(child(def, 'timeDate')),
        timeCycle: bodyOf(child(def, 'timeCycle')),
      };
    case 'bpmn:MessageEventDefinition':
      return { type: 'message', ...messageOf(child(def, 'messageRef')) };
    case 'bpmn:ErrorEventDefinition':
      return {
        type: 'error',
        errorCode: str(child(def, 'errorRef'), 'errorCode'),
        errorCodeVariable: attr(def, 'errorCodeVariable'),
        errorMessageVariable: attr(def, 'errorMessageVariable'),
      };
    case 'bpmn:EscalationEventDefinition':
      return { type: 'escalation', escalationCode: str(child(def, 'escalationRef'), 'escalationCode') };
    case 'bpmn:SignalEventDefinition':
      return { type: 'signal', signalName: str(child(def, 'signalRef'), 'name') ?? '' };
    case 'bpmn:LinkEventDefinition':
      return { type: 'link', linkName: str(def, 'name') ?? '' };
    case 'bpmn:CompensateEventDefinition': {
      const wait = def.waitForCompletion;
      return {
        type: 'compensation',
        activityId: str(child(def, 'activityRef'), 'id'),
        waitForCompletion: typeof wait === 'boolean' ? wait : undefined,
      };
    }
    default:
      return undefined;
  }
}

/**
 * The single event definition of an event. Zeebe executes exactly one trigger per event,
 * so several definitions (a BPMN "multiple" event) or an unknown trigger type is refused.
 */
export function readEventDefinition(event: ModdleElement, id: string, problems: Problems): EventDefinition {
  const defs = list(event, 'eventDefinitions');
  if (list(event, 'eventDefinitionRefs').length > 0) {
    problems.element(id, 'event definitions referenced by eventDefinitionRef are not supported');
  }
  if (defs.length === 0) return { type: 'none' };
  if (defs.length > 1) {
    problems.element(
      id,
      `must have exactly one event definition, but has ${defs.length} (multiple events are not supported)`,
    );
  }
  const converted = convert(defs[0]);
  if (!converted) {
    problems.element(id, `event definitions of type '${localKind(defs[0].$type)}' are not supported`);
    return { type: 'none' };
  }
  return converted;
}

/** Raw definition, for checks that must tell a missing reference from a reference without a name. */
export function rawEventDefinition(event: ModdleElement): ModdleElement | undefined {
  return list(event, 'eventDefinitions')[0];
}
