import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A scheduled progress review of the whole case; one per case and day, so a retried call is harmless. */
@Entity({ schema: 'casework', name: 'progress_review' })
export class ProgressReview {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'placement_id', type: 'uuid' }) placementId!: string;
  @Column({ name: 'reviewed_on', type: 'date' }) reviewedOn!: string;
  @Column({ name: 'recorded_by' }) recordedBy!: string;
  @Column({ type: 'text', nullable: true }) summary!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
