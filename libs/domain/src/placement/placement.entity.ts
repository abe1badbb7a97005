import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { numeric } from '../shared/columns';

/**
 * Where a case stands in the placement lifecycle. The BPMN process moves it (PlacementService.stage);
 * "stuck" views compare stageChangedAt with the rules.
 */
export const PLACEMENT_STAGES = [
  'REFERRED',
  'MATCHING',
  'AWAITING_AGREEMENT',
  'MENTOR_TRAINING',
  'READY_TO_START',
  'IN_PRACTICUM',
  'FOLLOW_UP',
  'CLOSED',
] as const;
export type PlacementStage = (typeof PLACEMENT_STAGES)[number];

/** VP-PURP (BEK §60 stk. 2): a practicum agreement names one of these purposes. */
export const PRACTICUM_PURPOSES = ['ORDINARY_HOURS', 'TRAIN_SKILLS', 'CLARIFY_JOB_GOAL'] as const;
export type PracticumPurpose = (typeof PRACTICUM_PURPOSES)[number];

/** The rule versions a decision was taken under, kept on the case for later review. */
export type RuleVersions = Record<string, number>;

/** The case: one citizen's placement from matching to outcome. */
@Entity({ schema: 'casework', name: 'placement' })
export class Placement {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'citizen_id', type: 'uuid' }) citizenId!: string;
  @Column({ type: 'text' }) stage!: PlacementStage;
  @Column({ name: 'stage_changed_at', type: 'timestamptz' }) stageChangedAt!: Date;
  @Column({ type: 'text', nullable: true }) caseworker!: string | null;
  @Column({ type: 'text', nullable: true }) purpose!: PracticumPurpose | null;
  @Column({ name: 'company_id', type: 'uuid', nullable: true }) companyId!: string | null;
  @Column({ name: 'seat_id', type: 'uuid', nullable: true }) seatId!: string | null;
  @Column({ name: 'mentor_id', type: 'uuid', nullable: true }) mentorId!: string | null;
  @Column({ name: 'weekly_hours', type: 'numeric', nullable: true, transformer: numeric }) weeklyHours!: number | null;
  @Column({ name: 'start_date', type: 'date', nullable: true }) startDate!: string | null;
  @Column({ name: 'planned_end_date', type: 'date', nullable: true }) plannedEndDate!: string | null;
  /** The concrete assessment that lets a 13-week practicum run to 26 weeks (VP-EXT-1). */
  @Column({ name: 'extension_reason', type: 'text', nullable: true }) extensionReason!: string | null;
  @Column({ name: 'started_on', type: 'date', nullable: true }) startedOn!: string | null;
  @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn!: string | null;
  /** Target group the practicum was started under (snapshot, for the duration rule). */
  @Column({ name: 'target_group', type: 'smallint', nullable: true }) targetGroup!: number | null;
  @Column({ name: 'progress_review_interval_days', type: 'smallint' }) progressReviewIntervalDays!: number;
  @Column({ name: 'last_progress_review_on', type: 'date', nullable: true }) lastProgressReviewOn!: string | null;
  @Column({ name: 'rule_versions', type: 'jsonb' }) ruleVersions!: RuleVersions;
  @Column({ name: 'process_instance_key', type: 'text', nullable: true }) processInstanceKey!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
