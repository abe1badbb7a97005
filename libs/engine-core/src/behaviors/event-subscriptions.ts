import type { ExecutableElement, ExecutableProcess } from '@brobygger/bpmn';
import { evaluate, evaluateString } from '@brobygger/feel';
import type { Variables } from '../api';
import type { NewMessageSubscription, NewSignalSubscription, NewTimer } from '../processing/effects';
import { Failure, failure } from '../processing/failure';
import type { ProcessingContext } from '../processing/processing-context';
import type { ElementInstance } from '../state/instance-document';
import { scheduleTimer, type TimerDefinition } from '../timers';

type Prepared = { timers: NewTimer[]; messages: NewMessageSubscription[]; signals: NewSignalSubscription[] };

const SUBSCRIBED_EVENTS = new Set(['timer', 'message', 'signal']);

function isSubscribed(event: ExecutableElement | undefined): event is ExecutableElement {
  return !!event && SUBSCRIBED_EVENTS.has(event.eventDefinition?.type ?? '');
}

/** The start events of the event sub-processes directly inside a scope. */
export function eventSubProcessStarts(process: ExecutableProcess, scope: ElementInstance): ExecutableElement[] {
  const ids =
    scope.type === 'process'
      ? process.eventSubProcessIds
      : (process.elements[scope.elementId]?.childElementIds ?? []).filter(
          (id) => process.elements[id]?.kind === 'eventSubProcess',
        );
  return ids.flatMap((id) => (process.elements[id]?.startEventIds ?? []).map((startId) => process.elements[startId]));
}

/**
 * The events an element instance waits for while it is active: its own (a catch event, a receive
 * task), those after it (an event-based gateway), the timer, message and signal boundary events
 * attached to it, and, for a scope, the start events of its event sub-processes.
 */
export function eventsOf(process: ExecutableProcess, element: ExecutableElement, instance: ElementInstance) {
  const events: ExecutableElement[] = [];
  if (instance.type === 'intermediateCatchEvent' || instance.type === 'receiveTask') events.push(element);
  if (instance.type === 'eventBasedGateway') {
    events.push(...element.outgoing.map((flowId) => process.elements[process.flows[flowId].targetId]));
  }
  // The boundary events of a multi-instance activity belong to its body, not to the inner instances.
  if (instance.loopCounter === undefined) events.push(...element.boundaryEventIds.map((id) => process.elements[id]));
  if (instance.type === 'process' || instance.type === 'subProcess' || instance.type === 'eventSubProcess') {
    events.push(...eventSubProcessStarts(process, instance));
  }
  return events.filter(isSubscribed);
}

function timerDefinition(event: ExecutableElement): TimerDefinition {
  const definition = event.eventDefinition as { timeDuration?: string; timeDate?: string; timeCycle?: string };
  if (definition.timeDuration) return { kind: 'duration', raw: definition.timeDuration };
  if (definition.timeDate) return { kind: 'date', raw: definition.timeDate };
  return { kind: 'cycle', raw: definition.timeCycle ?? '' };
}

/** Zeebe accepts a string or a number as correlation key, and turns a number into text. */
function correlationKeyOf(event: ExecutableElement, raw: string, variables: Variables): Failure | string {
  const result = evaluate(raw, variables);
  if (result.ok && (typeof result.value === 'string' || typeof result.value === 'number')) return String(result.value);
  const reason = result.ok ? `it is ${result.value === null ? 'null' : typeof result.value}` : result.message;
  return failure(
    'EXTRACT_VALUE_ERROR',
    `Element '${event.id}': failed to extract the correlation key from '${raw}': expected a string or a number, but ${reason}`,
  );
}

export const eventSubscriptions = {
  /** Evaluates every subscription an element instance needs; nothing is changed yet. */
  prepare(context: ProcessingContext, instance: ElementInstance, events: ExecutableElement[]): Prepared | Failure {
    const prepared: Prepared = { timers: [], messages: [], signals: [] };
    const variables = context.state.visibleVariables(instance.key);
    for (const event of events) {
      const definition = event.eventDefinition!;
      if (definition.type === 'timer') {
        const schedule = scheduleTimer(timerDefinition(event), variables, context.now);
        if (!schedule.ok) return failure('EXTRACT_VALUE_ERROR', `Element '${event.id}': ${schedule.message}`);
        prepared.timers.push({
          key: context.keys.next(),
          ownerKey: instance.key,
          targetElementId: event.id,
          dueAt: schedule.value.dueAt,
          repetitions: schedule.value.repetitions,
          interval: schedule.value.interval,
        });
      } else if (definition.type === 'message') {
        const name = evaluateString(definition.messageName, variables);
        if (!name.ok)
          return failure(
            'EXTRACT_VALUE_ERROR',
            `Element '${event.id}': failed to evaluate the message name: ${name.message}`,
          );
        const key = correlationKeyOf(event, definition.correlationKey ?? '', variables);
        if (typeof key !== 'string') return key;
        prepared.messages.push({
          key: context.keys.next(),
          ownerKey: instance.key,
          targetElementId: event.id,
          messageName: name.value,
          correlationKey: key,
          interrupting: event.interrupting !== false,
        });
      } else if (definition.type === 'signal') {
        const name = evaluateString(definition.signalName, variables);
        if (!name.ok)
          return failure(
            'EXTRACT_VALUE_ERROR',
            `Element '${event.id}': failed to evaluate the signal name: ${name.message}`,
          );
        prepared.signals.push({
          key: context.keys.next(),
          ownerKey: instance.key,
          targetElementId: event.id,
          signalName: name.value,
        });
      }
    }
    return prepared;
  },

  open(context: ProcessingContext, instance: ElementInstance, prepared: Prepared): void {
    const { effects } = context;
    effects.newTimers.push(...prepared.timers);
    effects.newMessageSubscriptions.push(...prepared.messages);
    effects.newSignalSubscriptions.push(...prepared.signals);
    if (prepared.timers.length + prepared.messages.length + prepared.signals.length > 0)
      instance.hasSubscriptions = true;
  },

  close(context: ProcessingContext, instance: ElementInstance): void {
    if (!instance.hasSubscriptions) return;
    context.effects.closedSubscriptionOwners.push(instance.key);
    delete instance.hasSubscriptions;
  },
};

export function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && 'errorType' in value;
}
