import type { ExecutableElement, ExecutableProcess } from '@brobygger/bpmn';

/**
 * The process itself seen as an element (the root scope): a container of the process's top-level
 * elements, with none of an element's own mappings, headers or boundary events.
 */
export function processRootElement(process: ExecutableProcess): ExecutableElement {
  return {
    id: process.bpmnProcessId,
    kind: 'subProcess',
    incoming: [],
    outgoing: [],
    boundaryEventIds: [],
    inputs: [],
    outputs: [],
    taskHeaders: {},
    childElementIds: process.childElementIds,
    properties: {},
    executionListeners: [],
  };
}
