import type { ExecutableElement } from '@brobygger/bpmn';
import type { Failure } from '../processing/failure';
import type { ElementInstance } from '../state/instance-document';
import type { Lifecycle } from '../processing/lifecycle';

/**
 * One element kind's part in the common lifecycle, as Zeebe's BpmnElementProcessor:
 * activate (ACTIVATING → ACTIVATED), complete (COMPLETING → COMPLETED) and terminate
 * (TERMINATING → TERMINATED). A returned Failure becomes an incident on the element instance;
 * resolving it runs the same step again.
 */
export interface ElementProcessor {
  onActivate(element: ExecutableElement, instance: ElementInstance, lifecycle: Lifecycle): Failure | undefined;
  onComplete(element: ExecutableElement, instance: ElementInstance, lifecycle: Lifecycle): Failure | undefined;
  onTerminate(element: ExecutableElement, instance: ElementInstance, lifecycle: Lifecycle): void;
}

/** Elements that contain others (the process, sub-processes) also hear from their children. */
export interface ContainerProcessor extends ElementProcessor {
  onChildCompleted(scope: ElementInstance, lifecycle: Lifecycle): void;
  onChildTerminated(scope: ElementInstance, lifecycle: Lifecycle): void;
}
