import type { ExecutableElement, ExecutableProcess } from '@brobygger/bpmn';
import type { Lifecycle } from '../../processing/lifecycle';

/**
 * The joining inclusive gateway, as Zeebe (8.x) does it: the gateway is activated once at least
 * one token has arrived on an incoming flow and no other token in the same flow scope can still
 * reach it. "Another token" is an element instance of the scope (an active task, a sub-process, a
 * catch event, …), an activation queued for the scope (a token on a sequence flow), or tokens parked
 * at another join of the scope; each counts if the gateway is reachable from its element through
 * sequence flows, including paths through other gateways and the boundary events of activities on
 * the way. Conditions are not considered: reachability is a property of the graph.
 *
 * Tokens are parked in the instance document next to the parallel joins' (`joins`), so a scope
 * with waiting tokens is not empty, and terminating the scope drops them.
 */

/** A gateway that joins: more than one incoming flow. A single incoming flow is a plain fork. */
export function isInclusiveJoin(element: ExecutableElement): boolean {
  return element.kind === 'inclusiveGateway' && element.incoming.length > 1;
}

/**
 * Parks an arriving token. The decision whether the join fires is not taken here but when the
 * instance comes to rest (see fireReadyInclusiveJoins): a fork taking its flows one after the
 * other, one of them straight into the join, has not yet queued its other branches.
 */
export function arriveAtInclusiveJoin(
  lifecycle: Lifecycle,
  gateway: ExecutableElement,
  flowId: string,
  flowScopeKey: string,
): void {
  const counts = lifecycle.state.joinCounts(flowScopeKey, gateway.id);
  counts[flowId] = (counts[flowId] ?? 0) + 1;
}

/**
 * Activates every waiting inclusive join that no other token can reach any more; returns whether
 * one was activated (the caller then runs the queue again). Joins are looked at one after the
 * other, so a join that fires makes a join downstream of it keep waiting (its activation is queued).
 */
export function fireReadyInclusiveJoins(lifecycle: Lifecycle): boolean {
  const { context, state } = lifecycle;
  let fired = false;
  for (const [joinKey, counts] of Object.entries(state.document.joins)) {
    const slash = joinKey.indexOf('/');
    const flowScopeKey = joinKey.slice(0, slash);
    const gateway = context.element(joinKey.slice(slash + 1));
    if (!gateway || !isInclusiveJoin(gateway)) continue;
    const arrived = gateway.incoming.filter((flowId) => (counts[flowId] ?? 0) > 0);
    if (arrived.length === 0) continue;
    if (state.element(flowScopeKey)?.state !== 'ACTIVATED') continue;
    if (canStillBeReached(lifecycle, flowScopeKey, gateway.id)) continue;
    // One token of every incoming flow that has one is consumed by this activation.
    for (const flowId of arrived) {
      counts[flowId] -= 1;
      if (counts[flowId] === 0) delete counts[flowId];
    }
    if (Object.keys(counts).length === 0) delete state.document.joins[joinKey];
    lifecycle.activate(gateway.id, flowScopeKey);
    fired = true;
  }
  return fired;
}

function canStillBeReached(lifecycle: Lifecycle, flowScopeKey: string, gatewayId: string): boolean {
  const { context, state } = lifecycle;
  const upstream = upstreamOf(context.process, gatewayId);
  const reaches = (elementId: string) => elementId !== gatewayId && upstream.has(elementId);
  if (state.children(flowScopeKey).some((child) => reaches(child.elementId))) return true;
  const queued = context.queue.some(
    (step) => step.kind === 'activate' && step.flowScopeKey === flowScopeKey && reaches(step.elementId),
  );
  if (queued) return true;
  const prefix = `${flowScopeKey}/`;
  return Object.entries(state.document.joins).some(
    ([joinKey, counts]) =>
      joinKey.startsWith(prefix) && reaches(joinKey.slice(prefix.length)) && Object.values(counts).some((n) => n > 0),
  );
}

/** Per deployed process (the model is immutable): gateway id → the elements it is reachable from. */
const upstreamCache = new WeakMap<ExecutableProcess, Map<string, Set<string>>>();

/**
 * Every element from which the gateway can be reached through sequence flows: a walk backwards
 * over incoming flows; an activity reaches whatever its boundary events reach.
 */
function upstreamOf(process: ExecutableProcess, gatewayId: string): Set<string> {
  let byGateway = upstreamCache.get(process);
  if (!byGateway) upstreamCache.set(process, (byGateway = new Map()));
  const cached = byGateway.get(gatewayId);
  if (cached) return cached;
  const upstream = new Set<string>();
  const pending = [gatewayId];
  const visit = (elementId: string | undefined) => {
    if (elementId === undefined || upstream.has(elementId)) return;
    upstream.add(elementId);
    pending.push(elementId);
  };
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    const element = process.elements[id];
    if (!element) continue;
    for (const flowId of element.incoming) visit(process.flows[flowId]?.sourceId);
    if (element.kind === 'boundaryEvent') visit(element.attachedToId);
  }
  byGateway.set(gatewayId, upstream);
  return upstream;
}
