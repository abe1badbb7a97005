import type { ExecutableElement } from '@brobygger/bpmn';
import type { Variables } from '../api';
import { eventSubProcessStarts } from './event-subscriptions';
import { triggerEventSubProcess } from '../processing/event-trigger';
import type { Lifecycle } from '../processing/lifecycle';
import type { ElementInstance } from '../state/instance-document';

export type ThrowOutcome = 'caught' | 'propagated' | 'uncaught';

export interface ThrownError {
  errorCode: string;
  errorMessage: string;
  variables: Variables;
}

/** A matching catch event: one with the same code wins over a catch-all (no code) at the same level. */
function bestCatch(events: ExecutableElement[], errorCode: string): ExecutableElement | undefined {
  const errorEvents = events.filter((e) => e.eventDefinition?.type === 'error');
  const code = (e: ExecutableElement) => (e.eventDefinition as { errorCode?: string }).errorCode;
  return errorEvents.find((e) => code(e) === errorCode) ?? errorEvents.find((e) => !code(e));
}

/** Zeebe's errorCodeVariable / errorMessageVariable on a catch event receive the caught error. */
function catchVariables(event: ExecutableElement, thrown: ThrownError): Variables {
  const definition = event.eventDefinition as { errorCodeVariable?: string; errorMessageVariable?: string };
  const variables = { ...thrown.variables };
  if (definition.errorCodeVariable) variables[definition.errorCodeVariable] = thrown.errorCode;
  if (definition.errorMessageVariable) variables[definition.errorMessageVariable] = thrown.errorMessage;
  return variables;
}

/**
 * Throws a BPMN error from an element instance and looks for the catch event from the inside out:
 * in each scope first its error event sub-processes, then the error boundary events of the
 * activity; past the process, the call activity that started it (a follow-up to the parent).
 */
export function throwError(lifecycle: Lifecycle, from: ElementInstance, thrown: ThrownError): ThrowOutcome {
  const { context, state } = lifecycle;
  for (let current: ElementInstance | undefined = from; current;) {
    const element = lifecycle.model(current);
    const isScope = current.type === 'process' || current.type === 'subProcess' || current.type === 'eventSubProcess';
    if (isScope) {
      const start = bestCatch(eventSubProcessStarts(context.process, current), thrown.errorCode);
      if (start) {
        triggerEventSubProcess(lifecycle, current, start.id, true, catchVariables(start, thrown));
        return 'caught';
      }
    }
    // An inner instance of a multi-instance activity has no boundary events: its body has them.
    const attached = current.loopCounter === undefined ? element.boundaryEventIds : [];
    const boundary = bestCatch(
      attached.map((id) => context.process.elements[id]),
      thrown.errorCode,
    );
    if (boundary && current.state === 'ACTIVATED') {
      current.interruptedBy = { elementId: boundary.id, variables: catchVariables(boundary, thrown) };
      lifecycle.terminate(current);
      return 'caught';
    }
    current = current.flowScopeKey ? state.element(current.flowScopeKey) : undefined;
  }
  const parent = context.info.parent;
  if (!parent) return 'uncaught';
  context.effects.followUps.push({
    kind: 'child-error',
    parentProcessInstanceKey: parent.processInstanceKey,
    parentElementInstanceKey: parent.elementInstanceKey,
    childProcessInstanceKey: context.info.processInstanceKey,
    throwerElementInstanceKey: from.key,
    ...thrown,
  });
  return 'propagated';
}

export function unhandledErrorMessage(thrown: ThrownError): string {
  return (
    `Expected to throw an error event with the code '${thrown.errorCode}' with message ` +
    `'${thrown.errorMessage}', but it was not caught. No error events are available in the scope.`
  );
}
