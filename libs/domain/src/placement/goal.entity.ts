import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A job goal (jobmål) or other goal the practicum works towards. */
@Entity({ schema: 'casework', name: 'goal' })
export class Goal {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'placement_id', type: 'uuid' }) placementId!: string;
  @Column() title!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
