import type * as grpc from '@grpc/grpc-js';
import type { ActivateJobsCommand } from '@brobygger/engine-core';
import type { GatewayContext } from '../context';
import { toStatus } from '../errors';
import { toActivatedJobMessage } from '../mapping';
import type { ActivatedJobMessage, StreamActivatedJobsRequest } from '../protocol';
import { ensureAtLeast, ensureDefaultTenants, ensureNotEmpty, int64ToNumber } from '../validation';
import { reportUndelivered } from './activate-jobs';

const RPC = 'StreamActivatedJobs';

function toCommand(request: StreamActivatedJobsRequest): ActivateJobsCommand {
  ensureDefaultTenants(request.tenantIds, RPC);
  return {
    type: ensureNotEmpty(request.type, 'type', RPC),
    worker: request.worker ?? '',
    timeoutMs: ensureAtLeast(int64ToNumber(request.timeout), 1, 'timeout', RPC),
    // One job per activation: a job is only taken from the engine when it can be pushed right away.
    maxJobsToActivate: 1,
    fetchVariables: request.fetchVariable ?? [],
  };
}

/**
 * Job push (Zeebe 8.4+ clients): a long-lived stream to which jobs are written one at a time as
 * they become activatable. It ends when the client cancels or the gateway stops. When the client
 * reads slower than jobs appear, activation pauses until the stream drains, so jobs are not
 * activated only to sit in a buffer while their timeout runs.
 */
export function streamActivatedJobsHandler(
  ctx: GatewayContext,
): grpc.handleServerStreamingCall<StreamActivatedJobsRequest, ActivatedJobMessage> {
  return (call) => {
    void serve(ctx, call);
  };
}

async function serve(
  ctx: GatewayContext,
  call: grpc.ServerWritableStream<StreamActivatedJobsRequest, ActivatedJobMessage>,
): Promise<void> {
  let command: ActivateJobsCommand;
  try {
    command = toCommand(call.request);
  } catch (error) {
    call.emit('error', toStatus(error, RPC, ctx.logger));
    return;
  }

  let closed = false;
  let maybeMoreJobs = true;
  let wake = (): void => undefined;
  const sleep = (): Promise<void> => new Promise((resolve) => (wake = resolve));
  const close = (): void => {
    closed = true;
    wake();
  };
  const unsubscribe = ctx.engine.onJobsAvailable(command.type, () => {
    maybeMoreJobs = true;
    wake();
  });
  const untrack = ctx.polls.track(close);
  call.once('cancelled', close);
  const onDrain = (): void => wake();
  call.on('drain', onDrain);

  try {
    while (!closed) {
      if (!maybeMoreJobs) {
        await sleep();
        continue;
      }
      maybeMoreJobs = false;
      const [job] = await ctx.engine.activateJobs(command);
      if (!job) continue;
      // Keep going while jobs come: the notification that announced them may have covered several.
      maybeMoreJobs = true;
      if (call.cancelled) {
        reportUndelivered(ctx, [job]);
        break;
      }
      if (!call.write(toActivatedJobMessage(job))) {
        while (!closed && call.writableNeedDrain) await sleep();
      }
    }
    if (!call.cancelled) call.end();
  } catch (error) {
    if (!call.cancelled) call.emit('error', toStatus(error, RPC, ctx.logger));
  } finally {
    unsubscribe();
    untrack();
    call.off('drain', onDrain);
  }
}
