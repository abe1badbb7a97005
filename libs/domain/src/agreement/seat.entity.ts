import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { numeric } from '../shared/columns';

export const SEAT_STATES = ['AVAILABLE', 'RESERVED', 'OCCUPIED', 'PAUSED', 'RETIRED'] as const;
export type SeatState = (typeof SEAT_STATES)[number];

/** One place for one citizen under an agreement. RESERVED/OCCUPIED seats name their placement. */
@Entity({ schema: 'casework', name: 'seat' })
export class Seat {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'agreement_id', type: 'uuid' }) agreementId!: string;
  @Column() function!: string;
  /** Work tasks (job carving) the matching compares with a citizen's competences. */
  @Column({ type: 'text', array: true }) tasks!: string[];
  @Column({ name: 'weekly_hours', type: 'numeric', transformer: numeric }) weeklyHours!: number;
  @Column({ type: 'text' }) state!: SeatState;
  /** Since when an AVAILABLE seat has stood empty; null while taken. */
  @Column({ name: 'vacant_since', type: 'date', nullable: true }) vacantSince!: string | null;
  @Column({ name: 'placement_id', type: 'uuid', nullable: true }) placementId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
