import type { ActivatedJob, DeployedProcess } from '@brobygger/engine-core';
import { toJsonText } from './json-fields';
import type { ActivatedJobMessage, ProcessMetadata } from './protocol';
import { DEFAULT_TENANT } from './validation';

export function toActivatedJobMessage(job: ActivatedJob): ActivatedJobMessage {
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: job.processDefinitionKey,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    customHeaders: toJsonText(job.customHeaders),
    worker: job.worker,
    retries: job.retries,
    // Zeebe sends the deadline as epoch milliseconds in an int64.
    deadline: String(Math.trunc(job.deadline)),
    variables: toJsonText(job.variables),
    tenantId: DEFAULT_TENANT,
  };
}

export function toProcessMetadata(process: DeployedProcess): ProcessMetadata {
  return {
    bpmnProcessId: process.bpmnProcessId,
    version: process.version,
    processDefinitionKey: process.processDefinitionKey,
    resourceName: process.resourceName,
    tenantId: DEFAULT_TENANT,
  };
}
