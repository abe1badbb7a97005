import type { ProcessDraft } from './extract-process';
import type { EventDefinition, ExecutableElement } from './model';
import type { Problems } from './problems';
import { isStaticDate, isStaticDuration, isStaticCycle } from './timer-values';

type Position = 'processStart' | 'subProcessStart' | 'eventSubProcessStart' | 'catch' | 'boundary' | 'throw' | 'end';

// Which triggers Zeebe can execute in each position (Camunda 8 BPMN coverage).
const ALLOWED: Record<Position, EventDefinition['type'][]> = {
  processStart: ['none', 'message', 'timer', 'signal'],
  subProcessStart: ['none'],
  eventSubProcessStart: ['message', 'timer', 'signal', 'error', 'escalation'],
  catch: ['message', 'timer', 'signal', 'link'],
  boundary: ['message', 'timer', 'signal', 'error', 'escalation', 'compensation'],
  throw: ['none', 'message', 'signal', 'escalation', 'link', 'compensation'],
  end: ['none', 'terminate', 'message', 'signal', 'error', 'escalation', 'compensation'],
};

function positionOf(d: ProcessDraft, el: ExecutableElement): Position | undefined {
  switch (el.kind) {
    case 'startEvent': {
      const parent = el.parentId ? d.process.elements[el.parentId] : undefined;
      if (!parent) return 'processStart';
      return parent.kind === 'eventSubProcess' ? 'eventSubProcessStart' : 'subProcessStart';
    }
    case 'intermediateCatchEvent':
      return 'catch';
    case 'boundaryEvent':
      return 'boundary';
    case 'intermediateThrowEvent':
      return 'throw';
    case 'endEvent':
      return 'end';
    default:
      return undefined;
  }
}

const POSITION_LABEL: Record<Position, string> = {
  processStart: 'process start events',
  subProcessStart: 'start events of embedded subprocesses',
  eventSubProcessStart: 'start events of event subprocesses',
  catch: 'intermediate catch events',
  boundary: 'boundary events',
  throw: 'intermediate throw events',
  end: 'end events',
};

/** Per-event checks: is the trigger allowed here, and does it carry what it needs to run. */
export function validateEvents(d: ProcessDraft, problems: Problems): void {
  for (const el of Object.values(d.process.elements)) {
    const pos = positionOf(d, el);
    if (el.kind === 'receiveTask') validateMessage(el, 'catch', problems);
    if (!pos || !el.eventDefinition) continue;
    const def = el.eventDefinition;
    if (!ALLOWED[pos].includes(def.type)) {
      // Process-level start events get a dedicated message from validate-structure.
      if (pos !== 'processStart' && pos !== 'subProcessStart' && pos !== 'eventSubProcessStart') {
        problems.element(
          el.id,
          def.type === 'none'
            ? `${POSITION_LABEL[pos]} must have an event definition`
            : `${def.type} ${POSITION_LABEL[pos]} are not supported`,
        );
      }
      continue;
    }
    switch (def.type) {
      case 'timer':
        validateTimer(el, def, pos, problems);
        break;
      case 'message':
        validateMessage(el, pos, problems);
        break;
      case 'signal':
        if (!def.signalName) problems.element(el.id, 'signal events must reference a signal with a non-empty name');
        break;
      case 'error':
        if ((pos === 'end' || pos === 'throw') && !def.errorCode) {
          problems.element(el.id, 'error end events must reference an error with a non-empty errorCode');
        }
        break;
      case 'escalation':
        if ((pos === 'end' || pos === 'throw') && !def.escalationCode) {
          problems.element(
            el.id,
            'escalation throw events must reference an escalation with a non-empty escalationCode',
          );
        }
        break;
      case 'link':
        if (!def.linkName) problems.element(el.id, 'link events must have a non-empty link name');
        break;
      default:
        break;
    }
  }
  validateLinks(d, problems);
}

function validateMessage(el: ExecutableElement, pos: Position, problems: Problems): void {
  const def = el.eventDefinition;
  if (def?.type !== 'message') return;
  if ((pos === 'throw' || pos === 'end') && (!el.taskDefinition || !el.taskDefinition.type)) {
    problems.element(el.id, 'message throw events must have a zeebe:taskDefinition with a non-empty type');
  }
  // A message throw event is a job; the worker decides what to publish, so no message is needed.
  if (pos === 'throw' || pos === 'end') return;
  if (!def.messageId) {
    problems.element(el.id, 'must reference a message (messageRef is missing)');
    return;
  }
  if (!def.messageName)
    problems.element(el.id, `must reference a message with a non-empty name (message '${def.messageId}' has none)`);
  // A message that starts a process has no instance to correlate with; everything else does.
  const needsKey = pos === 'catch' || pos === 'boundary' || pos === 'eventSubProcessStart';
  if (needsKey && !def.correlationKey) {
    problems.element(
      el.id,
      `message '${def.messageId}' must have a zeebe:subscription with a non-empty correlationKey`,
    );
  }
}

function validateTimer(
  el: ExecutableElement,
  def: Extract<EventDefinition, { type: 'timer' }>,
  pos: Position,
  problems: Problems,
): void {
  const given = (['timeDuration', 'timeDate', 'timeCycle'] as const).filter((k) => def[k] !== undefined);
  if (given.length !== 1) {
    problems.element(
      el.id,
      `timer events must have exactly one of timeDuration, timeDate or timeCycle, but has ${given.length === 0 ? 'none' : given.join(' and ')}`,
    );
    return;
  }
  const which = given[0];
  const value = def[which] ?? '';
  const allowed: (typeof which)[] =
    pos === 'processStart'
      ? ['timeDate', 'timeCycle']
      : (pos === 'boundary' || pos === 'eventSubProcessStart') && el.interrupting === false
        ? ['timeDuration', 'timeDate', 'timeCycle']
        : ['timeDuration', 'timeDate'];
  if (!allowed.includes(which)) {
    problems.element(
      el.id,
      `${which} is not allowed on ${el.interrupting === false ? 'non-interrupting ' : ''}${POSITION_LABEL[pos]}; use ${allowed.join(' or ')}`,
    );
  }
  if (value === '') {
    problems.element(el.id, `timer ${which} must not be empty`);
    return;
  }
  if (value.startsWith('=')) return; // checked as FEEL in validate-expressions
  const ok =
    which === 'timeDuration'
      ? isStaticDuration(value)
      : which === 'timeDate'
        ? isStaticDate(value)
        : isStaticCycle(value);
  if (!ok) problems.element(el.id, `invalid timer ${which} '${value}'`);
}

function validateLinks(d: ProcessDraft, problems: Problems): void {
  const catchesByScope = new Map<string, Map<string, string[]>>();
  const events = Object.values(d.process.elements);
  for (const el of events) {
    if (el.kind !== 'intermediateCatchEvent' || el.eventDefinition?.type !== 'link') continue;
    const scope = catchesByScope.get(el.parentId ?? '') ?? new Map<string, string[]>();
    catchesByScope.set(el.parentId ?? '', scope);
    scope.set(el.eventDefinition.linkName, [...(scope.get(el.eventDefinition.linkName) ?? []), el.id]);
  }
  for (const scope of catchesByScope.values()) {
    for (const [name, ids] of scope) {
      if (ids.length > 1)
        for (const id of ids)
          problems.element(id, `multiple link catch events with the name '${name}' in the same scope are not allowed`);
    }
  }
  for (const el of events) {
    if (el.kind !== 'intermediateThrowEvent' || el.eventDefinition?.type !== 'link' || !el.eventDefinition.linkName)
      continue;
    if (!catchesByScope.get(el.parentId ?? '')?.has(el.eventDefinition.linkName)) {
      problems.element(el.id, `no link catch event named '${el.eventDefinition.linkName}' in the same scope`);
    }
  }
}
