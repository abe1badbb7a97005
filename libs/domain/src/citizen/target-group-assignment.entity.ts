import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Target group (LAB §6, 13 groups from 2020) over time; history is never overwritten, only closed. */
@Entity({ schema: 'casework', name: 'target_group_assignment' })
export class TargetGroupAssignment {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'citizen_id', type: 'uuid' }) citizenId!: string;
  @Column({ name: 'group_code', type: 'smallint' }) groupCode!: number;
  @Column({ name: 'scheme_version', type: 'text' }) schemeVersion!: string;
  @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
