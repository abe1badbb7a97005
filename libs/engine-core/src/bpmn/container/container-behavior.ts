import type { Lifecycle } from '../../processing/lifecycle';
import { startInterruptingEventSubProcess } from '../../processing/event-trigger';
import type { ElementInstance } from '../../state/instance-document';

/**
 * What every scope (the process, sub-processes, event sub-processes) does with its children:
 * complete when the last path has ended, finish terminating when the last child is gone, and
 * hand over to an interrupting event sub-process once the interrupted children are gone.
 */
export const containerBehavior = {
  /** Terminates the children; returns true when there were none (the caller finishes at once). */
  terminateChildren(scope: ElementInstance, lifecycle: Lifecycle): boolean {
    lifecycle.state.clearWaitingTokens(scope.key);
    const children = lifecycle.state.children(scope.key);
    for (const child of children) lifecycle.terminate(child);
    return children.length === 0;
  },

  onChildCompleted(scope: ElementInstance, lifecycle: Lifecycle): void {
    if (scope.state === 'ACTIVATED' && lifecycle.isScopeEmpty(scope.key)) lifecycle.complete(scope);
  },

  onChildTerminated(scope: ElementInstance, lifecycle: Lifecycle, finishTermination: () => void): void {
    const empty = lifecycle.state.children(scope.key).length === 0;
    if (scope.state === 'TERMINATING') {
      if (empty) finishTermination();
      return;
    }
    if (scope.state !== 'ACTIVATED') return;
    if (scope.interruptedBy && empty) {
      const started = lifecycle.context.queue.some((s) => s.kind === 'activate' && s.flowScopeKey === scope.key);
      if (!started) startInterruptingEventSubProcess(lifecycle, scope);
    } else if (scope.completeWhenEmpty && lifecycle.isScopeEmpty(scope.key)) {
      lifecycle.complete(scope);
    }
  },
};
