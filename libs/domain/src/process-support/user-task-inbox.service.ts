import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { newId } from '../shared/columns';
import { Conflict, NotFound } from '../shared/domain-error';
import { UserTask, UserTaskState } from './user-task.entity';

/** A user task as the engine handed it out, before it is in the inbox. */
export interface IncomingUserTask {
  jobKey: string;
  elementId: string;
  elementInstanceKey: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  processVersion: number;
  placementId: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  assignee: string | null;
  dueAt: Date | null;
  followUpAt: Date | null;
  formKey: string | null;
  variables: Record<string, unknown>;
}

export interface UserTaskFilter {
  assignee?: string;
  candidateGroup?: string;
  state?: UserTaskState;
  bpmnProcessId?: string;
  placementId?: string;
  dueBefore?: Date;
  /** Only the tasks this user may see: of one of their candidate groups, or assigned to them. */
  visibleTo?: { user: string; groups: string[] };
  offset: number;
  limit: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The caseworkers' inbox of job-worker user tasks: stored once per job, claimed, completed. */
@Injectable()
export class UserTaskInboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores a delivered task. A re-delivery of the same job (its timeout passed, or a second
   * worker took it) keeps the row as it is, claims included: the job key is unique.
   */
  async receive(task: IncomingUserTask): Promise<{ task: UserTask; created: boolean }> {
    const id = newId();
    const placementId = task.placementId && UUID.test(task.placementId) ? task.placementId : null;
    const inserted = await this.dataSource.query(
      `INSERT INTO casework.user_task (id, job_key, element_id, element_instance_key, process_instance_key,
         bpmn_process_id, process_version, placement_id, candidate_groups, candidate_users, assignee,
         due_at, follow_up_at, form_key, variables)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (job_key) DO NOTHING
       RETURNING id`,
      [
        id,
        task.jobKey,
        task.elementId,
        task.elementInstanceKey,
        task.processInstanceKey,
        task.bpmnProcessId,
        task.processVersion,
        placementId,
        task.candidateGroups,
        task.candidateUsers,
        task.assignee,
        task.dueAt,
        task.followUpAt,
        task.formKey,
        JSON.stringify(task.variables),
      ],
    );
    const row = await this.dataSource.getRepository(UserTask).findOneByOrFail({ jobKey: task.jobKey });
    return { task: row, created: (inserted as unknown[]).length > 0 };
  }

  async get(id: string): Promise<UserTask> {
    if (!UUID.test(id)) throw new NotFound('Task', id);
    const task = await this.dataSource.getRepository(UserTask).findOneBy({ id });
    if (!task) throw new NotFound('Task', id);
    return task;
  }

  async list(filter: UserTaskFilter): Promise<{ items: UserTask[]; total: number }> {
    const query = this.dataSource.getRepository(UserTask).createQueryBuilder('t');
    if (filter.assignee) query.andWhere('t.assignee = :assignee', { assignee: filter.assignee });
    if (filter.candidateGroup) query.andWhere(':group = ANY(t.candidate_groups)', { group: filter.candidateGroup });
    if (filter.state) query.andWhere('t.state = :state', { state: filter.state });
    if (filter.bpmnProcessId) query.andWhere('t.bpmn_process_id = :process', { process: filter.bpmnProcessId });
    if (filter.placementId) query.andWhere('t.placement_id = :placement', { placement: filter.placementId });
    if (filter.dueBefore) query.andWhere('t.due_at < :due', { due: filter.dueBefore });
    if (filter.visibleTo)
      query.andWhere('(t.candidate_groups && :groups::text[] OR t.assignee = :me)', {
        groups: filter.visibleTo.groups,
        me: filter.visibleTo.user,
      });
    query.orderBy('t.due_at', 'ASC', 'NULLS LAST').addOrderBy('t.created_at', 'ASC');
    const [items, total] = await query.skip(filter.offset).take(filter.limit).getManyAndCount();
    return { items, total };
  }

  claim(id: string, user: string): Promise<UserTask> {
    return this.change(id, (task) => {
      if (task.assignee && task.assignee !== user) {
        throw new Conflict('TaskAlreadyClaimed', `Task ${id} is claimed by someone else`);
      }
      task.assignee = user;
    });
  }

  unclaim(id: string): Promise<UserTask> {
    return this.change(id, (task) => {
      task.assignee = null;
    });
  }

  assign(id: string, assignee: string): Promise<UserTask> {
    return this.change(id, (task) => {
      task.assignee = assignee;
    });
  }

  /**
   * Locks an open task for completion; `complete` runs while the row is locked, so two
   * caseworkers completing at once send one CompleteJob, and the state changes only if it worked.
   */
  async completeWith(
    id: string,
    completedBy: string | null,
    complete: (task: UserTask) => Promise<'completed' | 'gone'>,
  ): Promise<UserTask> {
    return this.dataSource.transaction(async (em) => {
      const task = await this.lockOpen(em, id);
      const result = await complete(task);
      task.state = result === 'completed' ? 'COMPLETED' : 'CANCELED';
      task.completedAt = result === 'completed' ? new Date() : null;
      task.completedBy = result === 'completed' ? completedBy : null;
      task.updatedAt = new Date();
      return em.save(task);
    });
  }

  private change(id: string, apply: (task: UserTask) => void): Promise<UserTask> {
    return this.dataSource.transaction(async (em) => {
      const task = await this.lockOpen(em, id);
      apply(task);
      task.updatedAt = new Date();
      return em.save(task);
    });
  }

  private async lockOpen(em: EntityManager, id: string): Promise<UserTask> {
    if (!UUID.test(id)) throw new NotFound('Task', id);
    const task = await em.findOne(UserTask, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!task) throw new NotFound('Task', id);
    if (task.state !== 'CREATED') throw new Conflict('TaskNotOpen', `Task ${id} is ${task.state.toLowerCase()}`);
    return task;
  }
}
