import * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { EngineApi } from '@brobygger/engine-core';
import type { GatewayContext } from './context';
import { activateJobsHandler } from './handlers/activate-jobs';
import { deploymentHandlers } from './handlers/deployments';
import { instanceHandlers } from './handlers/instances';
import { jobHandlers } from './handlers/jobs';
import { modificationHandlers } from './handlers/modification';
import { streamActivatedJobsHandler } from './handlers/job-stream';
import { processStateHandlers } from './handlers/process-state';
import { topologyHandlers } from './handlers/topology';
import { unimplementedHandlers } from './handlers/unimplemented';
import { LongPolls } from './long-poll';
import { loadGatewayService } from './proto';

export interface ZeebeGatewayOptions {
  engine: EngineApi;
  host: string;
  /** 0 picks a free port; the bound one is returned. */
  port: number;
  logger: Logger;
  /** Reported by Topology; clients print it, some gate features on it. */
  gatewayVersion?: string;
  /** Long-poll wait for requestTimeout 0, and the CreateProcessInstanceWithResult default. */
  longPollDefaultMs?: number;
}

export interface ZeebeGateway {
  port: number;
  stop(): Promise<void>;
}

const DEFAULT_GATEWAY_VERSION = '8.5.0';
const DEFAULT_LONG_POLL_MS = 10_000;
/** How long in-flight unary calls get to finish on stop before connections are cut. */
const SHUTDOWN_GRACE_MS = 2_000;

export async function startZeebeGateway(options: ZeebeGatewayOptions): Promise<ZeebeGateway> {
  const logger = options.logger.child({ component: 'zeebe-gateway' });
  const polls = new LongPolls();
  let bound = { host: options.host, port: options.port };
  const ctx: GatewayContext = {
    engine: options.engine,
    logger,
    polls,
    longPollDefaultMs: options.longPollDefaultMs ?? DEFAULT_LONG_POLL_MS,
    gatewayVersion: options.gatewayVersion ?? DEFAULT_GATEWAY_VERSION,
    address: () => bound,
  };

  const service = loadGatewayService();
  const implemented: grpc.UntypedServiceImplementation = {
    ...topologyHandlers(ctx),
    ...deploymentHandlers(ctx),
    ...instanceHandlers(ctx),
    ...jobHandlers(ctx),
    ...processStateHandlers(ctx),
    ...modificationHandlers(ctx),
    ActivateJobs: activateJobsHandler(ctx),
    StreamActivatedJobs: streamActivatedJobsHandler(ctx),
  };
  const server = new grpc.Server();
  server.addService(service, { ...unimplementedHandlers(ctx, service, implemented), ...implemented });

  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${options.host}:${options.port}`, grpc.ServerCredentials.createInsecure(), (error, boundPort) =>
      error ? reject(error) : resolve(boundPort),
    ),
  );
  bound = { host: options.host, port };
  logger.info({ host: options.host, port }, 'Zeebe gateway listening');

  let stopping: Promise<void> | undefined;
  return {
    port,
    stop: () => (stopping ??= shutdown(server, polls, logger)),
  };
}

/**
 * Long polls are answered (empty) first: otherwise tryShutdown would wait for each worker's
 * requestTimeout. Whatever still runs after the grace period is cut off.
 */
function shutdown(server: grpc.Server, polls: LongPolls, logger: Logger): Promise<void> {
  polls.endAll();
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => {
      logger.warn('Zeebe gateway did not drain in time; closing remaining calls');
      server.forceShutdown();
      resolve();
    }, SHUTDOWN_GRACE_MS);
    server.tryShutdown(() => {
      clearTimeout(force);
      logger.info('Zeebe gateway stopped');
      resolve();
    });
  });
}
