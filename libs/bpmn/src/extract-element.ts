import { readEventDefinition } from './event-definitions';
import { bodyOf, child, localKind, str, type ModdleElement } from './moddle-types';
import type { ElementKind, ExecutableElement, MultiInstanceSpec } from './model';
import type { Problems } from './problems';
import { extensionValues, readZeebeExtensions, type ZeebeExtensions } from './zeebe-extensions';

/**
 * Mutable working copy of an element while the process is assembled; the raw moddle node
 * and the unnormalised extension values travel with it so validators can tell "absent"
 * from "empty".
 */
export interface ElementDraft {
  el: ExecutableElement;
  raw: ModdleElement;
  ext: ZeebeExtensions;
}

// Exact moddle types only: Transaction and AdHocSubProcess are subtypes of SubProcess
// and must not be mistaken for one.
const KIND_BY_TYPE: Record<string, ElementKind> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:UserTask': 'userTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:Task': 'task',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:CallActivity': 'callActivity',
};

const EVENT_KINDS = new Set<ElementKind>([
  'startEvent',
  'endEvent',
  'intermediateCatchEvent',
  'intermediateThrowEvent',
  'boundaryEvent',
]);

export function kindOf(raw: ModdleElement): ElementKind | undefined {
  const kind = KIND_BY_TYPE[raw.$type];
  if (kind === 'subProcess' && raw.triggeredByEvent === true) return 'eventSubProcess';
  return kind;
}

export function isActivityKind(kind: ElementKind): boolean {
  return (
    kind.endsWith('Task') ||
    kind === 'task' ||
    kind === 'subProcess' ||
    kind === 'eventSubProcess' ||
    kind === 'callActivity'
  );
}

function readMultiInstance(raw: ModdleElement, id: string, problems: Problems): MultiInstanceSpec | undefined {
  const loop = child(raw, 'loopCharacteristics');
  if (!loop) return undefined;
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    problems.element(
      id,
      `loop characteristics of type '${localKind(loop.$type)}' are not supported; use multi-instance`,
    );
    return undefined;
  }
  const zeebe = extensionValues(loop).find((v) => v.$type === 'zeebe:LoopCharacteristics');
  return {
    isSequential: loop.isSequential === true,
    inputCollection: str(zeebe, 'inputCollection'),
    inputElement: str(zeebe, 'inputElement'),
    outputCollection: str(zeebe, 'outputCollection'),
    outputElement: str(zeebe, 'outputElement'),
    completionCondition: bodyOf(child(loop, 'completionCondition')),
  };
}

function interruptingOf(
  raw: ModdleElement,
  kind: ElementKind,
  parentKind: ElementKind | undefined,
): boolean | undefined {
  if (kind === 'boundaryEvent') return raw.cancelActivity !== false;
  if (kind === 'startEvent' && parentKind === 'eventSubProcess') return raw.isInterrupting !== false;
  return undefined;
}

/** Builds the executable view of one flow node; links (incoming, children, ...) are filled in later. */
export function extractElement(
  raw: ModdleElement,
  kind: ElementKind,
  parent: ExecutableElement | undefined,
  problems: Problems,
): ElementDraft {
  const id = str(raw, 'id') ?? '';
  const ext = readZeebeExtensions(raw, id, problems);
  const el: ExecutableElement = {
    id,
    name: str(raw, 'name'),
    kind,
    parentId: parent?.id,
    incoming: [],
    outgoing: [],
    defaultFlowId: str(child(raw, 'default'), 'id'),
    boundaryEventIds: [],
    inputs: ext.inputs,
    outputs: ext.outputs,
    taskHeaders: ext.taskHeaders,
    childElementIds: [],
    properties: ext.properties,
    executionListeners: ext.executionListeners,
  };
  if (EVENT_KINDS.has(kind)) el.eventDefinition = readEventDefinition(raw, id, problems);
  const interrupting = interruptingOf(raw, kind, parent?.kind);
  if (interrupting !== undefined) el.interrupting = interrupting;
  if (kind === 'boundaryEvent') el.attachedToId = str(child(raw, 'attachedToRef'), 'id');
  if (kind === 'subProcess' || kind === 'eventSubProcess') el.startEventIds = [];
  if (kind === 'receiveTask') {
    const message = child(raw, 'messageRef');
    const subscription = extensionValues(message).find((v) => v.$type === 'zeebe:Subscription');
    el.eventDefinition = {
      type: 'message',
      messageName: str(message, 'name') ?? '',
      correlationKey: str(subscription, 'correlationKey'),
      messageId: str(message, 'id'),
    };
  }
  if (ext.taskDefinition) {
    el.taskDefinition = { type: ext.taskDefinition.type ?? '', retries: ext.taskDefinition.retries ?? '3' };
  }
  if (kind === 'userTask') el.userTask = ext.userTask ?? { isCamundaUserTask: false, taskListeners: [] };
  if (ext.calledElement) el.calledElement = { ...ext.calledElement, processId: ext.calledElement.processId ?? '' };
  if (ext.script) el.script = ext.script;
  if (ext.calledDecision) {
    el.calledDecision = {
      ...ext.calledDecision,
      decisionId: ext.calledDecision.decisionId ?? '',
      resultVariable: ext.calledDecision.resultVariable ?? '',
    };
  }
  if (ext.jobPriority !== undefined) el.jobPriority = ext.jobPriority;
  if (raw.isForCompensation === true) el.isForCompensation = true;
  const multiInstance = readMultiInstance(raw, id, problems);
  if (multiInstance) el.multiInstance = multiInstance;
  return { el, raw, ext };
}
