import type { ExecutableElement, MultiInstanceSpec } from '@brobygger/bpmn';
import { evaluate, evaluateBoolean, toJsonValue } from '@brobygger/feel';
import type { Variables } from '../../api';
import { failure, type Failure } from '../../processing/failure';
import type { ElementInstance } from '../../state/instance-document';
import type { InstanceState } from '../../state/instance-state';

/**
 * A multi-instance activity runs as two kinds of element instance with the same element id, as in
 * Zeebe: the BODY (type 'multiInstanceBody', in the activity's flow scope), which owns the
 * boundary events, the input collection and the output collection, and the INNER instances (type
 * = the activity's kind, flow scope = the body), one per item of the collection, each with the
 * local variables `loopCounter` (1-based) and the `inputElement`. The element's own input and
 * output mappings apply to the inner instances; an inner instance that completes does not take the
 * activity's outgoing flows: the body does when it completes (see multi-instance-body-processor.ts).
 *
 * These are the hooks the shared lifecycle calls; they do nothing for other elements.
 */

const bodyModels = new WeakMap<ExecutableElement, ExecutableElement>();

function bodyOf(state: InstanceState, inner: ElementInstance): ElementInstance | undefined {
  const scope = inner.flowScopeKey === undefined ? undefined : state.element(inner.flowScopeKey);
  return scope?.type === 'multiInstanceBody' && scope.elementId === inner.elementId ? scope : undefined;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

/** Writes the inner instance's outputElement at its position; returns the new list, or a failure. */
function collectOutput(
  element: ExecutableElement,
  spec: MultiInstanceSpec,
  current: unknown,
  position: number,
  variables: Variables,
): unknown[] | Failure {
  const name = spec.outputCollection!;
  if (!Array.isArray(current)) {
    return failure(
      'EXTRACT_VALUE_ERROR',
      `Element '${element.id}': expected the output collection '${name}' to be a list, but it is ${describe(current)}`,
    );
  }
  if (position < 1 || position > current.length) {
    return failure(
      'EXTRACT_VALUE_ERROR',
      `Element '${element.id}': unable to update an item in the output collection '${name}' at position ${position} because the size of the collection is ${current.length}`,
    );
  }
  const evaluated = evaluate(spec.outputElement!, variables);
  const json = evaluated.ok ? toJsonValue(evaluated.value) : evaluated;
  if (!json.ok) {
    return failure(
      'EXTRACT_VALUE_ERROR',
      `Element '${element.id}': failed to evaluate the output element: ${json.message}`,
    );
  }
  const updated = [...current];
  updated[position - 1] = json.value;
  return updated;
}

export const multiInstance = {
  /** An inner instance of a multi-instance activity (not its body, not an ordinary element). */
  isInner(instance: ElementInstance): boolean {
    return instance.loopCounter !== undefined;
  },

  /**
   * A new element instance of a multi-instance activity: in the activity's flow scope it becomes
   * the body; inside the body it is an inner instance and receives its loop variables, before its
   * input mappings run.
   */
  shape(state: InstanceState, element: ExecutableElement, instance: ElementInstance): void {
    const spec = element.multiInstance;
    if (!spec) return;
    const body = bodyOf(state, instance);
    const loop = body?.multiInstance;
    if (!body || !loop) {
      instance.type = 'multiInstanceBody';
      return;
    }
    const loopCounter = ++loop.activated;
    instance.loopCounter = loopCounter;
    state.setLocal(instance.key, 'loopCounter', loopCounter);
    if (spec.inputElement) state.setLocal(instance.key, spec.inputElement, loop.collection[loopCounter - 1] ?? null);
  },

  /** The body's view of the element: the element's io mappings belong to the inner instances. */
  bodyModel(element: ExecutableElement): ExecutableElement {
    let model = bodyModels.get(element);
    if (!model) {
      model = Object.freeze({ ...element, inputs: [], outputs: [] });
      bodyModels.set(element, model);
    }
    return model;
  },

  /** Input mappings of an inner instance read its own scope, so that they see its loop variables. */
  inputScope(instance: ElementInstance): string {
    return multiInstance.isInner(instance) ? instance.key : instance.flowScopeKey!;
  },

  /**
   * Called while an inner instance completes, after its output mappings and before its variables
   * go: writes its outputElement into the body's outputCollection and evaluates the completion
   * condition. A failure (nothing is changed then) becomes an incident on the inner instance.
   */
  beforeInnerCompleted(state: InstanceState, element: ExecutableElement, inner: ElementInstance): Failure | undefined {
    const body = bodyOf(state, inner);
    const loop = body?.multiInstance;
    const spec = element.multiInstance;
    if (!body || !loop || !spec || inner.loopCounter === undefined) return undefined;
    const variables = state.visibleVariables(inner.key);
    let outputs: unknown[] | undefined;
    if (spec.outputCollection && spec.outputElement !== undefined) {
      // The body's own copy: a call activity's child may have handed back a stale copy of the variable.
      const current = loop.outputs ?? state.localVariables(body.key)[spec.outputCollection];
      const collected = collectOutput(element, spec, current, inner.loopCounter, variables);
      if (!Array.isArray(collected)) return collected;
      outputs = collected;
      variables[spec.outputCollection] = outputs;
    }
    const completed = loop.completed + 1;
    let conditionMet = false;
    if (spec.completionCondition) {
      const result = evaluateBoolean(spec.completionCondition, {
        ...variables,
        numberOfInstances: loop.collection.length,
        numberOfActiveInstances: Math.max(0, loop.activated - completed - loop.terminated),
        numberOfCompletedInstances: completed,
        numberOfTerminatedInstances: loop.terminated,
        loopCounter: inner.loopCounter,
      });
      if (!result.ok) {
        return failure(
          'EXTRACT_VALUE_ERROR',
          `Element '${element.id}': failed to evaluate the completion condition: ${result.message}`,
        );
      }
      conditionMet = result.value;
    }
    if (outputs) {
      loop.outputs = outputs;
      state.setLocal(body.key, spec.outputCollection!, [...outputs]);
    }
    loop.completed = completed;
    if (conditionMet) loop.conditionMet = true;
    return undefined;
  },
};
