import type { DeploymentProblem, ExecutableElement, ExecutableProcess } from '@brobygger/bpmn';
import { SUPPORTED_ELEMENT_TYPES } from '../bpmn/processors';

/**
 * What the engine can execute today, checked on deploy: anything else is refused with the
 * element named, never deployed to fail later. Grows as element kinds are added.
 */
const SUPPORTED_EVENTS: Partial<Record<ExecutableElement['kind'], string[]>> = {
  startEvent: ['none', 'timer', 'message', 'signal', 'error', 'escalation'],
  endEvent: ['none', 'terminate', 'error', 'message', 'escalation'],
  intermediateThrowEvent: ['none', 'message', 'escalation'],
  intermediateCatchEvent: ['timer', 'message', 'signal'],
  boundaryEvent: ['timer', 'message', 'signal', 'error', 'escalation'],
};

function problemOf(element: ExecutableElement): string | undefined {
  if (!SUPPORTED_ELEMENT_TYPES.has(element.kind)) {
    return `the element kind '${element.kind}' is not supported by the embedded engine yet`;
  }
  const events = SUPPORTED_EVENTS[element.kind];
  const eventType = element.eventDefinition?.type ?? 'none';
  if (events && !events.includes(eventType)) {
    return `a ${eventType} ${element.kind} is not supported by the embedded engine yet`;
  }
  if (element.calledDecision) {
    return 'business rule tasks that call a DMN decision are not supported by the embedded engine yet';
  }
  if (element.executionListeners.length > 0) return 'execution listeners are not supported by the embedded engine yet';
  if (element.userTask && element.userTask.taskListeners.length > 0) {
    return 'task listeners are not supported by the embedded engine yet';
  }
  if (element.isForCompensation) return 'compensation handlers are not supported by the embedded engine yet';
  return undefined;
}

export function unsupportedElements(process: ExecutableProcess): DeploymentProblem[] {
  const problems: DeploymentProblem[] = [];
  if (process.executionListeners.length > 0) {
    problems.push({
      elementId: process.bpmnProcessId,
      message: `Element '${process.bpmnProcessId}': execution listeners are not supported by the embedded engine yet`,
    });
  }
  for (const element of Object.values(process.elements)) {
    const problem = problemOf(element);
    if (problem) problems.push({ elementId: element.id, message: `Element '${element.id}': ${problem}` });
  }
  return problems;
}
