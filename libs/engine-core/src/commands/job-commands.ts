import { EngineError, type FailJobCommand, type ThrowErrorCommand, type Variables } from '../api';
import { throwError, unhandledErrorMessage } from '../behaviors/errors';
import { incidents } from '../behaviors/incidents';
import { variableMapping } from '../behaviors/variable-mapping';
import { failure } from '../processing/failure';
import type { InstanceRunner } from '../processing/instance-runner';
import type { CommandScope } from '../processing/unit-of-work';
import type { ElementInstance } from '../state/instance-document';

interface JobRow {
  key: string;
  type: string;
  state: 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'ERROR_THROWN';
  retries: number;
  worker: string | null;
  element_instance_key: string;
  element_id: string;
}

type Verb = 'complete' | 'fail' | 'throw an error for' | 'update retries of';

/** Commands a worker sends about its job. Each locks the instance first, then the job. */
export class JobCommands {
  constructor(private readonly runner: InstanceRunner) {}

  complete(jobKey: string, variables: Variables): Promise<void> {
    return this.onJob(jobKey, 'complete', ['ACTIVATABLE', 'ACTIVATED'], (job, instance, scope) => {
      const { context, lifecycle } = scope;
      context.effects.jobChanges.push({ kind: 'delete', key: job.key });
      context.effects.record({
        key: job.key,
        valueType: 'JOB',
        intent: 'COMPLETED',
        elementId: job.element_id,
        elementType: instance.type,
        payload: { worker: job.worker },
      });
      delete instance.jobKey;
      variableMapping.mergeResult(lifecycle.model(instance), context.state, instance.key, variables);
      lifecycle.complete(instance);
    });
  }

  fail(command: FailJobCommand): Promise<void> {
    return this.onJob(command.jobKey, 'fail', ['ACTIVATABLE', 'ACTIVATED'], (job, instance, scope) => {
      const { context } = scope;
      for (const [name, value] of Object.entries(command.variables)) context.state.setLocal(instance.key, name, value);
      const retries = Math.max(0, command.retries);
      const backOff = retries > 0 && command.retryBackOffMs > 0;
      context.effects.jobChanges.push({
        kind: 'update',
        key: job.key,
        type: job.type,
        state: retries > 0 && !backOff ? 'ACTIVATABLE' : 'FAILED',
        retries,
        errorMessage: command.errorMessage,
        recurAt: backOff ? new Date(context.now + command.retryBackOffMs) : undefined,
      });
      context.effects.record({
        key: job.key,
        valueType: 'JOB',
        intent: 'FAILED',
        elementId: job.element_id,
        payload: { retries, errorMessage: command.errorMessage, retryBackOff: command.retryBackOffMs },
      });
      if (retries > 0 && !backOff) context.effects.activatableTypes.add(job.type);
      if (retries === 0) {
        const message = command.errorMessage || 'No more retries left.';
        incidents.raise(context, instance, failure('JOB_NO_RETRIES', message), job.key);
      }
    });
  }

  /**
   * The error goes to the nearest catch event (which terminates the task and so withdraws its
   * job); uncaught, the job keeps its retries and the task gets an incident.
   */
  throwError(command: ThrowErrorCommand): Promise<void> {
    return this.onJob(command.jobKey, 'throw an error for', ['ACTIVATABLE', 'ACTIVATED'], (job, instance, scope) => {
      const { context, lifecycle } = scope;
      context.effects.jobChanges.push({
        kind: 'update',
        key: job.key,
        type: job.type,
        state: 'ERROR_THROWN',
        retries: job.retries,
        errorMessage: command.errorMessage,
      });
      context.effects.record({
        key: job.key,
        valueType: 'JOB',
        intent: 'ERROR_THROWN',
        elementId: job.element_id,
        payload: { errorCode: command.errorCode, errorMessage: command.errorMessage },
      });
      const thrown = { errorCode: command.errorCode, errorMessage: command.errorMessage, variables: command.variables };
      if (throwError(lifecycle, instance, thrown) === 'uncaught') {
        incidents.raise(context, instance, failure('UNHANDLED_ERROR_EVENT', unhandledErrorMessage(thrown)), job.key);
      }
    });
  }

  updateRetries(jobKey: string, retries: number): Promise<void> {
    return this.onJob(
      jobKey,
      'update retries of',
      ['ACTIVATABLE', 'ACTIVATED', 'FAILED', 'ERROR_THROWN'],
      (job, _instance, scope) => {
        const { context } = scope;
        context.effects.jobChanges.push({ kind: 'update', key: job.key, type: job.type, state: job.state, retries });
        context.effects.record({
          key: job.key,
          valueType: 'JOB',
          intent: 'RETRIES_UPDATED',
          elementId: job.element_id,
          payload: { retries },
        });
      },
    );
  }

  private async onJob(
    jobKey: string,
    verb: Verb,
    allowedStates: JobRow['state'][],
    work: (job: JobRow, instance: ElementInstance, scope: CommandScope) => void,
  ): Promise<void> {
    const notFound = `Expected to ${verb} job with key '${jobKey}', but no such job was found`;
    await this.runner.run(
      async (unit) => {
        const opened = await unit.openByJob<JobRow>(jobKey);
        if (!opened) throw new EngineError('NOT_FOUND', notFound);
        const { scope, job } = opened;
        const instance = scope.context.state.element(job.element_instance_key);
        // The document, read under the lock, says whether the job still belongs to its element.
        if (!instance || instance.jobKey !== jobKey) throw new EngineError('NOT_FOUND', notFound);
        const state = instance.incidentKey && job.state === 'ACTIVATED' ? 'FAILED' : job.state;
        if (!allowedStates.includes(state)) {
          throw new EngineError(
            'FAILED_PRECONDITION',
            `Expected to ${verb} job with key '${jobKey}', but it is in state '${state}'`,
          );
        }
        work(job, instance, scope);
      },
      { jobKey },
    );
  }
}
