import type { ExecutableElement, ExecutableProcess } from '@brobygger/bpmn';
import { evaluateBoolean } from '@brobygger/feel';
import type { Variables } from '../../api';
import { Failure, failure } from '../../processing/failure';

/**
 * The outgoing flows of a gateway whose conditions hold, in document order: all of them
 * (`first: false`, inclusive) or only the first (`first: true`, exclusive). A flow without a
 * condition holds. With none holding, the default flow; with no default either, an incident —
 * unless the gateway has no outgoing flow at all (its path simply ends).
 */
export function selectFlows(
  process: ExecutableProcess,
  gateway: ExecutableElement,
  variables: Variables,
  options: { first: boolean },
): { flowIds: string[] } | Failure {
  const flowIds: string[] = [];
  for (const flowId of gateway.outgoing) {
    if (flowId === gateway.defaultFlowId) continue;
    const condition = process.flows[flowId].condition;
    const result = condition === undefined ? { ok: true as const, value: true } : evaluateBoolean(condition, variables);
    if (!result.ok) {
      return failure(
        'CONDITION_ERROR',
        `Element '${gateway.id}': failed to evaluate the condition of sequence flow '${flowId}': ${result.message}`,
      );
    }
    if (!result.value) continue;
    flowIds.push(flowId);
    if (options.first) break;
  }
  if (flowIds.length > 0) return { flowIds };
  if (gateway.defaultFlowId) return { flowIds: [gateway.defaultFlowId] };
  if (gateway.outgoing.length === 0) return { flowIds: [] };
  return failure(
    'CONDITION_ERROR',
    `Element '${gateway.id}': expected at least one condition to evaluate to true, or to have a default flow`,
  );
}
