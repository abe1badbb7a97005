import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { UserTaskInboxService } from '@brobygger/domain';
import { JobWorker } from '../framework/job-worker.decorator';
import type { ActivatedJob } from '../framework/job-runner';
import { userTaskFromJob } from './user-task-from-job';

/** A year: the task waits for a caseworker, not for a worker; a re-delivery is harmless anyway. */
const USER_TASK_TIMEOUT_MS = 365 * 24 * 3_600_000;

/**
 * The caseworkers' inbox (ADR 0004): every job-worker user task becomes an inbox row. The job is
 * not completed here — the task API completes it when a caseworker submits the form.
 */
@Injectable()
export class UserTaskInboxWorker {
  constructor(
    private readonly inbox: UserTaskInboxService,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('UserTaskInbox');
  }

  @JobWorker({
    type: 'io.camunda.zeebe:userTask',
    description: 'Puts user tasks in the caseworkers’ inbox; they are completed through POST /api/tasks/:id/complete',
    inputs: {},
    outputs: {},
    mode: 'hold',
    timeoutMs: USER_TASK_TIMEOUT_MS,
  })
  async receive(_: Record<string, unknown>, job: ActivatedJob) {
    const { task, created } = await this.inbox.receive(userTaskFromJob(job));
    this.logger.info({ taskId: task.id, jobKey: job.key, elementId: job.elementId, created }, 'user task in the inbox');
  }
}
