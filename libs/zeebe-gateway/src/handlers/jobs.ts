import type * as grpc from '@grpc/grpc-js';
import { type GatewayContext, unary } from '../context';
import { parseJsonObject } from '../json-fields';
import type {
  CompleteJobRequest,
  Empty,
  FailJobRequest,
  ThrowErrorRequest,
  UpdateJobRetriesRequest,
} from '../protocol';
import { ensureAtLeast, ensureNotEmpty, int64ToNumber } from '../validation';

/** Commands on a single activated job. Activation itself lives in activate-jobs.ts. */
export function jobHandlers(ctx: GatewayContext): grpc.UntypedServiceImplementation {
  const { engine } = ctx;
  return {
    CompleteJob: unary<CompleteJobRequest, Empty>('CompleteJob', ctx, async (request) => {
      await engine.completeJob(request.jobKey, parseJsonObject(request.variables, 'variables', 'CompleteJob'));
      return {};
    }),

    FailJob: unary<FailJobRequest, Empty>('FailJob', ctx, async (request) => {
      ensureAtLeast(request.retries, 0, 'retries', 'FailJob');
      const retryBackOffMs = int64ToNumber(request.retryBackOff);
      ensureAtLeast(retryBackOffMs, 0, 'retryBackOff', 'FailJob');
      await engine.failJob({
        jobKey: request.jobKey,
        retries: request.retries,
        errorMessage: request.errorMessage ?? '',
        retryBackOffMs,
        variables: parseJsonObject(request.variables, 'variables', 'FailJob'),
      });
      return {};
    }),

    ThrowError: unary<ThrowErrorRequest, Empty>('ThrowError', ctx, async (request) => {
      await engine.throwError({
        jobKey: request.jobKey,
        errorCode: ensureNotEmpty(request.errorCode, 'errorCode', 'ThrowError'),
        errorMessage: request.errorMessage ?? '',
        variables: parseJsonObject(request.variables, 'variables', 'ThrowError'),
      });
      return {};
    }),

    // Zeebe rejects retries that are not greater than 0: setting 0 would silently raise an incident.
    UpdateJobRetries: unary<UpdateJobRetriesRequest, Empty>('UpdateJobRetries', ctx, async (request) => {
      await engine.updateJobRetries(request.jobKey, ensureAtLeast(request.retries, 1, 'retries', 'UpdateJobRetries'));
      return {};
    }),
  };
}
