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
  MigrateInstanceCommand,
  ModifyInstanceCommand,
  PublishMessageCommand,
  ThrowErrorCommand,
  Variables,
} from './api';
import { IncidentCommands } from './commands/incident-commands';
import { InstanceCommands } from './commands/instance-commands';
import { JobCommands } from './commands/job-commands';
import { MessageCommands } from './commands/message-commands';
import { MigrationCommands } from './commands/migration-commands';
import { ModificationCommands } from './commands/modification-commands';
import { ResourceCommands } from './commands/resource-commands';
import { SignalCommands } from './commands/signal-commands';
import { Clock, systemClock } from './clock';
import { handleFollowUp } from './processing/follow-ups';
import { TimerScheduler } from './scheduling/timer-scheduler';
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
  /** The engine's time; tests pass a ControlledClock to move it forward. */
  clock?: Clock;
  /** Commands allowed to wait for processing before new ones get RESOURCE_EXHAUSTED. */
  maxCommandsInFlight?: number;
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
    private readonly signals: SignalCommands,
    private readonly sweeper: Sweeper,
    private readonly timers: TimerScheduler,
    readonly clock: Clock,
    private readonly operations: {
      modification: ModificationCommands;
      migration: MigrationCommands;
      resources: ResourceCommands;
    },
  ) {}

  static async start(options: EngineOptions): Promise<Engine> {
    const pool = new Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 16,
      application_name: 'brobygger-engine',
      // The engine's statements are prepared and run thousands of times with different arrays;
      // planning them anew each time (PostgreSQL's custom plans) costs more than running them.
      options: '-c plan_cache_mode=force_generic_plan',
    });
    pool.on('error', (error) => options.logger.warn({ err: error }, 'idle engine database connection failed'));
    const clock = options.clock ?? systemClock;
    const keys = new KeyGenerator(pool);
    const definitions = new DefinitionStore(pool);
    const notifications = new Notifications(pool, options.databaseUrl, options.logger);
    // The runner is built before the scheduler it must nudge when a command creates timers.
    const timersChanged: { nudge?: () => void } = {};
    const runner = new InstanceRunner(
      pool,
      keys,
      definitions,
      clock,
      (effects, info, awaitsResult) => {
        if (effects.activatableTypes.size > 0) notifications.jobsAvailable(effects.activatableTypes);
        if (effects.ended && awaitsResult) notifications.instanceEnded(info.processInstanceKey);
        if (effects.newTimers.length > 0 || effects.timerChanges.length > 0) timersChanged.nudge?.();
      },
      () => handleFollowUp,
      options.maxCommandsInFlight,
    );
    const timers = new TimerScheduler(pool, runner, clock, options.logger);
    timersChanged.nudge = () => timers.nudge();
    const messages = new MessageCommands(pool, runner, keys, clock);
    const sweeper = new Sweeper(
      [
        {
          name: 'job timeouts',
          run: async () => notifications.jobsAvailable(await releaseTimedOutJobs(pool, clock.now())),
        },
        {
          name: 'retry back-offs',
          run: async () => notifications.jobsAvailable(await releaseBackedOffJobs(pool, clock.now())),
        },
        { name: 'message expiry', run: () => messages.expire() },
      ],
      options.sweepIntervalMs ?? 250,
      options.logger,
    );
    await notifications.start();
    await keys.ensure();
    sweeper.start();
    timers.start();
    if ('onChange' in clock) (clock as { onChange(listener: () => void): void }).onChange(() => timers.nudge());
    return new Engine(
      pool,
      keys,
      notifications,
      new InstanceCommands(pool, runner, definitions, notifications),
      new JobCommands(runner),
      new IncidentCommands(pool, runner),
      messages,
      new SignalCommands(runner, keys),
      sweeper,
      timers,
      clock,
      {
        modification: new ModificationCommands(runner),
        migration: new MigrationCommands(runner),
        resources: new ResourceCommands(pool, keys, definitions),
      },
    );
  }

  async stop(): Promise<void> {
    await this.timers.stop();
    await this.sweeper.stop();
    await this.notifications.stop();
    await this.pool.end();
  }

  async deploy(resources: { name: string; content: Buffer }[]): Promise<DeploymentResult> {
    await this.keys.ensure();
    const result = await deploy(this.pool, this.keys, resources, this.clock.now());
    this.timers.nudge();
    return result;
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
    return activateJobs(this.pool, command, this.clock.now());
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

  broadcastSignal(signalName: string, variables: Variables): Promise<{ key: string }> {
    return this.signals.broadcast(signalName, variables);
  }

  modifyProcessInstance(command: ModifyInstanceCommand): Promise<void> {
    return this.operations.modification.modify(command);
  }

  migrateProcessInstance(command: MigrateInstanceCommand): Promise<void> {
    return this.operations.migration.migrate(command);
  }

  async deleteResource(resourceKey: string): Promise<void> {
    await this.operations.resources.delete(resourceKey, this.clock.now());
    this.timers.nudge();
  }
}
