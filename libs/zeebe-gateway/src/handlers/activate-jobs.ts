import type * as grpc from '@grpc/grpc-js';
import type { ActivateJobsCommand, ActivatedJob } from '@brobygger/engine-core';
import type { GatewayContext } from '../context';
import { toStatus } from '../errors';
import { longPoll } from '../long-poll';
import { toActivatedJobMessage } from '../mapping';
import type { ActivateJobsRequest, ActivateJobsResponse } from '../protocol';
import { ensureAtLeast, ensureDefaultTenants, ensureNotEmpty, int64ToNumber } from '../validation';

const RPC = 'ActivateJobs';

function toCommand(request: ActivateJobsRequest): ActivateJobsCommand {
  ensureDefaultTenants(request.tenantIds, RPC);
  return {
    type: ensureNotEmpty(request.type, 'type', RPC),
    worker: request.worker ?? '',
    timeoutMs: ensureAtLeast(int64ToNumber(request.timeout), 1, 'timeout', RPC),
    maxJobsToActivate: ensureAtLeast(request.maxJobsToActivate, 1, 'maxJobsToActivate', RPC),
    fetchVariables: request.fetchVariable ?? [],
  };
}

/**
 * ActivateJobs with long polling, as Zeebe's gateway does it: answer at once when jobs are there;
 * otherwise hold the call until the engine signals new jobs of the type or `requestTimeout` passes
 * (0: the gateway default; negative: no waiting). The stream carries exactly one response and is
 * then completed. "No jobs" is an empty response rather than a bare end of stream: zeebe-node's
 * `ZBClient.activateJobs` resolves only on a message and would otherwise wait forever, while its
 * ZBWorker and other clients handle an empty list as "poll again".
 */
export function activateJobsHandler(
  ctx: GatewayContext,
): grpc.handleServerStreamingCall<ActivateJobsRequest, ActivateJobsResponse> {
  return (call) => {
    void serve(ctx, call);
  };
}

async function serve(
  ctx: GatewayContext,
  call: grpc.ServerWritableStream<ActivateJobsRequest, ActivateJobsResponse>,
): Promise<void> {
  try {
    const command = toCommand(call.request);
    const requestTimeout = int64ToNumber(call.request.requestTimeout);
    const jobs = await longPoll<ActivatedJob>({
      attempt: () => ctx.engine.activateJobs(command),
      subscribe: (wake) => ctx.engine.onJobsAvailable(command.type, wake),
      waitMs: requestTimeout === 0 ? ctx.longPollDefaultMs : requestTimeout,
      polls: ctx.polls,
      onClientGone: (stopWaiting) => call.once('cancelled', stopWaiting),
    });
    if (call.cancelled) {
      reportUndelivered(ctx, jobs);
      return;
    }
    call.write({ jobs: jobs.map(toActivatedJobMessage) });
    call.end();
  } catch (error) {
    if (!call.cancelled) call.emit('error', toStatus(error, RPC, ctx.logger));
  }
}

/**
 * The engine API has no way to hand activated jobs back, so jobs activated for a client that left
 * meanwhile stay with that worker until their timeout. Worth a warning: it shows as a delay.
 */
export function reportUndelivered(ctx: GatewayContext, jobs: ActivatedJob[]): void {
  if (jobs.length === 0) return;
  ctx.logger.warn(
    { jobKeys: jobs.map((job) => job.key), type: jobs[0].type },
    'client went away before activated jobs could be delivered; they become activatable again after their timeout',
  );
}
