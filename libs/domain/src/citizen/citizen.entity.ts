import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A person the job centre works with. The CPR number is only here, encrypted; elsewhere the id. */
@Entity({ schema: 'casework', name: 'citizen' })
export class Citizen {
  @PrimaryColumn('uuid') id!: string;
  /** AES-256-GCM (see CprCipher); never selected unless asked for. */
  @Column({ name: 'cpr_ciphertext', type: 'bytea', select: false }) cprCiphertext!: Buffer;
  /** HMAC-SHA256 of the ten digits, unique: finds a citizen by CPR without decrypting. */
  @Column({ name: 'cpr_lookup', type: 'bytea', select: false }) cprLookup!: Buffer;
  @Column({ name: 'first_name' }) firstName!: string;
  @Column({ name: 'last_name' }) lastName!: string;
  @Column({ type: 'char', length: 4 }) postcode!: string;
  @Column() municipality!: string;
  @Column({ type: 'text', array: true }) competences!: string[];
  /** Wished industries or kinds of work, compared with company industries and seat tasks. */
  @Column({ type: 'text', array: true }) wishes!: string[];
  @Column({ name: 'job_goal', type: 'text', nullable: true }) jobGoal!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
