import type { ElementDraft } from './extract-element';
import type { ProcessDraft } from './extract-process';
import type { ExecutableElement, ExecutionListener } from './model';
import type { Problems } from './problems';

const JOB_KINDS = new Set(['serviceTask', 'sendTask']);
const BINDING_TYPES = ['latest', 'deployment', 'versionTag'];
const EXECUTION_LISTENER_EVENTS = ['start', 'end'];
const TASK_LISTENER_EVENTS = [
  'creating',
  'assigning',
  'updating',
  'completing',
  'canceling',
  'create',
  'assignment',
  'update',
  'complete',
  'cancel',
];

/** What each activity kind needs in order to be executed (job type, called process, decision, ...). */
export function validateTasks(d: ProcessDraft, problems: Problems): void {
  for (const draft of d.drafts.values()) {
    const { el } = draft;
    if (JOB_KINDS.has(el.kind)) requireTaskDefinition(draft, problems);
    if (el.kind === 'scriptTask') validateScriptTask(draft, problems);
    if (el.kind === 'businessRuleTask') validateBusinessRuleTask(draft, problems);
    if (el.kind === 'callActivity') validateCallActivity(el, problems);
    if (el.kind === 'userTask') validateUserTask(el, problems);
    if (el.multiInstance) validateMultiInstance(el, problems);
    if (draft.ext.taskDefinition && !el.taskDefinition?.type) requireTaskDefinition(draft, problems);
    validateMappings(el, problems);
    validateListeners(el.id, el.executionListeners, EXECUTION_LISTENER_EVENTS, 'execution', problems);
  }
  validateListeners(
    d.process.bpmnProcessId,
    d.process.executionListeners,
    EXECUTION_LISTENER_EVENTS,
    'execution',
    problems,
  );
}

function requireTaskDefinition({ el, ext }: ElementDraft, problems: Problems): void {
  const def = ext.taskDefinition;
  if (!def || !def.type || def.type.trim() === '') {
    problems.element(el.id, 'must have a zeebe:taskDefinition with a non-empty type');
  }
  if (def && def.retries !== undefined && def.retries.trim() === '') {
    problems.element(el.id, 'zeebe:taskDefinition retries must not be empty');
  }
}

function validateScriptTask(draft: ElementDraft, problems: Problems): void {
  const { el, ext } = draft;
  if (ext.script && ext.taskDefinition) {
    problems.element(el.id, 'a script task must have either zeebe:script or zeebe:taskDefinition, not both');
  }
  if (!ext.script) {
    requireTaskDefinition(draft, problems);
    return;
  }
  if (!ext.script.expression) problems.element(el.id, 'zeebe:script must have a non-empty expression');
  if (!ext.script.resultVariable) problems.element(el.id, 'zeebe:script must have a non-empty resultVariable');
}

function validateBusinessRuleTask(draft: ElementDraft, problems: Problems): void {
  const { el, ext } = draft;
  if (ext.calledDecision && ext.taskDefinition) {
    problems.element(
      el.id,
      'a business rule task must have either zeebe:calledDecision or zeebe:taskDefinition, not both',
    );
  }
  if (!ext.calledDecision) {
    requireTaskDefinition(draft, problems);
    return;
  }
  if (!ext.calledDecision.decisionId) problems.element(el.id, 'zeebe:calledDecision must have a non-empty decisionId');
  if (!ext.calledDecision.resultVariable)
    problems.element(el.id, 'zeebe:calledDecision must have a non-empty resultVariable');
  validateBinding(
    el.id,
    'zeebe:calledDecision',
    ext.calledDecision.bindingType,
    ext.calledDecision.versionTag,
    problems,
  );
}

function validateCallActivity(el: ExecutableElement, problems: Problems): void {
  if (!el.calledElement || !el.calledElement.processId) {
    problems.element(el.id, 'must have a zeebe:calledElement with a non-empty processId');
    return;
  }
  validateBinding(el.id, 'zeebe:calledElement', el.calledElement.bindingType, el.calledElement.versionTag, problems);
}

function validateBinding(
  id: string,
  what: string,
  bindingType: string | undefined,
  versionTag: string | undefined,
  problems: Problems,
): void {
  if (bindingType === undefined) return;
  if (!BINDING_TYPES.includes(bindingType)) {
    problems.element(id, `${what} bindingType must be one of ${BINDING_TYPES.join(', ')}, not '${bindingType}'`);
  } else if (bindingType === 'versionTag' && !versionTag) {
    problems.element(id, `${what} with bindingType 'versionTag' must have a non-empty versionTag`);
  }
}

function validateUserTask(el: ExecutableElement, problems: Problems): void {
  const u = el.userTask;
  if (!u) return;
  const forms = [u.formKey, u.formId, u.externalReference].filter((v) => v !== undefined);
  if (forms.length > 1 || forms.some((f) => f === '')) {
    problems.element(
      el.id,
      'zeebe:formDefinition must have exactly one non-empty of formKey, formId or externalReference',
    );
  }
  if (u.formId !== undefined)
    validateBinding(el.id, 'zeebe:formDefinition', u.formBindingType, u.formVersionTag, problems);
  validateListeners(el.id, u.taskListeners, TASK_LISTENER_EVENTS, 'task', problems);
}

function validateMultiInstance(el: ExecutableElement, problems: Problems): void {
  const mi = el.multiInstance;
  if (!mi) return;
  if (!mi.inputCollection)
    problems.element(el.id, 'multi-instance must have a zeebe:loopCharacteristics with a non-empty inputCollection');
  if ((mi.outputCollection === undefined) !== (mi.outputElement === undefined)) {
    problems.element(el.id, 'multi-instance outputCollection and outputElement must be defined together');
  }
}

// Zeebe merges the result into a variable path such as `order.total`.
const PATH = /^[\p{L}_$][\p{L}\p{N}_$-]*(\.[\p{L}_$][\p{L}\p{N}_$-]*)*$/u;

function validateMappings(el: ExecutableElement, problems: Problems): void {
  for (const [label, items] of [
    ['input', el.inputs],
    ['output', el.outputs],
  ] as const) {
    for (const m of items) {
      if (!m.target) problems.element(el.id, `${label} mapping must have a non-empty target`);
      else if (!PATH.test(m.target.trim()))
        problems.element(
          el.id,
          `${label} mapping target '${m.target}' is not a variable name or path (e.g. 'order.total')`,
        );
      if (!m.source)
        problems.element(el.id, `${label} mapping${m.target ? ` to '${m.target}'` : ''} must have a non-empty source`);
    }
  }
}

function validateListeners(
  id: string,
  listeners: ExecutionListener[],
  events: string[],
  label: string,
  problems: Problems,
): void {
  for (const l of listeners) {
    if (!events.includes(l.eventType))
      problems.element(id, `${label} listener eventType '${l.eventType}' is not one of ${events.join(', ')}`);
    if (!l.type) problems.element(id, `${label} listener must have a non-empty type`);
    if (!l.retries) problems.element(id, `${label} listener retries must not be empty`);
  }
}
