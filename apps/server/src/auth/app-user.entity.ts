import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from './auth-user';

/** A user of the built-in sign-in (casework.app_user). Without an OIDC provider this is the store. */
@Entity({ schema: 'casework', name: 'app_user' })
export class AppUser {
  @PrimaryColumn('text') username!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  /** bcrypt; never leaves the server. */
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash!: string;
  @Column({ type: 'text', array: true }) roles!: Role[];
  @Column({ type: 'text', array: true }) groups!: string[];
  @Column({ name: 'job_centre_id', type: 'text' }) jobCentreId!: string;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
