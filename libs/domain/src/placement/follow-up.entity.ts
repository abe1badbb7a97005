import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const FOLLOW_UP_KINDS = ['START', 'MIDWAY', 'END', 'POST_3M', 'POST_6M', 'POST_12M'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** A scheduled check of a placement; one of each kind per case. */
@Entity({ schema: 'casework', name: 'follow_up' })
export class FollowUp {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'placement_id', type: 'uuid' }) placementId!: string;
  @Column({ type: 'text' }) kind!: FollowUpKind;
  @Column({ name: 'due_on', type: 'date', nullable: true }) dueOn!: string | null;
  @Column({ name: 'done_on', type: 'date', nullable: true }) doneOn!: string | null;
  @Column({ type: 'text', nullable: true }) result!: string | null;
  @Column({ name: 'recorded_by', type: 'text', nullable: true }) recordedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
