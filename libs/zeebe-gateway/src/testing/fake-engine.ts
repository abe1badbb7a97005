import type {
  ActivateJobsCommand,
  ActivatedJob,
  CreateInstanceCommand,
  EngineApi,
  FailJobCommand,
  MigrateInstanceCommand,
  ModifyInstanceCommand,
  PublishMessageCommand,
  ThrowErrorCommand,
  Variables,
} from '@brobygger/engine-core';

/**
 * An in-memory stand-in for the engine, for the gateway's own tests: it records what the gateway
 * passed and hands out jobs that the test queues. It proves translation only; the real engine is
 * tested in libs/engine-core.
 */
export class FakeEngine implements EngineApi {
  readonly calls: { method: string; args: unknown[] }[] = [];
  readonly listeners = new Map<string, Set<() => void>>();
  private readonly queued: ActivatedJob[] = [];
  /** When set, the next command rejects with it (then it is cleared). */
  failNext?: Error;

  argsOf(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  listenerCount(type: string): number {
    return this.listeners.get(type)?.size ?? 0;
  }

  /** Queues a job and tells the waiting long polls, as the engine does when a job is created. */
  addJob(job: Partial<ActivatedJob> & { type: string }): void {
    this.queued.push({
      key: String(2251799813685249 + this.queued.length),
      processInstanceKey: '2251799813685100',
      bpmnProcessId: 'order',
      processDefinitionVersion: 1,
      processDefinitionKey: '2251799813685001',
      elementId: 'task',
      elementInstanceKey: '2251799813685200',
      customHeaders: {},
      worker: '',
      retries: 3,
      deadline: 0,
      variables: {},
      ...job,
    });
    for (const listener of [...(this.listeners.get(job.type) ?? [])]) listener();
  }

  private async record<T>(method: string, args: unknown[], result: T): Promise<T> {
    this.calls.push({ method, args });
    const failure = this.failNext;
    if (failure) {
      this.failNext = undefined;
      throw failure;
    }
    return result;
  }

  deploy(resources: { name: string; content: Buffer }[]) {
    return this.record('deploy', [resources], {
      deploymentKey: '2251799813685000',
      processes: resources.map((r) => ({
        bpmnProcessId: 'order',
        version: 1,
        processDefinitionKey: '2251799813685001',
        resourceName: r.name,
      })),
      forms: [],
    });
  }

  createProcessInstance(command: CreateInstanceCommand) {
    return this.record('createProcessInstance', [command], {
      processDefinitionKey: '2251799813685001',
      bpmnProcessId: command.bpmnProcessId ?? 'order',
      version: 1,
      processInstanceKey: '2251799813685100',
    });
  }

  createProcessInstanceWithResult(command: CreateInstanceCommand, timeoutMs: number, fetchVariables: string[]) {
    return this.record('createProcessInstanceWithResult', [command, timeoutMs, fetchVariables], {
      processDefinitionKey: '2251799813685001',
      bpmnProcessId: command.bpmnProcessId ?? 'order',
      version: 1,
      processInstanceKey: '2251799813685100',
      variables: { ...command.variables, approved: true },
    });
  }

  cancelProcessInstance(processInstanceKey: string) {
    return this.record('cancelProcessInstance', [processInstanceKey], undefined);
  }

  activateJobs(command: ActivateJobsCommand) {
    const taken: ActivatedJob[] = [];
    for (let i = 0; i < this.queued.length && taken.length < command.maxJobsToActivate;) {
      if (this.queued[i].type === command.type) {
        const [job] = this.queued.splice(i, 1);
        taken.push({ ...job, worker: command.worker, deadline: Date.now() + command.timeoutMs });
      } else i++;
    }
    return this.record('activateJobs', [command], taken);
  }

  onJobsAvailable(type: string, listener: () => void): () => void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
    return () => set.delete(listener);
  }

  completeJob(jobKey: string, variables: Variables) {
    return this.record('completeJob', [jobKey, variables], undefined);
  }

  failJob(command: FailJobCommand) {
    return this.record('failJob', [command], undefined);
  }

  throwError(command: ThrowErrorCommand) {
    return this.record('throwError', [command], undefined);
  }

  updateJobRetries(jobKey: string, retries: number) {
    return this.record('updateJobRetries', [jobKey, retries], undefined);
  }

  setVariables(elementInstanceKey: string, variables: Variables, local: boolean) {
    return this.record('setVariables', [elementInstanceKey, variables, local], '2251799813685300');
  }

  resolveIncident(incidentKey: string) {
    return this.record('resolveIncident', [incidentKey], undefined);
  }

  publishMessage(command: PublishMessageCommand) {
    return this.record('publishMessage', [command], { key: '2251799813685400' });
  }

  broadcastSignal(signalName: string, variables: Variables) {
    return this.record('broadcastSignal', [signalName, variables], { key: '2251799813685500' });
  }

  async modifyProcessInstance(command: ModifyInstanceCommand) {
    await this.record('modifyProcessInstance', [command], undefined);
  }

  async migrateProcessInstance(command: MigrateInstanceCommand) {
    await this.record('migrateProcessInstance', [command], undefined);
  }

  async deleteResource(resourceKey: string) {
    await this.record('deleteResource', [resourceKey], undefined);
  }
}
