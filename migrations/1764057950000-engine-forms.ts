import { MigrationInterface, QueryRunner } from 'typeorm';

/** Deployed Camunda forms (form-js JSON), versioned by their `id` like processes by theirs. */
export class EngineForms1764057950000 implements MigrationInterface {
  name = 'EngineForms1764057950000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE engine.form (
        key            bigint PRIMARY KEY,
        form_id        text NOT NULL,
        version        integer NOT NULL,
        resource_name  text NOT NULL,
        checksum       text NOT NULL,
        resource       jsonb NOT NULL,
        deployment_key bigint NOT NULL REFERENCES engine.deployment (key),
        deployed_at    timestamptz NOT NULL DEFAULT now(),
        UNIQUE (form_id, version)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE engine.form');
  }
}
