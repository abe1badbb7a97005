/**
 * What the engine offers to its doors (the Zeebe gRPC gateway now, a REST API later). Keys are
 * int64 and travel as decimal strings, as zeebe-node sends them. Variables are plain JSON objects.
 */
export type Variables = Record<string, unknown>;

/** Failure kinds named after the gRPC status a Zeebe gateway answers with. */
export type EngineErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_ARGUMENT'
  | 'FAILED_PRECONDITION'
  | 'ALREADY_EXISTS'
  | 'RESOURCE_EXHAUSTED'
  | 'DEADLINE_EXCEEDED'
  | 'UNAVAILABLE';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  resourceName: string;
}

export interface DeployedForm {
  formId: string;
  version: number;
  formKey: string;
  resourceName: string;
}

export interface DeploymentResult {
  deploymentKey: string;
  processes: DeployedProcess[];
  forms: DeployedForm[];
}

export interface CreateInstanceCommand {
  bpmnProcessId?: string;
  processDefinitionKey?: string;
  /** -1 or undefined: the latest version. */
  version?: number;
  variables: Variables;
  /** Element ids to start at instead of the none start event. */
  startInstructions?: string[];
}

export interface CreatedInstance {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: string;
}

export interface ActivateJobsCommand {
  type: string;
  worker: string;
  /** How long the job stays with this worker before it may be handed out again. */
  timeoutMs: number;
  maxJobsToActivate: number;
  /** Empty: every variable visible from the job's element. */
  fetchVariables: string[];
}

export interface ActivatedJob {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: string;
  elementId: string;
  elementInstanceKey: string;
  customHeaders: Record<string, string>;
  worker: string;
  retries: number;
  /** Epoch milliseconds. */
  deadline: number;
  variables: Variables;
}

export interface FailJobCommand {
  jobKey: string;
  retries: number;
  errorMessage: string;
  retryBackOffMs: number;
  variables: Variables;
}

export interface ThrowErrorCommand {
  jobKey: string;
  errorCode: string;
  errorMessage: string;
  variables: Variables;
}

export interface PublishMessageCommand {
  name: string;
  correlationKey: string;
  timeToLiveMs: number;
  messageId?: string;
  variables: Variables;
}

export interface InstanceResult {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: string;
  variables: Variables;
}

/** ModifyProcessInstance: start tokens at elements and end element instances, in one step. */
export interface ModifyInstanceCommand {
  processInstanceKey: string;
  activateInstructions: ActivateInstruction[];
  terminateInstructions: { elementInstanceKey: string }[];
}

export interface ActivateInstruction {
  elementId: string;
  /** The element instance (a flow scope of the element) to activate in; undefined: find or create it. */
  ancestorElementInstanceKey?: string;
  /** `scopeId` '' (or undefined): the process instance's scope; else the element itself or one of its flow scopes. */
  variableInstructions: { scopeId?: string; variables: Variables }[];
}

/** MigrateProcessInstance: move a running instance onto another process definition. */
export interface MigrateInstanceCommand {
  processInstanceKey: string;
  targetProcessDefinitionKey: string;
  mappingInstructions: { sourceElementId: string; targetElementId: string }[];
}

export interface EngineApi {
  deploy(resources: { name: string; content: Buffer }[]): Promise<DeploymentResult>;
  createProcessInstance(command: CreateInstanceCommand): Promise<CreatedInstance>;
  /**
   * Creates an instance and resolves when it completes, with its variables (all, or only
   * `fetchVariables`). Rejects with DEADLINE_EXCEEDED after `timeoutMs`; the instance runs on.
   */
  createProcessInstanceWithResult(
    command: CreateInstanceCommand,
    timeoutMs: number,
    fetchVariables: string[],
  ): Promise<InstanceResult>;
  cancelProcessInstance(processInstanceKey: string): Promise<void>;
  /** Hands out up to maxJobsToActivate activatable jobs of the type now; never waits. */
  activateJobs(command: ActivateJobsCommand): Promise<ActivatedJob[]>;
  /**
   * Calls `listener` whenever jobs of `type` may have become activatable (created, timed out,
   * back-off over, retries updated), from this or another engine process on the same database.
   * Returns the unsubscribe function.
   */
  onJobsAvailable(type: string, listener: () => void): () => void;
  completeJob(jobKey: string, variables: Variables): Promise<void>;
  failJob(command: FailJobCommand): Promise<void>;
  throwError(command: ThrowErrorCommand): Promise<void>;
  updateJobRetries(jobKey: string, retries: number): Promise<void>;
  /** Returns the key of the variable document record. */
  setVariables(elementInstanceKey: string, variables: Variables, local: boolean): Promise<string>;
  resolveIncident(incidentKey: string): Promise<void>;
  publishMessage(command: PublishMessageCommand): Promise<{ key: string }>;
  broadcastSignal(signalName: string, variables: Variables): Promise<{ key: string }>;
  /** All instructions or none; INVALID_ARGUMENT with every problem when an instruction does not fit. */
  modifyProcessInstance(command: ModifyInstanceCommand): Promise<void>;
  /** FAILED_PRECONDITION / INVALID_ARGUMENT with a reason per element that cannot be migrated. */
  migrateProcessInstance(command: MigrateInstanceCommand): Promise<void>;
  /** Deletes a process definition (by key) that has no active instances. */
  deleteResource(resourceKey: string): Promise<void>;
}
