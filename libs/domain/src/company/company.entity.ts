import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { numeric } from '../shared/columns';

export const SECTORS = ['PRIVATE', 'PUBLIC'] as const;
export type Sector = (typeof SECTORS)[number];
export const COMPANY_STATUSES = ['PROSPECT', 'ACTIVE', 'INACTIVE'] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];

/** A legal unit (CVR). Without worksites it is treated as one production unit for the ratio rule. */
@Entity({ schema: 'casework', name: 'company' })
export class Company {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'char', length: 8 }) cvr!: string;
  @Column() name!: string;
  /** DB07 industry code, e.g. "47.11". */
  @Column({ name: 'industry_code', type: 'text', nullable: true }) industryCode!: string | null;
  @Column() industry!: string;
  @Column({ type: 'text' }) sector!: Sector;
  @Column({ type: 'text' }) status!: CompanyStatus;
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ type: 'char', length: 4 }) postcode!: string;
  @Column() municipality!: string;
  /** The company centre or cluster it belongs to (collaboration model 4 and local groupings). */
  @Column({ type: 'text', nullable: true }) cluster!: string | null;
  /** Ordinary employees as FTE, 4-month average (RK-3). */
  @Column({ name: 'ordinary_fte', type: 'numeric', transformer: numeric }) ordinaryFte!: number;
  /** Supported FTE placed outside Brobygger (wage subsidy, utility work) that count in RK-2. */
  @Column({ name: 'other_supported_fte', type: 'numeric', transformer: numeric }) otherSupportedFte!: number;
  @Column({ name: 'contact_consultant', type: 'text', nullable: true }) contactConsultant!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
