/** The immutable, executable form of a deployed BPMN resource (the engine's contract). */

export interface DeploymentProblem {
  elementId?: string;
  message: string;
}

export type ParseOutcome = { ok: true; processes: ExecutableProcess[] } | { ok: false; problems: DeploymentProblem[] };

export interface ExecutableProcess {
  bpmnProcessId: string;
  name?: string;
  isExecutable: boolean;
  /** every flow node and sequence flow, by id, including nested ones */
  elements: Record<string, ExecutableElement>;
  flows: Record<string, SequenceFlow>;
  /** the process-level none start event */
  noneStartEventId?: string;
  /** all process-level start events (message/timer/signal too) */
  startEventIds: string[];
  /** process-level event subprocesses */
  eventSubProcessIds: string[];
  /** added: zeebe:versionTag of the process */
  versionTag?: string;
  /** added: process-level execution listeners */
  executionListeners: ExecutionListener[];
  /** added: ids of the flow nodes directly inside the process */
  childElementIds: string[];
  /** added: name of the resource the process was deployed from */
  resourceName: string;
  /** added: embedded forms (zeebe:userTaskForm id -> JSON body), referenced as 'camunda-forms:bpmn:<id>' */
  userTaskForms: Record<string, string>;
}

export interface SequenceFlow {
  id: string;
  name?: string;
  sourceId: string;
  targetId: string;
  /** FEEL, without the leading '=' */
  condition?: string;
  /** added: enclosing subProcess/eventSubProcess; undefined at process level */
  parentId?: string;
}

export type ElementKind =
  | 'startEvent'
  | 'endEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'serviceTask'
  | 'userTask'
  | 'sendTask'
  | 'scriptTask'
  | 'businessRuleTask'
  | 'receiveTask'
  | 'manualTask'
  | 'task'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'subProcess'
  | 'eventSubProcess'
  | 'callActivity';

export type EventDefinition =
  | { type: 'none' }
  | { type: 'terminate' }
  | { type: 'timer'; timeDuration?: string; timeDate?: string; timeCycle?: string }
  | { type: 'message'; messageName: string; correlationKey?: string; messageId?: string }
  | { type: 'error'; errorCode?: string; errorCodeVariable?: string; errorMessageVariable?: string }
  | { type: 'escalation'; escalationCode?: string }
  | { type: 'signal'; signalName: string }
  | { type: 'link'; linkName: string }
  | { type: 'compensation'; activityId?: string; waitForCompletion?: boolean };

export interface IoMapping {
  /** as written, usually '=expr' */
  source: string;
  target: string;
}

export interface ExecutionListener {
  eventType: string;
  type: string;
  retries: string;
}

export interface UserTaskSpec {
  assignee?: string;
  candidateGroups?: string;
  candidateUsers?: string;
  dueDate?: string;
  followUpDate?: string;
  formKey?: string;
  formId?: string;
  externalReference?: string;
  /** zeebe:userTask present */
  isCamundaUserTask: boolean;
  priority?: string;
  /** added: binding of a linked form (zeebe:formDefinition bindingType / versionTag) */
  formBindingType?: string;
  formVersionTag?: string;
  /** added: zeebe:taskListeners */
  taskListeners: ExecutionListener[];
}

export interface MultiInstanceSpec {
  isSequential: boolean;
  inputCollection?: string;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: string;
  completionCondition?: string;
}

export interface ExecutableElement {
  id: string;
  name?: string;
  kind: ElementKind;
  /** id of the enclosing subProcess/eventSubProcess; undefined at process level */
  parentId?: string;
  incoming: string[];
  outgoing: string[];
  defaultFlowId?: string;
  eventDefinition?: EventDefinition;
  /** boundary events (cancelActivity) and event-subprocess start events (isInterrupting) */
  interrupting?: boolean;
  attachedToId?: string;
  boundaryEventIds: string[];
  /** static or '=expr'; retries defaults to '3' */
  taskDefinition?: { type: string; retries: string };
  inputs: IoMapping[];
  outputs: IoMapping[];
  taskHeaders: Record<string, string>;
  userTask?: UserTaskSpec;
  calledElement?: {
    processId: string;
    propagateAllChildVariables: boolean;
    propagateAllParentVariables: boolean;
    bindingType?: string;
    versionTag?: string;
  };
  script?: { expression?: string; resultVariable?: string };
  calledDecision?: { decisionId: string; resultVariable: string; bindingType?: string; versionTag?: string };
  multiInstance?: MultiInstanceSpec;
  childElementIds: string[];
  startEventIds?: string[];
  properties: Record<string, string>;
  executionListeners: ExecutionListener[];
  /** added: activity marked isForCompensation (a compensation handler) */
  isForCompensation?: boolean;
  /** added: for compensation boundary events, the handler activity linked by an association */
  compensationHandlerId?: string;
  /** added: zeebe:jobPriorityDefinition priority (static or '=expr') */
  jobPriority?: string;
}
