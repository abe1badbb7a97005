import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { numeric } from '../shared/columns';

/** A production unit (P-nummer). The practicum employer and the ratio rule are per P-nummer (BEK §§60, 65). */
@Entity({ schema: 'casework', name: 'worksite' })
export class Worksite {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId!: string;
  @Column({ name: 'p_number', type: 'char', length: 10 }) pNumber!: string;
  @Column() name!: string;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ type: 'char', length: 4 }) postcode!: string;
  @Column() municipality!: string;
  @Column({ name: 'ordinary_fte', type: 'numeric', transformer: numeric }) ordinaryFte!: number;
  @Column({ name: 'other_supported_fte', type: 'numeric', transformer: numeric }) otherSupportedFte!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
