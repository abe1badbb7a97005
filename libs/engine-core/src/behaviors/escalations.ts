import type { ExecutableElement } from '@brobygger/bpmn';
import { eventSubProcessStarts } from './event-subscriptions';
import { triggerEventSubProcess } from '../processing/event-trigger';
import type { Lifecycle } from '../processing/lifecycle';
import type { ElementInstance } from '../state/instance-document';

/**
 * What became of a thrown escalation: an interrupting catch event took over (the thrower is
 * terminated with its scope), a non-interrupting one started beside it, it went on to the parent
 * process (a call activity), or nothing caught it. Only `interrupted` stops the thrower: an
 * uncaught escalation is not an incident in Zeebe, the throw event simply completes.
 */
export type EscalationOutcome = 'interrupted' | 'continued' | 'propagated' | 'uncaught';

/** A catch event with the same code wins over a catch-all (no escalation code) at the same level. */
function bestCatch(events: ExecutableElement[], escalationCode: string): ExecutableElement | undefined {
  const escalationEvents = events.filter((e) => e.eventDefinition?.type === 'escalation');
  const code = (e: ExecutableElement) => (e.eventDefinition as { escalationCode?: string }).escalationCode;
  return escalationEvents.find((e) => code(e) === escalationCode) ?? escalationEvents.find((e) => !code(e));
}

/**
 * Throws an escalation from an element instance and looks for the catch event from the inside
 * out, as errors do (behaviors/errors.ts): in each scope first its escalation event
 * sub-processes, then the escalation boundary events of the activity; past the process, the call
 * activity that started it (a follow-up to the parent).
 */
export function throwEscalation(
  lifecycle: Lifecycle,
  from: ElementInstance,
  escalationCode: string,
): EscalationOutcome {
  const { context, state } = lifecycle;
  for (let current: ElementInstance | undefined = from; current;) {
    const element = lifecycle.model(current);
    const isScope = current.type === 'process' || current.type === 'subProcess' || current.type === 'eventSubProcess';
    if (isScope && current.state === 'ACTIVATED' && !current.interruptedBy) {
      const start = bestCatch(eventSubProcessStarts(context.process, current), escalationCode);
      if (start) {
        const interrupting = start.interrupting !== false;
        triggerEventSubProcess(lifecycle, current, start.id, interrupting, {});
        return interrupting ? 'interrupted' : 'continued';
      }
    }
    const boundary = bestCatch(
      element.boundaryEventIds.map((id) => context.process.elements[id]),
      escalationCode,
    );
    if (boundary && current.state === 'ACTIVATED' && !current.interruptedBy) {
      if (boundary.interrupting === false) {
        lifecycle.activate(boundary.id, current.flowScopeKey, undefined, {});
        return 'continued';
      }
      current.interruptedBy = { elementId: boundary.id, variables: {} };
      lifecycle.terminate(current);
      return 'interrupted';
    }
    current = current.flowScopeKey ? state.element(current.flowScopeKey) : undefined;
  }
  const parent = context.info.parent;
  if (!parent) return 'uncaught';
  context.effects.followUps.push({
    kind: 'child-escalation',
    parentProcessInstanceKey: parent.processInstanceKey,
    parentElementInstanceKey: parent.elementInstanceKey,
    escalationCode,
  });
  return 'propagated';
}
