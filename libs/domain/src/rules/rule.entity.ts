import { Column, Entity, PrimaryColumn } from 'typeorm';

/** V verified in the cited source, P partly, U unverified, LOCAL a policy of this job centre. */
export type Verification = 'V' | 'P' | 'U' | 'LOCAL';

/** One version of a rule, in force from effectiveFrom up to (not including) effectiveTo. */
@Entity({ schema: 'casework', name: 'rule' })
export class Rule {
  @PrimaryColumn({ name: 'rule_id', type: 'text' }) ruleId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column() title!: string;
  @Column({ type: 'jsonb' }) params!: Record<string, unknown>;
  @Column({ name: 'effective_from', type: 'date' }) effectiveFrom!: string;
  @Column({ name: 'effective_to', type: 'date', nullable: true }) effectiveTo!: string | null;
  /** Short citation used in messages, e.g. "LAB §61 stk. 1 nr. 2". */
  @Column() citation!: string;
  @Column() source!: string;
  @Column({ type: 'text' }) verification!: Verification;
  /** Whether Brobygger enforces it today (some rows are reference data only). */
  @Column() enforced!: boolean;
}
