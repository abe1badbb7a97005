import { Column, Entity, PrimaryColumn } from 'typeorm';

export const USER_TASK_STATES = ['CREATED', 'COMPLETED', 'CANCELED'] as const;
export type UserTaskState = (typeof USER_TASK_STATES)[number];

/** One job-worker user task in the caseworkers' inbox (ADR 0004); the job stays with the engine. */
@Entity({ schema: 'casework', name: 'user_task' })
export class UserTask {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'job_key', type: 'text' }) jobKey!: string;
  @Column({ name: 'element_id', type: 'text' }) elementId!: string;
  @Column({ name: 'element_instance_key', type: 'text' }) elementInstanceKey!: string;
  @Column({ name: 'process_instance_key', type: 'text' }) processInstanceKey!: string;
  @Column({ name: 'bpmn_process_id', type: 'text' }) bpmnProcessId!: string;
  @Column({ name: 'process_version', type: 'integer' }) processVersion!: number;
  @Column({ name: 'placement_id', type: 'uuid', nullable: true }) placementId!: string | null;
  @Column({ name: 'candidate_groups', type: 'text', array: true }) candidateGroups!: string[];
  @Column({ name: 'candidate_users', type: 'text', array: true }) candidateUsers!: string[];
  @Column({ type: 'text', nullable: true }) assignee!: string | null;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'follow_up_at', type: 'timestamptz', nullable: true }) followUpAt!: Date | null;
  @Column({ name: 'form_key', type: 'text', nullable: true }) formKey!: string | null;
  /** The variables the task saw when it was created; may hold personal data, never logged. */
  @Column({ type: 'jsonb' }) variables!: Record<string, unknown>;
  @Column({ type: 'text' }) state!: UserTaskState;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ name: 'completed_by', type: 'text', nullable: true }) completedBy!: string | null;
}
