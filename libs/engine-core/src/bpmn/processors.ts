import type { ExecutableElement } from '@brobygger/bpmn';
import type { ElementType } from '../state/instance-document';
import type { ElementProcessor } from './element-processor';
import { callActivityProcessor } from './container/call-activity-processor';
import { processProcessor } from './container/process-processor';
import { subProcessProcessor } from './container/sub-process-processor';
import { eventProcessor } from './event/event-processor';
import { eventBasedGatewayProcessor } from './gateway/event-based-gateway-processor';
import { endEventProcessor } from './event/end-event-processor';
import { escalationThrowProcessor } from './event/escalation-throw-processor';
import { exclusiveGatewayProcessor } from './gateway/exclusive-gateway-processor';
import { inclusiveGatewayProcessor } from './gateway/inclusive-gateway-processor';
import { parallelGatewayProcessor } from './gateway/parallel-gateway-processor';
import { passThroughProcessor } from './pass-through-processor';
import { jobWorkerTaskProcessor } from './task/job-worker-task-processor';
import { multiInstanceBodyProcessor } from './multi-instance/multi-instance-body-processor';
import { scriptTaskProcessor } from './task/script-task-processor';

/**
 * Which processor runs which element kind. Kinds not listed are refused at deploy time
 * (see deployment/supported-elements.ts), so a lookup here never misses.
 */
const PROCESSORS: Partial<Record<ElementType, ElementProcessor>> = {
  process: processProcessor,
  subProcess: subProcessProcessor,
  eventSubProcess: subProcessProcessor,
  callActivity: callActivityProcessor,
  startEvent: eventProcessor,
  intermediateCatchEvent: eventProcessor,
  boundaryEvent: eventProcessor,
  receiveTask: eventProcessor,
  intermediateThrowEvent: passThroughProcessor,
  endEvent: endEventProcessor,
  task: passThroughProcessor,
  manualTask: passThroughProcessor,
  serviceTask: jobWorkerTaskProcessor,
  userTask: jobWorkerTaskProcessor,
  sendTask: jobWorkerTaskProcessor,
  businessRuleTask: jobWorkerTaskProcessor,
  scriptTask: jobWorkerTaskProcessor,
  exclusiveGateway: exclusiveGatewayProcessor,
  parallelGateway: parallelGatewayProcessor,
  inclusiveGateway: inclusiveGatewayProcessor,
  eventBasedGateway: eventBasedGatewayProcessor,
  multiInstanceBody: multiInstanceBodyProcessor,
};

export function processorFor(type: ElementType, element: ExecutableElement): ElementProcessor {
  // A script task with a zeebe:script FEEL expression is computed by the engine; otherwise it is a job.
  if (type === 'scriptTask' && element.script?.expression) return scriptTaskProcessor;
  // Message throw and end events are done by a job worker, as in Zeebe.
  if ((type === 'intermediateThrowEvent' || type === 'endEvent') && element.eventDefinition?.type === 'message') {
    return jobWorkerTaskProcessor;
  }
  if ((type === 'intermediateThrowEvent' || type === 'endEvent') && element.eventDefinition?.type === 'escalation') {
    return escalationThrowProcessor;
  }
  const processor = PROCESSORS[type];
  if (!processor) throw new Error(`no processor for element type ${type}`);
  return processor;
}

export const SUPPORTED_ELEMENT_TYPES = new Set(Object.keys(PROCESSORS));
