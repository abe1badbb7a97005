import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Collaboration models (seed 002): 1 fixed seats, 2 pre-agreement on possible seats, 3 company
 * sought when a citizen matches (no refill), 4 a cluster of workplaces with a coordinating mentor.
 */
export const COLLABORATION_MODELS = [1, 2, 3, 4] as const;
export type CollaborationModel = (typeof COLLABORATION_MODELS)[number];
export const AGREEMENT_STATUSES = ['DRAFT', 'NEGOTIATING', 'ACTIVE', 'SUSPENDED', 'EXPIRED', 'TERMINATED'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const MENTOR_PAYMENTS = ['NONE', 'BUYOUT_HOURS', 'EXTERNAL'] as const;
export type MentorPayment = (typeof MENTOR_PAYMENTS)[number];

@Entity({ schema: 'casework', name: 'agreement' })
export class Agreement {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId!: string;
  @Column({ name: 'worksite_id', type: 'uuid', nullable: true }) worksiteId!: string | null;
  @Column({ name: 'collaboration_model', type: 'smallint' }) collaborationModel!: CollaborationModel;
  @Column({ type: 'text' }) status!: AgreementStatus;
  @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo!: string | null;
  @Column({ name: 'mentor_payment', type: 'text' }) mentorPayment!: MentorPayment;
  /** Model 4: the cluster's central mentor, who also coordinates. */
  @Column({ name: 'coordinating_mentor_id', type: 'uuid', nullable: true }) coordinatingMentorId!: string | null;
  @Column({ name: 'contact_consultant', type: 'text', nullable: true }) contactConsultant!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
