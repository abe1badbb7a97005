import type { ExecutableElement } from '@brobygger/bpmn';
import { evaluateNumber, evaluateString, evaluateStringList } from '@brobygger/feel';
import type { Variables } from '../api';
import type { ElementInstance } from '../state/instance-document';
import { Failure, failure } from '../processing/failure';
import type { ProcessingContext } from '../processing/processing-context';

/** The job type Zeebe gives user tasks that are handed to a job worker (a task list). */
export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';

export interface JobSpec {
  type: string;
  retries: number;
  customHeaders: Record<string, string>;
}

type Evaluated<T> = { ok: true; value: T } | { ok: false; failure: Failure };

function attribute(
  element: ExecutableElement,
  what: string,
  result: { ok: boolean; value?: unknown; message?: string },
) {
  return result.ok
    ? undefined
    : failure('EXTRACT_VALUE_ERROR', `Element '${element.id}': failed to evaluate the ${what}: ${result.message}`);
}

/** Zeebe's headers for a job-worker user task: assignment, schedule and form. */
function userTaskHeaders(element: ExecutableElement, variables: Variables): Evaluated<Record<string, string>> {
  const spec = element.userTask!;
  const headers: Record<string, string> = {};
  const single: [keyof typeof spec, string][] = [
    ['assignee', 'assignee'],
    ['dueDate', 'dueDate'],
    ['followUpDate', 'followUpDate'],
  ];
  for (const [field, name] of single) {
    const raw = spec[field];
    if (typeof raw !== 'string' || raw === '') continue;
    const value = evaluateString(raw, variables);
    const failed = attribute(element, name, value);
    if (failed) return { ok: false, failure: failed };
    if (value.ok && value.value !== '') headers[`io.camunda.zeebe:${name}`] = value.value;
  }
  for (const field of ['candidateGroups', 'candidateUsers'] as const) {
    const raw = spec[field];
    if (!raw) continue;
    const value = evaluateStringList(raw, variables);
    const failed = attribute(element, field, value);
    if (failed) return { ok: false, failure: failed };
    if (value.ok) headers[`io.camunda.zeebe:${field}`] = JSON.stringify(value.value);
  }
  if (spec.formKey) headers['io.camunda.zeebe:formKey'] = spec.formKey;
  else if (spec.formId) headers['io.camunda.zeebe:formKey'] = `camunda-forms:form:${spec.formId}`;
  return { ok: true, value: headers };
}

/** Creating and cancelling the jobs of tasks (Zeebe's BpmnJobBehavior). */
export const jobs = {
  /** Evaluates type, retries and headers against the element's variables; nothing is written. */
  evaluate(element: ExecutableElement, variables: Variables): Evaluated<JobSpec> {
    const isUserTask = element.kind === 'userTask';
    let type = USER_TASK_JOB_TYPE;
    if (!isUserTask) {
      const typeResult = evaluateString(element.taskDefinition!.type, variables);
      const failed = attribute(element, 'job type', typeResult);
      if (failed || !typeResult.ok) return { ok: false, failure: failed! };
      if (typeResult.value.trim() === '') {
        return { ok: false, failure: failure('EXTRACT_VALUE_ERROR', `Element '${element.id}': the job type is empty`) };
      }
      type = typeResult.value;
    }
    const retriesResult = evaluateNumber(element.taskDefinition?.retries ?? '3', variables);
    const failed = attribute(element, 'job retries', retriesResult);
    if (failed || !retriesResult.ok) return { ok: false, failure: failed! };
    const headers = isUserTask ? userTaskHeaders(element, variables) : { ok: true as const, value: {} };
    if (!headers.ok) return headers;
    return {
      ok: true,
      value: {
        type,
        retries: Math.trunc(retriesResult.value),
        customHeaders: { ...element.taskHeaders, ...headers.value },
      },
    };
  },

  create(context: ProcessingContext, instance: ElementInstance, spec: JobSpec): void {
    const key = context.keys.next();
    context.effects.newJobs.push({
      key,
      type: spec.type,
      retries: spec.retries,
      customHeaders: spec.customHeaders,
      elementInstanceKey: instance.key,
      elementId: instance.elementId,
    });
    context.effects.activatableTypes.add(spec.type);
    context.effects.record({
      key,
      valueType: 'JOB',
      intent: 'CREATED',
      elementId: instance.elementId,
      elementType: instance.type,
      payload: { type: spec.type, retries: spec.retries, elementInstanceKey: instance.key },
    });
    instance.jobKey = key;
  },

  /** The job of a terminated element is withdrawn from the workers. */
  cancel(context: ProcessingContext, instance: ElementInstance): void {
    if (!instance.jobKey) return;
    context.effects.jobChanges.push({ kind: 'delete', key: instance.jobKey });
    context.effects.record({
      key: instance.jobKey,
      valueType: 'JOB',
      intent: 'CANCELED',
      elementId: instance.elementId,
      elementType: instance.type,
      payload: { elementInstanceKey: instance.key },
    });
    delete instance.jobKey;
  },
};
