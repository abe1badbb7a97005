import type { Variables } from '../api';
import { eventSubscriptions } from '../behaviors/event-subscriptions';
import { variableMapping } from '../behaviors/variable-mapping';
import type { ElementInstance } from '../state/instance-document';
import type { Lifecycle } from './lifecycle';

/**
 * An event fired for an element instance that waits for it (Zeebe's event trigger): the owner is a
 * catch event or receive task (it completes), an event-based gateway (it takes that event's path),
 * an activity with a boundary event, or a scope with an event sub-process. A trigger for an owner
 * that is no longer waiting is dropped: its subscription was already closed in the same instant.
 */
export function triggerEvent(
  lifecycle: Lifecycle,
  ownerKey: string,
  targetElementId: string,
  variables: Variables,
): boolean {
  const { context, state } = lifecycle;
  const owner = state.element(ownerKey);
  const target = context.element(targetElementId);
  if (!owner || owner.state !== 'ACTIVATED' || !target) return false;
  if (owner.interruptedBy) return false;
  context.effects.record({
    key: ownerKey,
    valueType: 'PROCESS_INSTANCE',
    intent: 'EVENT_TRIGGERED',
    elementId: targetElementId,
    elementType: target.kind,
    payload: { ownerElementId: owner.elementId },
  });

  if (target.id === owner.elementId) {
    // A waiting catch event or receive task: the event completes it.
    eventSubscriptions.close(context, owner);
    variableMapping.mergeResult(target, state, owner.key, variables);
    lifecycle.complete(owner);
  } else if (owner.type === 'eventBasedGateway') {
    eventSubscriptions.close(context, owner);
    owner.triggeredBy = { elementId: target.id, variables };
    lifecycle.complete(owner);
  } else if (target.kind === 'boundaryEvent') {
    triggerBoundaryEvent(lifecycle, owner, target.id, target.interrupting !== false, variables);
  } else {
    triggerEventSubProcess(lifecycle, owner, target.id, target.interrupting !== false, variables);
  }
  return true;
}

function triggerBoundaryEvent(
  lifecycle: Lifecycle,
  activity: ElementInstance,
  boundaryId: string,
  interrupting: boolean,
  variables: Variables,
): void {
  if (!interrupting) {
    lifecycle.activate(boundaryId, activity.flowScopeKey, undefined, variables);
    return;
  }
  eventSubscriptions.close(lifecycle.context, activity);
  activity.interruptedBy = { elementId: boundaryId, variables };
  lifecycle.terminate(activity);
}

/**
 * An event sub-process starts inside `scope`. An interrupting one first terminates everything else
 * in the scope (and closes the scope's other subscriptions); it starts once they are gone.
 */
export function triggerEventSubProcess(
  lifecycle: Lifecycle,
  scope: ElementInstance,
  startEventId: string,
  interrupting: boolean,
  variables: Variables,
): void {
  const eventSubProcessId = lifecycle.context.element(startEventId)!.parentId!;
  if (!interrupting) {
    lifecycle.activate(eventSubProcessId, scope.key, undefined, variables);
    return;
  }
  eventSubscriptions.close(lifecycle.context, scope);
  scope.interruptedBy = { elementId: startEventId, variables };
  lifecycle.state.clearWaitingTokens(scope.key);
  const children = lifecycle.state.children(scope.key);
  for (const child of children) lifecycle.terminate(child);
  if (children.length === 0) startInterruptingEventSubProcess(lifecycle, scope);
}

/** Called once an interrupted scope's children are all gone. */
export function startInterruptingEventSubProcess(lifecycle: Lifecycle, scope: ElementInstance): void {
  const interruptedBy = scope.interruptedBy!;
  const eventSubProcessId = lifecycle.context.element(interruptedBy.elementId)!.parentId!;
  lifecycle.activate(eventSubProcessId, scope.key, undefined, interruptedBy.variables);
}
