import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The caseworkers' inbox: one row per job-worker user task (ADR 0004). The job key is unique so a
 * re-delivered job (timeout, second worker) finds its row instead of making a second one. No
 * foreign key to the placement: the inbox must accept tasks of processes that carry no placement.
 */
export class UserTaskInbox1764058900000 implements MigrationInterface {
  name = 'UserTaskInbox1764058900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE casework.user_task (
        id                   uuid PRIMARY KEY,
        job_key              text NOT NULL UNIQUE,
        element_id           text NOT NULL,
        element_instance_key text NOT NULL,
        process_instance_key text NOT NULL,
        bpmn_process_id      text NOT NULL,
        process_version      integer NOT NULL,
        placement_id         uuid,
        candidate_groups     text[] NOT NULL DEFAULT '{}',
        candidate_users      text[] NOT NULL DEFAULT '{}',
        assignee             text,
        due_at               timestamptz,
        follow_up_at         timestamptz,
        form_key             text,
        variables            jsonb NOT NULL DEFAULT '{}',
        state                text NOT NULL DEFAULT 'CREATED'
                               CHECK (state IN ('CREATED', 'COMPLETED', 'CANCELED')),
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        completed_at         timestamptz,
        completed_by         text
      )`);
    // The inbox queries: open tasks of a group or a person, soonest due first.
    await db.query(`CREATE INDEX user_task_open_due ON casework.user_task (due_at) WHERE state = 'CREATED'`);
    await db.query(`CREATE INDEX user_task_groups ON casework.user_task USING gin (candidate_groups)`);
    await db.query(`CREATE INDEX user_task_assignee ON casework.user_task (assignee) WHERE assignee IS NOT NULL`);
    await db.query(`CREATE INDEX user_task_placement ON casework.user_task (placement_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS casework.user_task');
  }
}
