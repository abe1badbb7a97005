import { isActivityKind } from './extract-element';
import type { ProcessDraft } from './extract-process';
import type { ExecutableElement } from './model';
import type { Problems } from './problems';

/** Start events, scopes and the sequence-flow graph: what Zeebe checks before anything runs. */
export function validateStructure(d: ProcessDraft, problems: Problems): void {
  validateProcessStart(d, problems);
  for (const el of Object.values(d.process.elements)) {
    if (el.kind === 'subProcess') validateEmbeddedSubProcess(d, el, problems);
    if (el.kind === 'eventSubProcess') validateEventSubProcess(d, el, problems);
    if (el.kind === 'boundaryEvent') validateBoundary(d, el, problems);
    if (el.kind === 'startEvent' && el.incoming.length > 0)
      problems.element(el.id, 'start events must not have incoming sequence flows');
    if (el.kind === 'endEvent' && el.outgoing.length > 0)
      problems.element(el.id, 'end events must not have outgoing sequence flows');
  }
  validateFlows(d, problems);
}

function validateProcessStart(d: ProcessDraft, problems: Problems): void {
  const starts = d.process.startEventIds.map((id) => d.process.elements[id]);
  if (starts.length === 0) {
    problems.process(d.process.bpmnProcessId, 'must have at least one start event');
    return;
  }
  const none = starts.filter((s) => s.eventDefinition?.type === 'none');
  if (none.length > 1) {
    problems.process(
      d.process.bpmnProcessId,
      `multiple none start events are not allowed (${none.map((s) => `'${s.id}'`).join(', ')})`,
    );
  }
  for (const s of starts) {
    const type = s.eventDefinition?.type;
    if (type && !['none', 'message', 'timer', 'signal'].includes(type)) {
      problems.element(
        s.id,
        `start events of a process must be none, message, timer or signal start events, not ${type}`,
      );
    }
  }
  const byName = new Map<string, string[]>();
  for (const s of starts) {
    const def = s.eventDefinition;
    const name =
      def?.type === 'message' ? def.messageName : def?.type === 'signal' ? `signal:${def.signalName}` : undefined;
    if (name) byName.set(name, [...(byName.get(name) ?? []), s.id]);
  }
  for (const [name, ids] of byName) {
    if (ids.length < 2) continue;
    const label = name.startsWith('signal:') ? `signal name '${name.slice(7)}'` : `message name '${name}'`;
    for (const id of ids) problems.element(id, `multiple start events with the same ${label} are not allowed`);
  }
}

function validateEmbeddedSubProcess(d: ProcessDraft, sub: ExecutableElement, problems: Problems): void {
  const starts = (sub.startEventIds ?? []).map((id) => d.process.elements[id]);
  if (starts.length !== 1) {
    problems.element(sub.id, `an embedded subprocess must have exactly one start event, but has ${starts.length}`);
  }
  for (const s of starts) {
    if (s.eventDefinition?.type !== 'none')
      problems.element(s.id, 'the start event of an embedded subprocess must be a none start event');
  }
}

const EVENT_SUBPROCESS_TRIGGERS = ['message', 'timer', 'signal', 'error', 'escalation'];

function validateEventSubProcess(d: ProcessDraft, sub: ExecutableElement, problems: Problems): void {
  if (sub.incoming.length > 0 || sub.outgoing.length > 0) {
    problems.element(sub.id, 'an event subprocess must not have incoming or outgoing sequence flows');
  }
  const starts = (sub.startEventIds ?? []).map((id) => d.process.elements[id]);
  if (starts.length !== 1) {
    problems.element(sub.id, `an event subprocess must have exactly one start event, but has ${starts.length}`);
  }
  for (const s of starts) {
    const type = s.eventDefinition?.type ?? 'none';
    if (!EVENT_SUBPROCESS_TRIGGERS.includes(type)) {
      problems.element(
        s.id,
        `the start event of an event subprocess must be a message, timer, signal, error or escalation start event, not ${type}`,
      );
    }
    if (type === 'error' && s.interrupting === false) problems.element(s.id, 'error start events must be interrupting');
  }
}

function validateBoundary(d: ProcessDraft, b: ExecutableElement, problems: Problems): void {
  const host = b.attachedToId ? d.process.elements[b.attachedToId] : undefined;
  if (!b.attachedToId)
    problems.element(b.id, 'boundary events must be attached to an activity (attachedToRef is missing)');
  else if (!host)
    problems.element(
      b.id,
      `boundary event is attached to '${b.attachedToId}', which is not an element of this process`,
    );
  else if (!isActivityKind(host.kind))
    problems.element(b.id, `boundary events must be attached to an activity, not to the ${host.kind} '${host.id}'`);
  else if (host.kind === 'eventSubProcess')
    problems.element(b.id, `boundary events cannot be attached to the event subprocess '${host.id}'`);
  if (b.incoming.length > 0) problems.element(b.id, 'boundary events must not have incoming sequence flows');
  const type = b.eventDefinition?.type;
  if (type === 'compensation') {
    if (b.outgoing.length > 0 || !b.compensationHandlerId) {
      problems.element(
        b.id,
        'compensation boundary events must have a compensation association and no outgoing sequence flows',
      );
    }
  } else if (b.outgoing.length === 0) {
    problems.element(b.id, 'boundary events must have at least one outgoing sequence flow');
  }
  if (type === 'error' && b.interrupting === false)
    problems.element(b.id, 'error boundary events must be interrupting');
}

function validateFlows(d: ProcessDraft, problems: Problems): void {
  const { elements, flows } = d.process;
  for (const flow of Object.values(flows)) {
    const raw = d.rawFlows.get(flow.id);
    const source = elements[flow.sourceId];
    const target = elements[flow.targetId];
    if (!flow.sourceId)
      problems.element(
        flow.id,
        `sequence flow has no source${raw?.sourceId === undefined ? ' (sourceRef is missing or does not name an element)' : ''}`,
      );
    else if (!source && !d.unsupportedIds.has(flow.sourceId))
      problems.element(flow.id, `sequence flow source '${flow.sourceId}' is not a flow node of this process`);
    if (!flow.targetId)
      problems.element(
        flow.id,
        `sequence flow has no target${raw?.targetId === undefined ? ' (targetRef is missing or does not name an element)' : ''}`,
      );
    else if (!target && !d.unsupportedIds.has(flow.targetId))
      problems.element(flow.id, `sequence flow target '${flow.targetId}' is not a flow node of this process`);
    if (source && source.parentId !== flow.parentId)
      problems.element(flow.id, `sequence flow source '${source.id}' is in a different scope than the flow`);
    if (target && target.parentId !== flow.parentId)
      problems.element(flow.id, `sequence flow target '${target.id}' is in a different scope than the flow`);
    if (flow.condition !== undefined && source) {
      if (source.kind === 'parallelGateway')
        problems.element(
          flow.id,
          `sequence flows leaving the parallel gateway '${source.id}' must not have a condition`,
        );
      else if (source.kind !== 'exclusiveGateway' && source.kind !== 'inclusiveGateway') {
        problems.element(
          flow.id,
          `conditional sequence flows are only supported at exclusive or inclusive gateways, not at the ${source.kind} '${source.id}'`,
        );
      }
    }
  }
  for (const el of Object.values(elements)) {
    if (el.defaultFlowId !== undefined) validateDefaultFlow(d, el, problems);
    if (el.kind === 'exclusiveGateway' || el.kind === 'inclusiveGateway') validateConditions(d, el, problems);
    if (el.kind === 'eventBasedGateway') validateEventGateway(d, el, problems);
  }
}

function validateDefaultFlow(d: ProcessDraft, el: ExecutableElement, problems: Problems): void {
  const flow = d.process.flows[el.defaultFlowId ?? ''];
  if (!flow) problems.element(el.id, `default flow '${el.defaultFlowId}' is not a sequence flow of this process`);
  else if (flow.sourceId !== el.id) problems.element(el.id, `default flow '${flow.id}' must start at this element`);
}

function validateConditions(d: ProcessDraft, gw: ExecutableElement, problems: Problems): void {
  // A single outgoing flow is taken unconditionally; Zeebe only insists on conditions for a real choice.
  if (gw.outgoing.length < 2) return;
  for (const id of gw.outgoing) {
    if (id === gw.defaultFlowId) continue;
    if (d.process.flows[id]?.condition === undefined) {
      problems.element(
        id,
        `sequence flow leaving the ${gw.kind} '${gw.id}' must have a condition or be its default flow`,
      );
    }
  }
}

function validateEventGateway(d: ProcessDraft, gw: ExecutableElement, problems: Problems): void {
  if (gw.outgoing.length < 2)
    problems.element(gw.id, 'an event-based gateway must have at least two outgoing sequence flows');
  const names = new Set<string>();
  for (const id of gw.outgoing) {
    const flow = d.process.flows[id];
    if (!flow) continue;
    if (flow.condition !== undefined)
      problems.element(flow.id, 'sequence flows leaving an event-based gateway must not have a condition');
    const target = d.process.elements[flow.targetId];
    if (!target) continue;
    const type = target.eventDefinition?.type;
    if (target.kind !== 'intermediateCatchEvent' || !['message', 'timer', 'signal'].includes(type ?? '')) {
      problems.element(
        gw.id,
        `an event-based gateway may only lead to message, timer or signal intermediate catch events, but '${target.id}' is ${type && target.kind === 'intermediateCatchEvent' ? `a ${type} intermediate catch event` : `a ${target.kind}`}`,
      );
      continue;
    }
    if (target.incoming.length > 1)
      problems.element(
        target.id,
        `targets of the event-based gateway '${gw.id}' must not have other incoming sequence flows`,
      );
    const def = target.eventDefinition;
    if (def?.type === 'message' && def.messageName) {
      if (names.has(def.messageName))
        problems.element(
          gw.id,
          `an event-based gateway must not wait for the same message name '${def.messageName}' twice`,
        );
      names.add(def.messageName);
    }
  }
}
