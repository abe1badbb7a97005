import { child, isA, list, str, type ModdleElement } from './moddle-types';
import type { ExecutionListener, IoMapping, UserTaskSpec } from './model';
import type { Problems } from './problems';

/** Everything the zeebe:* extension elements of one BPMN element say, read once. */
export interface ZeebeExtensions {
  taskDefinition?: { type?: string; retries?: string };
  inputs: IoMapping[];
  outputs: IoMapping[];
  taskHeaders: Record<string, string>;
  userTask?: UserTaskSpec;
  calledElement?: {
    processId?: string;
    propagateAllChildVariables: boolean;
    propagateAllParentVariables: boolean;
    bindingType?: string;
    versionTag?: string;
  };
  script?: { expression?: string; resultVariable?: string };
  calledDecision?: { decisionId?: string; resultVariable?: string; bindingType?: string; versionTag?: string };
  properties: Record<string, string>;
  executionListeners: ExecutionListener[];
  subscription?: { correlationKey?: string };
  jobPriority?: string;
  versionTag?: string;
  userTaskForms: Record<string, string>;
}

// zeebe-bpmn-moddle types Brobygger understands. Anything else in the zeebe namespace would
// silently change behaviour in Camunda and cannot be honoured here, so it is refused.
const KNOWN_ZEEBE_TYPES = new Set([
  'zeebe:IoMapping',
  'zeebe:Subscription',
  'zeebe:TaskHeaders',
  'zeebe:TaskDefinition',
  'zeebe:LoopCharacteristics',
  'zeebe:CalledElement',
  'zeebe:UserTaskForm',
  'zeebe:FormDefinition',
  'zeebe:UserTask',
  'zeebe:CalledDecision',
  'zeebe:AssignmentDefinition',
  'zeebe:PriorityDefinition',
  'zeebe:JobPriorityDefinition',
  'zeebe:TaskSchedule',
  'zeebe:Properties',
  'zeebe:Script',
  'zeebe:ExecutionListeners',
  'zeebe:TaskListeners',
  'zeebe:VersionTag',
]);

export function isZeebeType(type: string): boolean {
  return type.startsWith('zeebe:');
}

function bool(el: ModdleElement, key: string, fallback: boolean): boolean {
  const v = el[key];
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.trim().toLowerCase() === 'true';
  return fallback;
}

function mappings(items: ModdleElement[]): IoMapping[] {
  return items.map((m) => ({ source: str(m, 'source') ?? '', target: str(m, 'target') ?? '' }));
}

function listeners(container: ModdleElement): ExecutionListener[] {
  return list(container, 'listeners').map((l) => ({
    eventType: str(l, 'eventType') ?? '',
    type: str(l, 'type') ?? '',
    retries: str(l, 'retries') ?? '3',
  }));
}

function userTaskOf(out: ZeebeExtensions): UserTaskSpec {
  out.userTask ??= { isCamundaUserTask: false, taskListeners: [] };
  return out.userTask;
}

/** The extension values of `owner`; only the zeebe ones are interpreted, others are ignored. */
export function extensionValues(owner: ModdleElement | undefined): ModdleElement[] {
  return list(child(owner, 'extensionElements'), 'values');
}

export function readZeebeExtensions(owner: ModdleElement, ownerId: string, problems: Problems): ZeebeExtensions {
  const out: ZeebeExtensions = {
    inputs: [],
    outputs: [],
    taskHeaders: {},
    properties: {},
    executionListeners: [],
    userTaskForms: {},
  };
  for (const ext of extensionValues(owner)) {
    const type = ext.$type;
    if (!isZeebeType(type)) continue;
    if (!KNOWN_ZEEBE_TYPES.has(type)) {
      problems.element(ownerId, `unsupported extension element <${type}>`);
      continue;
    }
    readOne(ext, out, ownerId, problems);
  }
  return out;
}

function readOne(ext: ModdleElement, out: ZeebeExtensions, ownerId: string, problems: Problems): void {
  if (isA(ext, 'zeebe:TaskDefinition')) {
    out.taskDefinition = { type: str(ext, 'type'), retries: str(ext, 'retries') };
  } else if (isA(ext, 'zeebe:IoMapping')) {
    out.inputs.push(...mappings(list(ext, 'inputParameters')));
    out.outputs.push(...mappings(list(ext, 'outputParameters')));
  } else if (isA(ext, 'zeebe:TaskHeaders')) {
    for (const h of list(ext, 'values')) {
      const key = str(h, 'key');
      if (!key) problems.element(ownerId, 'task header must have a non-empty key');
      else out.taskHeaders[key] = str(h, 'value') ?? '';
    }
  } else if (isA(ext, 'zeebe:Properties')) {
    for (const p of list(ext, 'properties')) {
      const name = str(p, 'name');
      if (name) out.properties[name] = str(p, 'value') ?? '';
    }
  } else if (isA(ext, 'zeebe:UserTask')) {
    userTaskOf(out).isCamundaUserTask = true;
  } else if (isA(ext, 'zeebe:AssignmentDefinition')) {
    const u = userTaskOf(out);
    u.assignee = str(ext, 'assignee');
    u.candidateGroups = str(ext, 'candidateGroups');
    u.candidateUsers = str(ext, 'candidateUsers');
  } else if (isA(ext, 'zeebe:FormDefinition')) {
    const u = userTaskOf(out);
    u.formKey = str(ext, 'formKey');
    u.formId = str(ext, 'formId');
    u.externalReference = str(ext, 'externalReference');
    u.formBindingType = str(ext, 'bindingType');
    u.formVersionTag = str(ext, 'versionTag');
  } else if (isA(ext, 'zeebe:TaskSchedule')) {
    const u = userTaskOf(out);
    u.dueDate = str(ext, 'dueDate');
    u.followUpDate = str(ext, 'followUpDate');
  } else if (isA(ext, 'zeebe:PriorityDefinition')) {
    userTaskOf(out).priority = str(ext, 'priority');
  } else if (isA(ext, 'zeebe:TaskListeners')) {
    userTaskOf(out).taskListeners.push(...listeners(ext));
  } else if (isA(ext, 'zeebe:CalledElement')) {
    out.calledElement = {
      processId: str(ext, 'processId'),
      propagateAllChildVariables: bool(ext, 'propagateAllChildVariables', true),
      propagateAllParentVariables: bool(ext, 'propagateAllParentVariables', true),
      bindingType: str(ext, 'bindingType'),
      versionTag: str(ext, 'versionTag'),
    };
  } else if (isA(ext, 'zeebe:Script')) {
    out.script = { expression: str(ext, 'expression'), resultVariable: str(ext, 'resultVariable') };
  } else if (isA(ext, 'zeebe:CalledDecision')) {
    out.calledDecision = {
      decisionId: str(ext, 'decisionId'),
      resultVariable: str(ext, 'resultVariable'),
      bindingType: str(ext, 'bindingType'),
      versionTag: str(ext, 'versionTag'),
    };
  } else if (isA(ext, 'zeebe:ExecutionListeners')) {
    out.executionListeners.push(...listeners(ext));
  } else if (isA(ext, 'zeebe:Subscription')) {
    out.subscription = { correlationKey: str(ext, 'correlationKey') };
  } else if (isA(ext, 'zeebe:JobPriorityDefinition')) {
    out.jobPriority = str(ext, 'priority');
  } else if (isA(ext, 'zeebe:VersionTag')) {
    out.versionTag = str(ext, 'value');
  } else if (isA(ext, 'zeebe:UserTaskForm')) {
    const id = str(ext, 'id');
    if (id) out.userTaskForms[id] = str(ext, 'body') ?? '';
  }
  // zeebe:LoopCharacteristics is read with the multi-instance marker that owns it.
}
