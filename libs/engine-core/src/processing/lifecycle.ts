import type { ExecutableElement } from '@brobygger/bpmn';
import type { ElementInstance, ElementType } from '../state/instance-document';
import type { ContainerProcessor, ElementProcessor } from '../bpmn/element-processor';
import type { Variables } from '../api';
import { eventsOf, eventSubscriptions, isFailure } from '../behaviors/event-subscriptions';
import { incidents } from '../behaviors/incidents';
import { variableMapping } from '../behaviors/variable-mapping';
import { multiInstance } from '../bpmn/multi-instance/multi-instance-behavior';
import { arriveAtInclusiveJoin, fireReadyInclusiveJoins, isInclusiveJoin } from '../bpmn/gateway/inclusive-join';
import { processRootElement } from '../bpmn/process-root';
import { triggerEvent } from './event-trigger';
import type { Failure } from './failure';
import type { ProcessingContext } from './processing-context';

/** More steps than this without reaching a wait state is a loop in the model, not work. */
const MAX_STEPS_PER_COMMAND = 100_000;

export class RunawayInstanceError extends Error {}

/**
 * The shared state-transition behaviour and the instance's work loop: every element kind moves
 * through the same states here, each transition written to the record, and the element's own
 * processor is asked only for what differs.
 */
export class Lifecycle {
  constructor(
    readonly context: ProcessingContext,
    private readonly processors: (type: ElementType, element: ExecutableElement) => ElementProcessor,
  ) {}

  get state() {
    return this.context.state;
  }

  /** The model of an element instance: the process's own pseudo-element for the root. */
  model(instance: ElementInstance): ExecutableElement {
    const element = this.context.element(instance.elementId);
    if (instance.type === 'process' || !element) return this.processElement();
    return instance.type === 'multiInstanceBody' ? multiInstance.bodyModel(element) : element;
  }

  processElement(): ExecutableElement {
    return processRootElement(this.context.process);
  }

  // --- commands for the work queue -------------------------------------------------------------

  /** Queues the activation of an element; `trigger` carries the variables of the event that starts it. */
  activate(
    elementId: string,
    flowScopeKey: string | undefined,
    key = this.context.keys.next(),
    trigger?: Variables,
  ): string {
    if (trigger !== undefined) this.state.setTrigger(key, trigger);
    this.context.queue.push({ kind: 'activate', key, elementId, flowScopeKey });
    return key;
  }

  /** Queues an event that fired for `ownerKey` (a timer, a message, a signal). */
  trigger(ownerKey: string, targetElementId: string, variables: Variables): void {
    this.context.queue.push({ kind: 'trigger', ownerKey, targetElementId, variables });
  }

  complete(instance: ElementInstance): void {
    this.context.queue.push({ kind: 'complete', key: instance.key });
  }

  terminate(instance: ElementInstance): void {
    this.context.queue.push({ kind: 'terminate', key: instance.key });
  }

  /** Works the queue until every path waits (a job, a join) or the instance has ended. */
  run(): void {
    let steps = 0;
    for (let step = this.nextStep(); step; step = this.nextStep()) {
      if (++steps > MAX_STEPS_PER_COMMAND) {
        throw new RunawayInstanceError(
          `process instance ${this.context.info.processInstanceKey} took more than ${MAX_STEPS_PER_COMMAND} steps without waiting: the model loops without a wait state`,
        );
      }
      if (step.kind === 'activate') this.runActivate(step.key, step.elementId, step.flowScopeKey);
      else if (step.kind === 'trigger') triggerEvent(this, step.ownerKey, step.targetElementId, step.variables);
      else {
        const instance = this.state.element(step.key);
        if (!instance) continue; // ended meanwhile, e.g. terminated by a terminate end event
        if (step.kind === 'complete' && instance.state === 'ACTIVATED') this.runComplete(instance);
        if (step.kind === 'terminate' && instance.state !== 'TERMINATING') this.runTerminate(instance);
      }
    }
  }

  /**
   * The next step of the queue. Waiting inclusive joins are re-checked once the queue has run dry:
   * by then every token that moved or ended in this command has done so (a path ended at an end
   * event, a task completed, a fork queued all its branches), so this one check covers all those
   * hooks and costs nothing when no inclusive join waits. A join that fires queues its activation.
   */
  private nextStep() {
    return this.context.queue.shift() ?? (fireReadyInclusiveJoins(this) ? this.context.queue.shift() : undefined);
  }

  private runActivate(key: string, elementId: string, flowScopeKey: string | undefined): void {
    const isProcess = flowScopeKey === undefined;
    if (!isProcess && !this.acceptsActivation(flowScopeKey, elementId)) {
      this.state.takeTrigger(key);
      return;
    }
    const element = isProcess ? this.processElement() : this.context.element(elementId)!;
    const instance: ElementInstance = {
      key,
      elementId,
      type: isProcess ? 'process' : element.kind,
      state: 'ACTIVATING',
      flowScopeKey,
    };
    multiInstance.shape(this.state, element, instance); // a multi-instance body, or an inner instance
    this.state.addElement(instance);
    this.record(instance, 'ELEMENT_ACTIVATING');
    this.retryActivation(instance);
  }

  /**
   * Activation proper: input mappings, the subscriptions to the events the element waits for, then
   * the element's own work. Re-run when its incident is resolved.
   */
  retryActivation(instance: ElementInstance): void {
    const element = this.model(instance);
    const inputsFailed =
      instance.flowScopeKey !== undefined
        ? variableMapping.applyInputs(element, this.state, instance.key, multiInstance.inputScope(instance))
        : undefined;
    if (inputsFailed) return this.fail(instance, inputsFailed);
    // An element started by its event (after an event-based gateway) does not wait for it again.
    const events = this.state.document.triggers?.[instance.key]
      ? []
      : eventsOf(this.context.process, element, instance);
    const subscriptions = eventSubscriptions.prepare(this.context, instance, events);
    if (isFailure(subscriptions)) return this.fail(instance, subscriptions);
    const failed = this.processorOf(instance).onActivate(element, instance, this);
    if (failed) return this.fail(instance, failed);
    eventSubscriptions.open(this.context, instance, subscriptions);
  }

  private runComplete(instance: ElementInstance): void {
    instance.state = 'COMPLETING';
    this.record(instance, 'ELEMENT_COMPLETING');
    this.retryCompletion(instance);
  }

  retryCompletion(instance: ElementInstance): void {
    const failed = this.processorOf(instance).onComplete(this.model(instance), instance, this);
    if (failed) this.fail(instance, failed);
  }

  private runTerminate(instance: ElementInstance): void {
    instance.state = 'TERMINATING';
    this.record(instance, 'ELEMENT_TERMINATING');
    if (instance.incidentKey) incidents.resolve(this.context, instance);
    this.processorOf(instance).onTerminate(this.model(instance), instance, this);
  }

  fail(instance: ElementInstance, failed: Failure): void {
    incidents.raise(this.context, instance, failed);
  }

  // --- transitions, used by the processors --------------------------------------------------

  toActivated(instance: ElementInstance): void {
    instance.state = 'ACTIVATED';
    this.record(instance, 'ELEMENT_ACTIVATED');
  }

  /** Output mappings, then COMPLETED; the caller continues the path (takeOutgoingFlows). */
  toCompleted(element: ExecutableElement, instance: ElementInstance): Failure | undefined {
    if (instance.flowScopeKey !== undefined) {
      const failed = variableMapping.applyOutputs(element, this.state, instance.key, instance.flowScopeKey);
      if (failed) return failed;
    }
    const collected = multiInstance.beforeInnerCompleted(this.state, element, instance);
    if (collected) return collected;
    eventSubscriptions.close(this.context, instance);
    this.record(instance, 'ELEMENT_COMPLETED');
    this.state.removeElement(instance.key);
    return undefined;
  }

  toTerminated(instance: ElementInstance): void {
    eventSubscriptions.close(this.context, instance);
    this.record(instance, 'ELEMENT_TERMINATED');
    this.state.removeElement(instance.key);
    if (instance.flowScopeKey === undefined) return;
    // An interrupting boundary event takes the activity's place in its scope before the scope
    // looks at whether anything is left in it.
    const boundary = instance.interruptedBy;
    if (boundary && this.context.element(boundary.elementId)?.kind === 'boundaryEvent') {
      this.activate(boundary.elementId, instance.flowScopeKey, undefined, boundary.variables);
      return;
    }
    const scope = this.state.element(instance.flowScopeKey);
    if (scope) this.container(scope).onChildTerminated(scope, this);
  }

  /** Takes the given flows (all outgoing ones by default); with none, this path of the scope ends. */
  takeOutgoingFlows(element: ExecutableElement, instance: ElementInstance, flowIds = element.outgoing): void {
    const flowScopeKey = instance.flowScopeKey!;
    // An inner instance of a multi-instance activity ends its iteration; its body takes the flows.
    if (multiInstance.isInner(instance)) return this.pathEnded(flowScopeKey);
    for (const flowId of flowIds) this.takeFlow(flowId, flowScopeKey, element);
    if (flowIds.length === 0) this.pathEnded(flowScopeKey);
  }

  pathEnded(flowScopeKey: string): void {
    const scope = this.state.element(flowScopeKey);
    if (scope) this.container(scope).onChildCompleted(scope, this);
  }

  takeFlow(flowId: string, flowScopeKey: string, source: ExecutableElement, trigger?: Variables): void {
    const flow = this.context.process.flows[flowId];
    const target = this.context.element(flow.targetId)!;
    this.context.effects.record({
      key: this.context.keys.next(),
      valueType: 'PROCESS_INSTANCE',
      intent: 'SEQUENCE_FLOW_TAKEN',
      elementId: flowId,
      elementType: 'sequenceFlow',
      flowScopeKey,
      payload: { sourceId: source.id, targetId: target.id },
    });
    if (target.kind === 'parallelGateway' && target.incoming.length > 1) {
      this.arriveAtJoin(target, flowId, flowScopeKey);
    } else if (isInclusiveJoin(target)) {
      arriveAtInclusiveJoin(this, target, flowId, flowScopeKey);
    } else {
      this.activate(target.id, flowScopeKey, undefined, trigger);
    }
  }

  /** A parallel join activates once a token has arrived on every incoming flow. */
  private arriveAtJoin(gateway: ExecutableElement, flowId: string, flowScopeKey: string): void {
    const counts = this.state.joinCounts(flowScopeKey, gateway.id);
    counts[flowId] = (counts[flowId] ?? 0) + 1;
    if (!gateway.incoming.every((incoming) => (counts[incoming] ?? 0) > 0)) return;
    for (const incoming of gateway.incoming) {
      counts[incoming] -= 1;
      if (counts[incoming] === 0) delete counts[incoming];
    }
    this.activate(gateway.id, flowScopeKey);
  }

  /**
   * A token on its way into a scope that is being terminated, or that an interrupting event
   * sub-process has taken over, is dropped (as Zeebe rejects such activations).
   */
  private acceptsActivation(flowScopeKey: string, elementId: string): boolean {
    const scope = this.state.element(flowScopeKey);
    if (!scope || scope.state !== 'ACTIVATED') return false;
    const interruptedBy = scope.interruptedBy && this.context.element(scope.interruptedBy.elementId);
    return !interruptedBy || interruptedBy.parentId === elementId;
  }

  /**
   * Whether a scope has nothing left to do: no child element instances, no tokens parked at a
   * join, and no activation queued for it (a token on a sequence flow is still alive).
   */
  isScopeEmpty(scopeKey: string): boolean {
    return (
      this.state.children(scopeKey).length === 0 &&
      !this.state.hasWaitingTokens(scopeKey) &&
      !this.context.queue.some((step) => step.kind === 'activate' && step.flowScopeKey === scopeKey)
    );
  }

  container(scope: ElementInstance): ContainerProcessor {
    return this.processorOf(scope) as ContainerProcessor;
  }

  processorOf(instance: ElementInstance): ElementProcessor {
    return this.processors(instance.type, this.model(instance));
  }

  record(instance: ElementInstance, intent: string): void {
    this.context.effects.record({
      key: instance.key,
      valueType: 'PROCESS_INSTANCE',
      intent,
      elementId: instance.elementId,
      elementType: instance.type,
      flowScopeKey: instance.flowScopeKey,
    });
  }
}
