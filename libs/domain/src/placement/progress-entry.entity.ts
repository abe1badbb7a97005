import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Progress on a sub-goal: an assessment 1 (no progress) to 5 (achieved). The note may hold health data. */
@Entity({ schema: 'casework', name: 'progress_entry' })
export class ProgressEntry {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'sub_goal_id', type: 'uuid' }) subGoalId!: string;
  @Column({ name: 'progress_review_id', type: 'uuid', nullable: true }) progressReviewId!: string | null;
  @Column({ name: 'recorded_on', type: 'date' }) recordedOn!: string;
  @Column({ type: 'smallint' }) assessment!: number;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'recorded_by' }) recordedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
