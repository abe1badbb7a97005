import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const OUTREACH_TYPES = ['VISIT', 'CALL', 'MEETING', 'EMAIL', 'EVENT'] as const;
export type OutreachType = (typeof OUTREACH_TYPES)[number];
export const OUTREACH_OUTCOME_KINDS = [
  'ORDINARY_JOB',
  'WAGE_SUBSIDY_JOB',
  'FLEX_JOB',
  'TEMP_JOB',
  'ADULT_APPRENTICESHIP',
  'PRACTICUM_AGREEMENT',
  'JOB_ORDER',
  'NONE',
] as const;
export type OutreachOutcomeKind = (typeof OUTREACH_OUTCOME_KINDS)[number];

export interface OutreachOutcome {
  kind: OutreachOutcomeKind;
  count: number;
}

/** A proactive visit or call to a company, counted by outcome as in the campaign reports. */
@Entity({ schema: 'casework', name: 'outreach_activity' })
export class OutreachActivity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId!: string;
  @Column({ name: 'worksite_id', type: 'uuid', nullable: true }) worksiteId!: string | null;
  @Column({ type: 'text' }) type!: OutreachType;
  @Column({ name: 'occurred_on', type: 'date' }) occurredOn!: string;
  @Column() consultant!: string;
  @Column({ name: 'campaign', type: 'text', nullable: true }) campaign!: string | null;
  @Column({ type: 'jsonb' }) outcomes!: OutreachOutcome[];
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
