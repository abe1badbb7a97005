import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const TRAINING_STATES = ['NOT_TRAINED', 'ENROLLED', 'TRAINED', 'REFRESHER_DUE'] as const;
export type TrainingState = (typeof TRAINING_STATES)[number];
export const MENTOR_KINDS = ['EMPLOYEE', 'EXTERNAL'] as const;
export type MentorKind = (typeof MENTOR_KINDS)[number];

/** A company mentor (virksomhedsmentor), trained by the job centre before a practicum starts. */
@Entity({ schema: 'casework', name: 'mentor' })
export class Mentor {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId!: string;
  @Column() name!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text' }) kind!: MentorKind;
  @Column({ name: 'training_state', type: 'text' }) trainingState!: TrainingState;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
