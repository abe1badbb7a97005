import {
  EngineError,
  type ActivateJobsCommand,
  type ActivatedJob,
  type CreateInstanceCommand,
  type CreatedInstance,
  type DeploymentResult,
  type EngineApi,
  type FailJobCommand,
  type InstanceResult,
  type PublishMessageCommand,
  type ThrowErrorCommand,
  type Variables,
} from '@brobygger/engine-core';

interface NullProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  /** Service-task job types in document order: the instance runs them one after another. */
  taskTypes: string[];
}

interface NullInstance {
  key: string;
  process: NullProcess;
  /** Index into process.taskTypes of the job that is queued or activated now. */
  step: number;
}

interface NullJob {
  key: string;
  instance: NullInstance;
  elementInstanceKey: string;
}

/**
 * The protocol ceiling's engine: keeps everything in memory, writes nothing, and understands just
 * enough BPMN for the benchmark's load (a process whose service tasks run in sequence). It answers
 * the gateway as the real engine would, so gRPC, the gateway and the client are all that cost.
 */
export class NullEngine implements EngineApi {
  private nextKey = 2251799813685249n;
  private readonly processes = new Map<string, NullProcess>();
  private readonly queued = new Map<string, NullJob[]>();
  private readonly activated = new Map<string, NullJob>();
  private readonly listeners = new Map<string, Set<() => void>>();

  private key(): string {
    return String(this.nextKey++);
  }

  async deploy(resources: { name: string; content: Buffer }[]): Promise<DeploymentResult> {
    const deploymentKey = this.key();
    const deployed = resources.map((resource) => {
      const xml = resource.content.toString('utf8');
      const id = /<(?:\w+:)?process\b[^>]*\bid="([^"]+)"/.exec(xml)?.[1];
      if (!id) throw new EngineError('INVALID_ARGUMENT', `${resource.name}: no process found`);
      const taskTypes = [...xml.matchAll(/<(?:\w+:)?taskDefinition\b[^>]*\btype="([^"]+)"/g)].map((m) => m[1]);
      const previous = this.processes.get(id);
      const process: NullProcess = {
        bpmnProcessId: id,
        version: (previous?.version ?? 0) + 1,
        processDefinitionKey: this.key(),
        taskTypes,
      };
      this.processes.set(id, process);
      this.processes.set(process.processDefinitionKey, process);
      return {
        bpmnProcessId: id,
        version: process.version,
        processDefinitionKey: process.processDefinitionKey,
        resourceName: resource.name,
      };
    });
    return { deploymentKey, processes: deployed, forms: [] };
  }

  async createProcessInstance(command: CreateInstanceCommand): Promise<CreatedInstance> {
    const process = this.processes.get(command.processDefinitionKey ?? command.bpmnProcessId ?? '');
    if (!process) throw new EngineError('NOT_FOUND', 'process definition not found');
    const instance: NullInstance = { key: this.key(), process, step: 0 };
    this.advance(instance);
    return {
      processDefinitionKey: process.processDefinitionKey,
      bpmnProcessId: process.bpmnProcessId,
      version: process.version,
      processInstanceKey: instance.key,
    };
  }

  /** Queues the job of the instance's current step, or ends the instance when there is none. */
  private advance(instance: NullInstance): void {
    const type = instance.process.taskTypes[instance.step];
    if (type === undefined) return;
    const job: NullJob = { key: this.key(), instance, elementInstanceKey: this.key() };
    let queue = this.queued.get(type);
    if (!queue) this.queued.set(type, (queue = []));
    queue.push(job);
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener();
  }

  async activateJobs(command: ActivateJobsCommand): Promise<ActivatedJob[]> {
    const queue = this.queued.get(command.type);
    if (!queue || queue.length === 0) return [];
    const taken = queue.splice(0, command.maxJobsToActivate);
    const deadline = Date.now() + command.timeoutMs;
    return taken.map((job) => {
      this.activated.set(job.key, job);
      const { instance } = job;
      return {
        key: job.key,
        type: command.type,
        processInstanceKey: instance.key,
        bpmnProcessId: instance.process.bpmnProcessId,
        processDefinitionVersion: instance.process.version,
        processDefinitionKey: instance.process.processDefinitionKey,
        elementId: `task${instance.step}`,
        elementInstanceKey: job.elementInstanceKey,
        customHeaders: {},
        worker: command.worker,
        retries: 3,
        deadline,
        variables: {},
      };
    });
  }

  onJobsAvailable(type: string, listener: () => void): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  async completeJob(jobKey: string, _variables: Variables): Promise<void> {
    const job = this.activated.get(jobKey);
    if (!job) throw new EngineError('NOT_FOUND', `job ${jobKey} is not activated`);
    this.activated.delete(jobKey);
    job.instance.step++;
    this.advance(job.instance);
  }

  createProcessInstanceWithResult(
    _command: CreateInstanceCommand,
    _timeoutMs: number,
    _fetchVariables: string[],
  ): Promise<InstanceResult> {
    return unavailable('createProcessInstanceWithResult');
  }

  cancelProcessInstance(_processInstanceKey: string): Promise<void> {
    return unavailable('cancelProcessInstance');
  }

  failJob(_command: FailJobCommand): Promise<void> {
    return unavailable('failJob');
  }

  throwError(_command: ThrowErrorCommand): Promise<void> {
    return unavailable('throwError');
  }

  updateJobRetries(_jobKey: string, _retries: number): Promise<void> {
    return unavailable('updateJobRetries');
  }

  setVariables(_elementInstanceKey: string, _variables: Variables, _local: boolean): Promise<string> {
    return unavailable('setVariables');
  }

  resolveIncident(_incidentKey: string): Promise<void> {
    return unavailable('resolveIncident');
  }

  /** Answers with a key and keeps nothing: the protocol's cost of a PublishMessage. */
  async publishMessage(_command: PublishMessageCommand): Promise<{ key: string }> {
    return { key: this.key() };
  }

  broadcastSignal(): Promise<{ key: string }> {
    return unavailable('broadcastSignal');
  }

  modifyProcessInstance(): Promise<void> {
    return unavailable('modifyProcessInstance');
  }

  migrateProcessInstance(): Promise<void> {
    return unavailable('migrateProcessInstance');
  }

  deleteResource(): Promise<void> {
    return unavailable('deleteResource');
  }
}

async function unavailable(what: string): Promise<never> {
  throw new EngineError('UNAVAILABLE', `the null engine does not support ${what}`);
}
