import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DeleteResource removes process definitions; their versions are remembered by the PROCESS records
 * of the history so that a version number is never handed out twice. This index keeps the lookup a
 * deployment makes in that (append-only, ever-growing) table cheap.
 */
export class ProcessDeletion1764057900000 implements MigrationInterface {
  name = 'ProcessDeletion1764057900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX record_process_by_id ON engine.record (bpmn_process_id) WHERE value_type = 'PROCESS'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX engine.record_process_by_id');
  }
}
