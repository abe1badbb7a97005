/**
 * The gateway_protocol messages as @grpc/proto-loader hands them over (`keepCase`, `longs: String`,
 * `defaults: true`): int64 fields are decimal strings, unset scalars are '' / 0 / false. Only the
 * fields the gateway reads or writes are listed.
 */
export type Int64 = string;

export interface ActivateJobsRequest {
  type: string;
  worker: string;
  timeout: Int64;
  maxJobsToActivate: number;
  fetchVariable: string[];
  requestTimeout: Int64;
  tenantIds: string[];
}

export interface StreamActivatedJobsRequest {
  type: string;
  worker: string;
  timeout: Int64;
  fetchVariable: string[];
  tenantIds: string[];
}

export interface ActivatedJobMessage {
  key: Int64;
  type: string;
  processInstanceKey: Int64;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: Int64;
  elementId: string;
  elementInstanceKey: Int64;
  customHeaders: string;
  worker: string;
  retries: number;
  deadline: Int64;
  variables: string;
  tenantId: string;
}

export interface ActivateJobsResponse {
  jobs: ActivatedJobMessage[];
}

export interface CompleteJobRequest {
  jobKey: Int64;
  variables: string;
}

export interface FailJobRequest {
  jobKey: Int64;
  retries: number;
  errorMessage: string;
  retryBackOff: Int64;
  variables: string;
}

export interface ThrowErrorRequest {
  jobKey: Int64;
  errorCode: string;
  errorMessage: string;
  variables: string;
}

export interface UpdateJobRetriesRequest {
  jobKey: Int64;
  retries: number;
}

export interface CreateProcessInstanceRequest {
  processDefinitionKey: Int64;
  bpmnProcessId: string;
  version: number;
  variables: string;
  startInstructions: { elementId: string }[];
  tenantId: string;
}

export interface CreateProcessInstanceResponse {
  processDefinitionKey: Int64;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: Int64;
  tenantId: string;
}

export interface CreateProcessInstanceWithResultRequest {
  request: CreateProcessInstanceRequest | null;
  requestTimeout: Int64;
  fetchVariables: string[];
}

export interface CreateProcessInstanceWithResultResponse extends CreateProcessInstanceResponse {
  variables: string;
}

export interface CancelProcessInstanceRequest {
  processInstanceKey: Int64;
}

export interface DeployResourceRequest {
  resources: { name: string; content: Buffer }[];
  tenantId: string;
}

export interface DeployProcessRequest {
  processes: { name: string; definition: Buffer }[];
}

export interface ProcessMetadata {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: Int64;
  resourceName: string;
  tenantId: string;
}

export interface FormMetadata {
  formId: string;
  version: number;
  formKey: Int64;
  resourceName: string;
  tenantId: string;
}

export interface DeployResourceResponse {
  key: Int64;
  deployments: ({ process: ProcessMetadata } | { form: FormMetadata })[];
  tenantId: string;
}

export interface DeployProcessResponse {
  key: Int64;
  processes: ProcessMetadata[];
}

export interface SetVariablesRequest {
  elementInstanceKey: Int64;
  variables: string;
  local: boolean;
}

export interface ResolveIncidentRequest {
  incidentKey: Int64;
}

export interface PublishMessageRequest {
  name: string;
  correlationKey: string;
  timeToLive: Int64;
  messageId: string;
  variables: string;
  tenantId: string;
}

export interface TopologyResponse {
  brokers: {
    nodeId: number;
    host: string;
    port: number;
    version: string;
    partitions: { partitionId: number; role: 'LEADER'; health: 'HEALTHY' }[];
  }[];
  clusterSize: number;
  partitionsCount: number;
  replicationFactor: number;
  gatewayVersion: string;
}

/** Responses without fields (CompleteJobResponse, FailJobResponse, …). */
export type Empty = Record<string, never>;
