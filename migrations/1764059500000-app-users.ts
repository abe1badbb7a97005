import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The built-in user store for sign-in without an OIDC provider (ADR 0006). Passwords are bcrypt
 * hashes; `groups` are the candidate groups of user tasks; `job_centre_id` is the tenant.
 */
export class AppUsers1764059500000 implements MigrationInterface {
  name = 'AppUsers1764059500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE casework.app_user (
        username       text PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
        display_name   text NOT NULL,
        password_hash  text NOT NULL,
        roles          text[] NOT NULL
                         CHECK (roles <@ ARRAY['caseworker', 'supervisor', 'process-owner']::text[]
                                AND cardinality(roles) > 0),
        groups         text[] NOT NULL DEFAULT '{}',
        job_centre_id  text NOT NULL,
        active         boolean NOT NULL DEFAULT true,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE casework.app_user`);
  }
}
