import { Pool } from 'pg';
import type { Logger } from 'pino';
import type {
  ActivateJobsCommand,
  ActivatedJob,
  CreateInstanceCommand,
  CreatedInstance,
  DeploymentResult,
  EngineApi,
  FailJobCommand,
  InstanceResult,
  PublishMessageCommand,
  ThrowErrorCommand,
  Variables,
} from './api';
import { IncidentCommands } from './commands/incident-commands';
import { InstanceCommands } from './commands/instance-commands';
import { JobCommands } from './commands/job-commands';
import { MessageCommands } from './commands/message-commands';
import { deploy } from './deployment/deploy';
import { KeyGenerator } from './keys';
import { Notifications } from './notifications';
import { InstanceRunner } from './processing/instance-runner';
import { DefinitionStore } from './state/definition-store';
import { activateJobs, releaseBackedOffJobs, releaseTimedOutJobs } from './state/job-queries';
import { Sweeper } from './sweeper';

export interface EngineOptions {
  databaseUrl: string;
  logger: Logger;
  /** Connections for commands; each command holds one for its transaction. */
  poolSize?: number;
  /** How often timeouts, back-offs and message expiry are checked. */
  sweepIntervalMs?: number;
}

/**
 * The embedded engine: the one object the gateway talks to. It wires the command handlers to
 * PostgreSQL and keeps no state of its own beyond caches, so several engine processes can share
 * one database.
 */
export class Engine implements EngineApi {
  private constructor(
    private readonly pool: Pool,
    private readonly keys: KeyGenerator,
    private readonly notifications: Notifications,
    private readonly instances: InstanceCommands,
    private readonly jobs: JobCommands,
    private readonly incidents: IncidentCommands,
    private readonly messages: MessageCommands,
    private readonly sweeper: Sweeper,
  ) {}

  static async start(options: EngineOptions): Promise<Engine> {
    const pool = new Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 16,
      application_name: 'brobygger-engine',
    });
    pool.on('error', (error) => options.logger.warn({ err: error }, 'idle engine database connection failed'));
    const keys = new KeyGenerator(pool);
    const definitions = new DefinitionStore(pool);
    const notifications = new Notifications(pool, options.databaseUrl, options.logger);
    const runner = new InstanceRunner(pool, keys, definitions, (effects, info, awaitsResult) => {
      if (effects.activatableTypes.size > 0) notifications.jobsAvailable(effects.activatableTypes);
      if (effects.ended && awaitsResult) notifications.instanceEnded(info.processInstanceKey);
    });
    const messages = new MessageCommands(pool, keys);
    const sweeper = new Sweeper(
      [
        { name: 'job timeouts', run: async () => notifications.jobsAvailable(await releaseTimedOutJobs(pool)) },
        { name: 'retry back-offs', run: async () => notifications.jobsAvailable(await releaseBackedOffJobs(pool)) },
        { name: 'message expiry', run: () => messages.expire() },
      ],
      options.sweepIntervalMs ?? 250,
      options.logger,
    );
    await notifications.start();
    await keys.ensure();
    sweeper.start();
    return new Engine(
      pool,
      keys,
      notifications,
      new InstanceCommands(pool, runner, definitions, notifications),
      new JobCommands(pool, runner),
      new IncidentCommands(pool, runner),
      messages,
      sweeper,
    );
  }

  async stop(): Promise<void> {
    await this.sweeper.stop();
    await this.notifications.stop();
    await this.pool.end();
  }

  async deploy(resources: { name: string; content: Buffer }[]): Promise<DeploymentResult> {
    await this.keys.ensure();
    return deploy(this.pool, this.keys, resources);
  }

  async createProcessInstance(command: CreateInstanceCommand): Promise<CreatedInstance> {
    const { effects: _effects, ...created } = await this.instances.create(command);
    return created;
  }

  createProcessInstanceWithResult(
    command: CreateInstanceCommand,
    timeoutMs: number,
    fetchVariables: string[],
  ): Promise<InstanceResult> {
    return this.instances.createWithResult(command, timeoutMs, fetchVariables);
  }

  cancelProcessInstance(processInstanceKey: string): Promise<void> {
    return this.instances.cancel(processInstanceKey);
  }

  activateJobs(command: ActivateJobsCommand): Promise<ActivatedJob[]> {
    return activateJobs(this.pool, command);
  }

  onJobsAvailable(type: string, listener: () => void): () => void {
    return this.notifications.onJobs(type, listener);
  }

  completeJob(jobKey: string, variables: Variables): Promise<void> {
    return this.jobs.complete(jobKey, variables);
  }

  failJob(command: FailJobCommand): Promise<void> {
    return this.jobs.fail(command);
  }

  throwError(command: ThrowErrorCommand): Promise<void> {
    return this.jobs.throwError(command);
  }

  updateJobRetries(jobKey: string, retries: number): Promise<void> {
    return this.jobs.updateRetries(jobKey, retries);
  }

  setVariables(elementInstanceKey: string, variables: Variables, local: boolean): Promise<string> {
    return this.instances.setVariables(elementInstanceKey, variables, local);
  }

  resolveIncident(incidentKey: string): Promise<void> {
    return this.incidents.resolve(incidentKey);
  }

  publishMessage(command: PublishMessageCommand): Promise<{ key: string }> {
    return this.messages.publish(command);
  }
}
