import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { numeric } from '../shared/columns';

export const OUTCOME_KINDS = [
  'HIRED_ORDINARY',
  'HIRED_WAGE_SUBSIDY',
  'HIRED_FLEX_JOB',
  'REASSIGNED',
  'ENDED_WITHOUT_HIRE',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
/** Outcomes that are not a hire must say why. */
export const OUTCOMES_NEEDING_REASON: readonly OutcomeKind[] = ['REASSIGNED', 'ENDED_WITHOUT_HIRE'];

/** How a case ended; one per case. */
@Entity({ schema: 'casework', name: 'outcome' })
export class Outcome {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'placement_id', type: 'uuid' }) placementId!: string;
  @Column({ type: 'text' }) kind!: OutcomeKind;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'weekly_hours', type: 'numeric', nullable: true, transformer: numeric }) weeklyHours!: number | null;
  @Column({ name: 'at_host_company', type: 'boolean', nullable: true }) atHostCompany!: boolean | null;
  @Column({ name: 'recorded_on', type: 'date' }) recordedOn!: string;
  @Column({ name: 'recorded_by' }) recordedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
