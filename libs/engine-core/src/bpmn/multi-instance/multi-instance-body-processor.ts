import { evaluateList, toJsonValue } from '@brobygger/feel';
import type { ContainerProcessor } from '../element-processor';
import { containerBehavior } from '../container/container-behavior';
import { failure } from '../../processing/failure';
import type { Lifecycle } from '../../processing/lifecycle';
import type { ElementInstance } from '../../state/instance-document';

/**
 * The body of a multi-instance activity (Zeebe's MultiInstanceBodyProcessor). Activating it
 * evaluates the input collection and starts the inner instances, all at once (parallel) or one
 * after the other (sequential); it completes when every inner instance has completed, or as soon
 * as the completion condition holds (the rest are terminated first), and then hands the output
 * collection to its flow scope and takes the activity's outgoing flows. Terminating it terminates
 * the inner instances first. See multi-instance-behavior.ts for the inner instances' side.
 */
export const multiInstanceBodyProcessor: ContainerProcessor = {
  onActivate(element, body, lifecycle) {
    const spec = element.multiInstance!;
    const { state } = lifecycle;
    const evaluated = evaluateList(spec.inputCollection ?? '', state.visibleVariables(body.key));
    const json = evaluated.ok ? toJsonValue(evaluated.value) : evaluated;
    if (!json.ok) {
      return failure(
        'EXTRACT_VALUE_ERROR',
        `Element '${element.id}': failed to evaluate the input collection of the multi-instance: ${json.message}`,
      );
    }
    const collection = json.value as unknown[];
    lifecycle.toActivated(body);
    body.multiInstance = { collection, activated: 0, completed: 0, terminated: 0 };
    if (spec.outputCollection) {
      body.multiInstance.outputs = collection.map(() => null);
      state.setLocal(body.key, spec.outputCollection, [...body.multiInstance.outputs]);
    }
    if (collection.length === 0) {
      lifecycle.complete(body);
      return undefined;
    }
    const startNow = spec.isSequential ? 1 : collection.length;
    for (let i = 0; i < startNow; i++) lifecycle.activate(body.elementId, body.key);
    return undefined;
  },

  onComplete(element, body, lifecycle) {
    const name = element.multiInstance!.outputCollection;
    if (name && body.flowScopeKey !== undefined) {
      // Like an output mapping: from the body's flow scope up to the nearest scope that has it.
      const outputs = body.multiInstance?.outputs ?? lifecycle.state.localVariables(body.key)[name] ?? null;
      lifecycle.state.propagate(body.flowScopeKey, { [name]: outputs });
    }
    const failed = lifecycle.toCompleted(element, body);
    if (failed) return failed;
    lifecycle.takeOutgoingFlows(element, body);
    return undefined;
  },

  onTerminate(_element, body, lifecycle) {
    if (containerBehavior.terminateChildren(body, lifecycle)) lifecycle.toTerminated(body);
  },

  /** An inner instance completed (it takes no flows of its own). */
  onChildCompleted(body, lifecycle) {
    proceed(body, lifecycle);
  },

  onChildTerminated(body, lifecycle) {
    if (body.multiInstance) body.multiInstance.terminated += 1;
    if (body.state === 'TERMINATING') {
      if (lifecycle.state.children(body.key).length === 0) lifecycle.toTerminated(body);
      return;
    }
    proceed(body, lifecycle);
  },
};

/**
 * After an inner instance ended: once the completion condition held, terminate the others and
 * complete when they are gone; a sequential body starts the next item; when nothing is left, the
 * body completes.
 */
function proceed(body: ElementInstance, lifecycle: Lifecycle): void {
  const loop = body.multiInstance;
  if (body.state !== 'ACTIVATED' || !loop) return;
  if (loop.conditionMet) {
    // Inner instances still on their way in are dropped, those already active are terminated.
    const { queue } = lifecycle.context;
    for (let i = queue.length - 1; i >= 0; i--) {
      const step = queue[i];
      if (step.kind === 'activate' && step.flowScopeKey === body.key) queue.splice(i, 1);
    }
    for (const inner of lifecycle.state.children(body.key)) lifecycle.terminate(inner);
  }
  if (!lifecycle.isScopeEmpty(body.key)) return;
  const isSequential = lifecycle.model(body).multiInstance?.isSequential === true;
  if (!loop.conditionMet && isSequential && loop.activated < loop.collection.length) {
    lifecycle.activate(body.elementId, body.key);
  } else if (loop.conditionMet || loop.activated >= loop.collection.length) {
    lifecycle.complete(body);
  }
}
