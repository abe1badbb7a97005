import type { PinoLogger } from 'nestjs-pino';
import type { Job, JobCompletionInterface } from 'zeebe-node';
import { BusinessError } from './business-error';
import type { JobWorkerOptions } from './job-worker.decorator';
import { retryBackOffMs } from './retry-backoff';

export type ActivatedJob = Job & JobCompletionInterface<Record<string, unknown>>;
export type JobHandler = (
  variables: Record<string, unknown>,
  job: ActivatedJob,
) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

/** Only the job's coordinates are logged: variables may hold CPR numbers or health notes. */
function where(job: Job) {
  return { jobKey: job.key, type: job.type, elementId: job.elementId, processInstanceKey: job.processInstanceKey };
}

/** Picks the declared inputs from the job's variables (undefined stays undefined). */
function inputsOf(options: JobWorkerOptions, job: Job): Record<string, unknown> {
  const variables = job.variables as Record<string, unknown>;
  return Object.fromEntries(Object.keys(options.inputs).map((name) => [name, variables[name]]));
}

/**
 * Runs one job through its handler and answers the engine: complete with the outputs, ThrowError
 * for a BusinessError, or FailJob with fewer retries and a back-off for anything else.
 */
export async function runJob(
  options: JobWorkerOptions,
  handler: JobHandler,
  job: ActivatedJob,
  logger: PinoLogger,
): Promise<'JOB_ACTION_ACKNOWLEDGEMENT'> {
  try {
    const result = await handler(inputsOf(options, job), job);
    if (options.mode === 'hold') return job.forward();
    return job.complete((result ?? {}) as Record<string, unknown>);
  } catch (error) {
    if (error instanceof BusinessError) {
      logger.info({ ...where(job), errorCode: error.code }, 'job ended with a business error');
      return job.error(error.code, error.message);
    }
    const message = error instanceof Error ? error.message : String(error);
    const retries = Math.max(0, job.retries - 1);
    logger.warn({ ...where(job), retries, err: { message } }, 'job failed');
    return job.fail({ errorMessage: message, retries, retryBackOff: retryBackOffMs(retries) });
  }
}
