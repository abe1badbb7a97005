import { Inject, Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PinoLogger } from 'nestjs-pino';
import type { ZBClient, ZBWorker } from 'zeebe-node';
import { JOB_WORKER, JobWorkerOptions } from './job-worker.decorator';
import { ActivatedJob, JobHandler, runJob } from './job-runner';
import { ZEEBE_CLIENT } from './zeebe-client.provider';

export interface DiscoveredWorker {
  options: JobWorkerOptions;
  handler: JobHandler;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** Finds every @JobWorker method among the providers and opens one zeebe-node worker per type. */
@Injectable()
export class JobWorkersService {
  private workers: ZBWorker<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>>[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(ZEEBE_CLIENT) private readonly zbc: ZBClient,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('JobWorkers');
  }

  discover(): DiscoveredWorker[] {
    const found: DiscoveredWorker[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const method = instance[name] as (...args: unknown[]) => unknown;
        const options = this.reflector.get<JobWorkerOptions | undefined>(JOB_WORKER, method);
        if (options) found.push({ options, handler: method.bind(instance) as JobHandler });
      }
    }
    const types = found.map((w) => w.options.type);
    const twice = types.find((t, i) => types.indexOf(t) !== i);
    if (twice) throw new Error(`two providers handle the job type '${twice}'`);
    return found;
  }

  /** Opens the workers; returns the types served. */
  start(): string[] {
    const discovered = this.discover();
    for (const { options, handler } of discovered) {
      const hold = options.mode === 'hold';
      this.workers.push(
        this.zbc.createWorker({
          taskType: options.type,
          timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          // Only what the worker declares is fetched: less personal data on the wire and in memory.
          ...(hold ? {} : { fetchVariable: Object.keys(options.inputs) }),
          maxJobsToActivate: 32,
          taskHandler: (job) => runJob(options, handler, job as ActivatedJob, this.logger),
        }),
      );
    }
    this.logger.info({ types: discovered.map((w) => w.options.type) }, 'job workers started');
    return discovered.map((w) => w.options.type);
  }

  async stop(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.close(2_000)));
  }
}
