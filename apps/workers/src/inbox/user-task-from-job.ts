import type { Job } from 'zeebe-node';
import type { IncomingUserTask } from '@brobygger/domain';

const HEADER = 'io.camunda.zeebe:';

function list(raw: unknown): string[] {
  if (typeof raw !== 'string' || raw === '') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    // Zeebe writes JSON lists; a plain comma list from another engine is read too.
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
}

function date(raw: unknown): Date | null {
  if (typeof raw !== 'string' || raw === '') return null;
  // FEEL may write a zone id after the offset ("…+01:00[Europe/Copenhagen]"); Date wants it off.
  const parsed = new Date(raw.replace(/\[[^\]]+\]$/, ''));
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** Reads the task out of a job of type io.camunda.zeebe:userTask and its Zeebe headers. */
export function userTaskFromJob(job: Job): IncomingUserTask {
  const headers = job.customHeaders as Record<string, unknown>;
  const variables = job.variables as Record<string, unknown>;
  const header = (name: string) => headers[HEADER + name];
  return {
    jobKey: job.key,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processVersion: job.processDefinitionVersion,
    placementId: typeof variables.placementId === 'string' ? variables.placementId : null,
    candidateGroups: list(header('candidateGroups')),
    candidateUsers: list(header('candidateUsers')),
    assignee: typeof header('assignee') === 'string' ? (header('assignee') as string) : null,
    dueAt: date(header('dueDate')),
    followUpAt: date(header('followUpDate')),
    formKey: typeof header('formKey') === 'string' ? (header('formKey') as string) : null,
    variables,
  };
}
