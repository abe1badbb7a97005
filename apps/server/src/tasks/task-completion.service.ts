import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import type { ZBClient } from 'zeebe-node';
import { UserTask, UserTaskInboxService } from '@brobygger/domain';
import { FormSchema, formIdOfKey, inputFields, loadFormCatalog, validateForm } from '@brobygger/process-client';
import { ZEEBE } from '../zeebe/zeebe.module';

const GRPC_NOT_FOUND = 5;

/**
 * Completes a task: the submitted values are checked against the task's form (400 with a message
 * per field), then the job is completed through the gateway (CompleteJob).
 */
@Injectable()
export class TaskCompletionService {
  private readonly forms: Map<string, FormSchema> = loadFormCatalog();

  constructor(
    private readonly inbox: UserTaskInboxService,
    @Inject(ZEEBE) private readonly zbc: ZBClient,
  ) {}

  async complete(id: string, submitted: Record<string, unknown>, user: string | null): Promise<UserTask> {
    const task = await this.inbox.get(id);
    const variables = this.checked(task, submitted);
    let gone = false;
    const done = await this.inbox.completeWith(id, user, async (locked) => {
      try {
        await this.zbc.completeJob({ jobKey: locked.jobKey, variables });
        return 'completed';
      } catch (error) {
        // The engine no longer has the job: its activity was interrupted (e.g. a drop-out).
        if ((error as { code?: number }).code !== GRPC_NOT_FOUND) throw error;
        gone = true;
        return 'gone';
      }
    });
    if (gone) throw new ConflictException('The task was withdrawn by its process and cannot be completed');
    return done;
  }

  /** Only the form's own fields go to the process, so a form cannot overwrite e.g. placementId. */
  private checked(task: UserTask, submitted: Record<string, unknown>): Record<string, unknown> {
    const formId = formIdOfKey(task.formKey);
    const form = formId ? this.forms.get(formId) : undefined;
    if (!form) return {};
    const problems = validateForm(form, submitted, task.variables);
    if (problems.length > 0) {
      const errors: Record<string, string[]> = {};
      for (const p of problems) (errors[p.field] ??= []).push(p.message);
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: problems.map((p) => p.message),
        errors,
      });
    }
    const keys = inputFields(form.components).map((f) => f.key!);
    return Object.fromEntries(keys.filter((k) => submitted[k] !== undefined).map((k) => [k, submitted[k]]));
  }
}
