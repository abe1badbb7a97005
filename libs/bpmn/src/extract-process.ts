import { extractElement, kindOf, type ElementDraft } from './extract-element';
import { bodyOf, child, isA, list, localKind, str, type ModdleElement } from './moddle-types';
import type { ExecutableElement, ExecutableProcess, SequenceFlow } from './model';
import type { Problems } from './problems';
import { extensionValues, isZeebeType, readZeebeExtensions } from './zeebe-extensions';

/** A process while it is assembled and validated, before it is frozen. */
export interface ProcessDraft {
  process: ExecutableProcess;
  raw: ModdleElement;
  drafts: Map<string, ElementDraft>;
  /** raw sequence flows, with the ids their references named even when unresolved */
  rawFlows: Map<string, { raw: ModdleElement; sourceId?: string; targetId?: string }>;
  associations: ModdleElement[];
  /** ids of elements already refused as unsupported, so flows touching them are not reported twice */
  unsupportedIds: Set<string>;
}

// Data and artifacts carry no behaviour; Zeebe ignores them too.
const NON_EXECUTABLE = ['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference'];

export function extractProcess(raw: ModdleElement, resourceName: string, problems: Problems): ProcessDraft {
  const bpmnProcessId = str(raw, 'id') ?? '';
  const ext = readZeebeExtensions(raw, bpmnProcessId, problems);
  const draft: ProcessDraft = {
    process: {
      bpmnProcessId,
      name: str(raw, 'name'),
      isExecutable: raw.isExecutable === true,
      elements: {},
      flows: {},
      startEventIds: [],
      eventSubProcessIds: [],
      versionTag: ext.versionTag,
      executionListeners: ext.executionListeners,
      childElementIds: [],
      resourceName,
      userTaskForms: ext.userTaskForms,
    },
    raw,
    drafts: new Map(),
    rawFlows: new Map(),
    associations: [],
    unsupportedIds: new Set(),
  };
  walkScope(raw, undefined, draft, problems);
  linkFlows(draft);
  linkBoundaryEvents(draft);
  return draft;
}

function walkScope(
  scope: ModdleElement,
  parent: ExecutableElement | undefined,
  draft: ProcessDraft,
  problems: Problems,
): void {
  draft.associations.push(...list(scope, 'artifacts').filter((a) => isA(a, 'bpmn:Association')));
  for (const raw of list(scope, 'flowElements')) {
    const id = str(raw, 'id');
    if (!id) {
      problems.general(`A ${localKind(raw.$type)} inside '${parent?.id ?? draft.process.bpmnProcessId}' has no id`);
      continue;
    }
    if (raw.$type === 'bpmn:SequenceFlow') {
      draft.rawFlows.set(id, {
        raw,
        sourceId: str(child(raw, 'sourceRef'), 'id'),
        targetId: str(child(raw, 'targetRef'), 'id'),
      });
      addFlow(raw, id, parent, draft);
      // Zeebe has no listeners or other zeebe behaviour on sequence flows.
      for (const ext of extensionValues(raw).filter((v) => isZeebeType(v.$type) && v.$type !== 'zeebe:Properties')) {
        problems.element(id, `<${ext.$type}> is not supported on sequence flows`);
      }
      continue;
    }
    if (NON_EXECUTABLE.includes(raw.$type)) continue;
    const kind = kindOf(raw);
    if (!kind) {
      problems.element(id, `elements of type '${localKind(raw.$type)}' are not supported by Brobygger`);
      draft.unsupportedIds.add(id);
      continue;
    }
    const d = extractElement(raw, kind, parent, problems);
    draft.drafts.set(id, d);
    draft.process.elements[id] = d.el;
    if (parent) parent.childElementIds.push(id);
    else draft.process.childElementIds.push(id);
    if (kind === 'startEvent') {
      if (parent) parent.startEventIds?.push(id);
      else draft.process.startEventIds.push(id);
    }
    if (kind === 'eventSubProcess' && !parent) draft.process.eventSubProcessIds.push(id);
    if (kind === 'subProcess' || kind === 'eventSubProcess') walkScope(raw, d.el, draft, problems);
  }
}

function addFlow(raw: ModdleElement, id: string, parent: ExecutableElement | undefined, draft: ProcessDraft): void {
  const flow: SequenceFlow = {
    id,
    name: str(raw, 'name'),
    sourceId: str(child(raw, 'sourceRef'), 'id') ?? '',
    targetId: str(child(raw, 'targetRef'), 'id') ?? '',
    parentId: parent?.id,
  };
  const condition = bodyOf(child(raw, 'conditionExpression'));
  if (condition !== undefined) flow.condition = condition.startsWith('=') ? condition.slice(1).trim() : condition;
  draft.process.flows[id] = flow;
}

function linkFlows(draft: ProcessDraft): void {
  // Derived from the flows themselves: hand-written XML often omits <incoming>/<outgoing>.
  for (const flow of Object.values(draft.process.flows)) {
    draft.process.elements[flow.sourceId]?.outgoing.push(flow.id);
    draft.process.elements[flow.targetId]?.incoming.push(flow.id);
  }
  const none = draft.process.startEventIds.find((id) => draft.process.elements[id]?.eventDefinition?.type === 'none');
  if (none) draft.process.noneStartEventId = none;
}

function linkBoundaryEvents(draft: ProcessDraft): void {
  for (const { el } of draft.drafts.values()) {
    if (el.kind !== 'boundaryEvent' || !el.attachedToId) continue;
    draft.process.elements[el.attachedToId]?.boundaryEventIds.push(el.id);
    if (el.eventDefinition?.type === 'compensation') {
      const association = draft.associations.find((a) => str(child(a, 'sourceRef'), 'id') === el.id);
      const handler = str(child(association, 'targetRef'), 'id');
      if (handler) el.compensationHandlerId = handler;
    }
  }
}
