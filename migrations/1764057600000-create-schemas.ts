import { MigrationInterface, QueryRunner } from 'typeorm';

/** The engine keeps its state apart from the case-management domain: one schema each. */
export class CreateSchemas1764057600000 implements MigrationInterface {
  name = 'CreateSchemas1764057600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE SCHEMA IF NOT EXISTS engine');
    await db.query('CREATE SCHEMA IF NOT EXISTS casework');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP SCHEMA IF EXISTS casework CASCADE');
    await db.query('DROP SCHEMA IF EXISTS engine CASCADE');
  }
}
