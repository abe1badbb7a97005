import type { ExecutableElement } from '@brobygger/bpmn';
import { EngineError, type ActivateInstruction, type ModifyInstanceCommand, type Variables } from '../api';
import { eventsOf, eventSubscriptions, isFailure } from '../behaviors/event-subscriptions';
import { variableMapping } from '../behaviors/variable-mapping';
import type { InstanceRunner } from '../processing/instance-runner';
import type { Lifecycle } from '../processing/lifecycle';
import type { ProcessingContext } from '../processing/processing-context';
import type { ElementInstance } from '../state/instance-document';

/** Where one activate instruction lands: an existing scope instance and the scopes to create below it. */
interface PlannedActivation {
  instruction: ActivateInstruction;
  element: ExecutableElement;
  /** An active element instance of a flow scope of the element (the process instance at least). */
  ancestorKey: string;
  /** Flow scope element ids between the ancestor and the element, outermost first: created new. */
  missingScopeIds: string[];
}

/**
 * ModifyProcessInstance, as Zeebe's process instance modification: activate elements (creating
 * the flow scopes they need) with variables, and terminate element instances. A flow scope left
 * without active element instances by a terminate instruction is terminated too, up to the process
 * instance, which then ends as TERMINATED. Every instruction is checked before anything changes, and
 * the whole request is one transaction, so it is applied completely or not at all.
 */
export class ModificationCommands {
  constructor(private readonly runner: InstanceRunner) {}

  modify(command: ModifyInstanceCommand): Promise<void> {
    const { processInstanceKey } = command;
    const notFound = `Expected to modify process instance but no process instance found with key '${processInstanceKey}'`;
    return this.runner.run(async (unit) => {
      const { context, lifecycle } = await unit.open(processInstanceKey, notFound);
      const activations = planActivations(context, command.activateInstructions);
      const terminations = checkTerminations(context, command.terminateInstructions);

      context.effects.record({
        key: context.keys.next(),
        valueType: 'PROCESS_INSTANCE_MODIFICATION',
        intent: 'MODIFIED',
        payload: {
          activateInstructions: command.activateInstructions.map((i) => ({
            elementId: i.elementId,
            ancestorElementInstanceKey: i.ancestorElementInstanceKey ?? null,
            // Names only: values may be personal data, and the record is kept for years.
            variableInstructions: i.variableInstructions.map((v) => ({
              scopeId: v.scopeId ?? '',
              names: Object.keys(v.variables),
            })),
          })),
          terminateInstructions: terminations.map((t) => ({ elementInstanceKey: t.key })),
        },
      });

      for (const activation of activations) activate(context, lifecycle, activation);
      for (const instance of terminations) lifecycle.terminate(instance);
      lifecycle.run();
      terminateEmptiedScopes(lifecycle, terminations);

      if (context.effects.ended && context.info.parent) {
        throw new EngineError(
          'FAILED_PRECONDITION',
          `Expected to modify process instance '${processInstanceKey}', but the modification would end it, and it was created by the call activity of process instance '${context.info.parent.processInstanceKey}'. Modify or cancel the root process instance instead.`,
        );
      }
    });
  }
}

function rejected(context: ProcessingContext, problems: string[]): EngineError {
  return new EngineError(
    'INVALID_ARGUMENT',
    `Expected to modify instance of process '${context.info.bpmnProcessId}' but it contains ${problems.join('; ')}`,
  );
}

const list = (values: Iterable<string>) => [...new Set(values)].map((v) => `'${v}'`).join(', ');

/** The element's flow scopes, innermost first (the process itself is not listed). */
function flowScopeIds(context: ProcessingContext, element: ExecutableElement): string[] {
  const ids: string[] = [];
  for (let id = element.parentId; id !== undefined; id = context.element(id)?.parentId) ids.push(id);
  return ids;
}

function activeInstancesOf(context: ProcessingContext, elementId: string): ElementInstance[] {
  return Object.values(context.state.document.elements).filter(
    (e) => e.elementId === elementId && e.type !== 'process' && e.state === 'ACTIVATED',
  );
}

/** Why an element cannot be activated by a modification, if it cannot. */
function unsupportedReason(context: ProcessingContext, element: ExecutableElement): string | undefined {
  if (element.kind === 'boundaryEvent') return 'boundary events are activated by their event only';
  const parent = element.parentId !== undefined ? context.element(element.parentId) : undefined;
  if (element.kind === 'startEvent' && parent?.kind === 'eventSubProcess') {
    return 'the start event of an event sub-process is activated by its event only';
  }
  const afterEventGateway = element.incoming.some(
    (flowId) => context.element(context.process.flows[flowId]?.sourceId ?? '')?.kind === 'eventBasedGateway',
  );
  if (afterEventGateway) return 'events after an event-based gateway are activated by the gateway only';
  return undefined;
}

function planActivations(context: ProcessingContext, instructions: ActivateInstruction[]): PlannedActivation[] {
  const problems = {
    unknown: [] as string[],
    unsupported: [] as string[],
    multiInstance: [] as string[],
    ancestorMissing: [] as string[],
    notAncestor: [] as string[],
    ambiguous: [] as string[],
    unknownScope: [] as string[],
    foreignScope: [] as string[],
  };
  const planned: PlannedActivation[] = [];
  const rootKey = context.info.processInstanceKey;
  for (const instruction of instructions) {
    const element = context.element(instruction.elementId);
    if (!element) {
      problems.unknown.push(instruction.elementId);
      continue;
    }
    const unsupported = unsupportedReason(context, element);
    if (unsupported) {
      problems.unsupported.push(`'${element.id}' (${unsupported})`);
      continue;
    }
    const scopes = flowScopeIds(context, element);
    if (scopes.some((id) => context.element(id)?.multiInstance)) {
      problems.multiInstance.push(element.id);
      continue;
    }
    for (const variables of instruction.variableInstructions) {
      const scopeId = variables.scopeId ?? '';
      if (scopeId === '' || scopeId === context.process.bpmnProcessId) continue;
      if (!context.element(scopeId)) problems.unknownScope.push(scopeId);
      else if (scopeId !== element.id && !scopes.includes(scopeId)) problems.foreignScope.push(scopeId);
    }
    // The chain from the process down to the element's direct flow scope.
    const chain = [context.process.bpmnProcessId, ...[...scopes].reverse()];
    let ancestorKey: string | undefined;
    let depth = 0;
    if (instruction.ancestorElementInstanceKey !== undefined) {
      const ancestor = context.state.element(instruction.ancestorElementInstanceKey);
      if (!ancestor || ancestor.state !== 'ACTIVATED') {
        problems.ancestorMissing.push(instruction.ancestorElementInstanceKey);
        continue;
      }
      const at = ancestor.type === 'process' ? 0 : chain.indexOf(ancestor.elementId);
      if (at < 0) {
        problems.notAncestor.push(instruction.ancestorElementInstanceKey);
        continue;
      }
      ancestorKey = ancestor.key;
      depth = at;
    } else {
      // The innermost flow scope with an active instance; more than one is ambiguous.
      for (let at = chain.length - 1; at > 0 && ancestorKey === undefined; at--) {
        const active = activeInstancesOf(context, chain[at]);
        if (active.length > 1) {
          problems.ambiguous.push(chain[at]);
          ancestorKey = '';
        } else if (active.length === 1) {
          ancestorKey = active[0].key;
          depth = at;
        }
      }
      if (ancestorKey === '') continue;
      ancestorKey ??= rootKey;
    }
    planned.push({ instruction, element, ancestorKey, missingScopeIds: chain.slice(depth + 1) });
  }
  const messages = [
    problems.unknown.length > 0 &&
      `one or more activate instructions with an element that could not be found: ${list(problems.unknown)}`,
    problems.unsupported.length > 0 &&
      `one or more activate instructions for elements that are unsupported: ${[...new Set(problems.unsupported)].join(', ')}`,
    problems.multiInstance.length > 0 &&
      `one or more activate instructions for elements that are nested inside a multi-instance body: ${list(problems.multiInstance)}. Activating elements inside a multi-instance element is not supported`,
    problems.ancestorMissing.length > 0 &&
      `one or more activate instructions with an ancestor scope key that does not exist, or is not in an active state: ${list(problems.ancestorMissing)}`,
    problems.notAncestor.length > 0 &&
      `one or more activate instructions with an ancestor scope key that is not an ancestor of the element to activate: ${list(problems.notAncestor)}`,
    problems.ambiguous.length > 0 &&
      `one or more activate instructions for an element that has a flow scope with more than one active instance: ${list(problems.ambiguous)}. Can't decide in which instance of the flow scope the element should be activated. Please specify an ancestor element instance key for this activate instruction`,
    problems.unknownScope.length > 0 &&
      `one or more variable instructions with a scope element id that could not be found: ${list(problems.unknownScope)}`,
    problems.foreignScope.length > 0 &&
      `one or more variable instructions with a scope element that doesn't belong to the activating element's flow scope: ${list(problems.foreignScope)}. These variables should be set before or after the modification`,
  ].filter((m): m is string => typeof m === 'string');
  if (messages.length > 0) throw rejected(context, messages);
  return planned;
}

function checkTerminations(
  context: ProcessingContext,
  instructions: ModifyInstanceCommand['terminateInstructions'],
): ElementInstance[] {
  const unknown: string[] = [];
  const processItself: string[] = [];
  const instances: ElementInstance[] = [];
  for (const { elementInstanceKey } of instructions) {
    const instance = context.state.element(elementInstanceKey);
    if (!instance || instance.state === 'TERMINATING') unknown.push(elementInstanceKey);
    else if (instance.type === 'process') processItself.push(elementInstanceKey);
    else if (!instances.includes(instance)) instances.push(instance);
  }
  const messages = [
    unknown.length > 0 &&
      `one or more terminate instructions with an element instance that could not be found: ${list(unknown)}`,
    processItself.length > 0 &&
      `one or more terminate instructions for the process instance itself: ${list(processItself)}. Cancel the process instance instead`,
  ].filter((m): m is string => typeof m === 'string');
  if (messages.length > 0) throw rejected(context, messages);
  return instances;
}

function setVariables(context: ProcessingContext, scopeKey: string, variables: Variables): void {
  for (const [name, value] of Object.entries(variables)) context.state.setLocal(scopeKey, name, value);
}

function activate(context: ProcessingContext, lifecycle: Lifecycle, planned: PlannedActivation): void {
  const { instruction, element } = planned;
  const variablesFor = (scopeId: string) =>
    instruction.variableInstructions.filter((v) => (v.scopeId ?? '') === scopeId).map((v) => v.variables);
  const rootKey = context.info.processInstanceKey;
  for (const variables of [...variablesFor(''), ...variablesFor(context.process.bpmnProcessId)]) {
    setVariables(context, rootKey, variables);
  }
  // Variables for an existing flow scope go to the instance the element is activated in.
  for (let key: string | undefined = planned.ancestorKey; key !== undefined && key !== rootKey;) {
    const scope = context.state.requireElement(key);
    for (const variables of variablesFor(scope.elementId)) setVariables(context, key, variables);
    key = scope.flowScopeKey;
  }
  let flowScopeKey = planned.ancestorKey;
  for (const scopeId of planned.missingScopeIds) {
    flowScopeKey = activateScope(context, lifecycle, scopeId, flowScopeKey, variablesFor(scopeId));
  }
  const key = context.keys.next();
  for (const variables of variablesFor(element.id)) setVariables(context, key, variables);
  lifecycle.activate(element.id, flowScopeKey, key);
}

/**
 * A flow scope the element needs but that is not active: created ACTIVATED without starting its
 * start event (the element the instruction names is the only thing that runs in it), with its
 * input mappings and the subscriptions of its boundary events and event sub-processes.
 */
function activateScope(
  context: ProcessingContext,
  lifecycle: Lifecycle,
  elementId: string,
  flowScopeKey: string,
  variables: Variables[],
): string {
  const element = context.element(elementId)!;
  const instance: ElementInstance = {
    key: context.keys.next(),
    elementId,
    type: element.kind,
    state: 'ACTIVATING',
    flowScopeKey,
  };
  context.state.addElement(instance);
  lifecycle.record(instance, 'ELEMENT_ACTIVATING');
  for (const v of variables) setVariables(context, instance.key, v);
  const inputsFailed = variableMapping.applyInputs(element, context.state, instance.key, flowScopeKey);
  const subscriptions = inputsFailed
    ? inputsFailed
    : eventSubscriptions.prepare(context, instance, eventsOf(context.process, element, instance));
  if (isFailure(subscriptions)) {
    throw rejected(context, [
      `an activate instruction whose flow scope '${elementId}' cannot be created: ${subscriptions.message}`,
    ]);
  }
  lifecycle.toActivated(instance);
  eventSubscriptions.open(context, instance, subscriptions);
  return instance.key;
}

/**
 * A flow scope whose last element instance a terminate instruction ended has nothing left to do:
 * it is terminated too, and so on outwards; the process instance then ends as TERMINATED.
 */
function terminateEmptiedScopes(lifecycle: Lifecycle, terminated: ElementInstance[]): void {
  const { state } = lifecycle;
  const pending = [...new Set(terminated.map((t) => t.flowScopeKey!))];
  while (pending.length > 0) {
    const scope = state.element(pending.shift()!);
    if (!scope || scope.state !== 'ACTIVATED') continue;
    const leaving = state.children(scope.key).every((child) => child.state === 'TERMINATING');
    if (!leaving || state.hasWaitingTokens(scope.key) || lifecycle.context.queue.length > 0) continue;
    lifecycle.terminate(scope);
    lifecycle.run();
    if (scope.flowScopeKey !== undefined) pending.push(scope.flowScopeKey);
  }
}
