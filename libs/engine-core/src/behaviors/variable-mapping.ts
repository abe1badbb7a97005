import type { ExecutableElement, IoMapping } from '@brobygger/bpmn';
import { evaluateAttribute, toJsonValue } from '@brobygger/feel';
import type { Variables } from '../api';
import type { InstanceState } from '../state/instance-state';
import { Failure, failure } from '../processing/failure';

/** Sets `value` at a dotted target path (`order.status`) on top of `base`, copying, never mutating. */
function withPath(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const object = base !== null && typeof base === 'object' && !Array.isArray(base) ? { ...(base as Variables) } : {};
  object[path[0]] = withPath(object[path[0]], path.slice(1), value);
  return object;
}

/**
 * Evaluates mappings in order; a later mapping sees the targets of the earlier ones. A target path
 * starts from the result so far, else from `existing` (the variable as the receiving scope has it).
 */
function evaluateMappings(
  element: ExecutableElement,
  mappings: IoMapping[],
  context: Variables,
  existing: Variables,
  kind: 'input' | 'output',
): { ok: true; result: Variables } | { ok: false; failure: Failure } {
  const result: Variables = {};
  for (const mapping of mappings) {
    const evaluated = evaluateAttribute(mapping.source, { ...context, ...result });
    const json = evaluated.ok ? toJsonValue(evaluated.value) : evaluated;
    if (!json.ok) {
      return {
        ok: false,
        failure: failure(
          'IO_MAPPING_ERROR',
          `Element '${element.id}': failed to evaluate the ${kind} mapping to '${mapping.target}': ${json.message}`,
        ),
      };
    }
    const [head, ...rest] = mapping.target.split('.');
    result[head] = withPath(head in result ? result[head] : existing[head], rest, json.value);
  }
  return { ok: true, result };
}

/** Zeebe's input and output mappings and variable propagation. */
export const variableMapping = {
  /** Input mappings become local variables of the element instance. */
  applyInputs(
    element: ExecutableElement,
    state: InstanceState,
    key: string,
    flowScopeKey: string,
  ): Failure | undefined {
    if (element.inputs.length === 0) return undefined;
    const outcome = evaluateMappings(element, element.inputs, state.visibleVariables(flowScopeKey), {}, 'input');
    if (!outcome.ok) return outcome.failure;
    for (const [name, value] of Object.entries(outcome.result)) state.setLocal(key, name, value);
    return undefined;
  },

  /** Output mappings read the element's scope and are propagated from its flow scope upwards. */
  applyOutputs(
    element: ExecutableElement,
    state: InstanceState,
    key: string,
    flowScopeKey: string,
  ): Failure | undefined {
    if (element.outputs.length === 0) return undefined;
    const outcome = evaluateMappings(
      element,
      element.outputs,
      state.visibleVariables(key),
      state.visibleVariables(flowScopeKey),
      'output',
    );
    if (!outcome.ok) return outcome.failure;
    state.propagate(flowScopeKey, outcome.result);
    return undefined;
  },

  /**
   * Variables a job (or script) completes with: local to the element when it has output mappings,
   * which then decide what leaves it; otherwise propagated from the element instance upwards.
   */
  mergeResult(element: ExecutableElement, state: InstanceState, key: string, variables: Variables): void {
    if (element.outputs.length > 0) {
      for (const [name, value] of Object.entries(variables)) state.setLocal(key, name, value);
    } else {
      state.propagate(key, variables);
    }
  },
};
