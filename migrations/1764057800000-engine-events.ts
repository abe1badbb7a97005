import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What instances wait for: timers, message and signal subscriptions. Each belongs to an element
 * instance (its owner) and is deleted with it; start-event timers and subscriptions belong to a
 * process definition instead (owner_key is null). Messages correlated to an instance are
 * remembered so that a buffered message is correlated at most once per process instance.
 */
export class EngineEvents1764057800000 implements MigrationInterface {
  name = 'EngineEvents1764057800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE engine.process_definition ADD COLUMN version_tag text;
      ALTER TABLE engine.process_instance ADD COLUMN correlation_key text;
      CREATE INDEX process_instance_by_correlation ON engine.process_instance (bpmn_process_id, correlation_key)
        WHERE state = 'ACTIVE' AND correlation_key IS NOT NULL;

      CREATE TABLE engine.timer (
        key                    bigint PRIMARY KEY,
        process_instance_key   bigint,
        owner_key              bigint,
        process_definition_key bigint NOT NULL,
        target_element_id      text NOT NULL,
        due_at                 timestamptz NOT NULL,
        repetitions            integer NOT NULL,
        interval               jsonb
      );
      CREATE INDEX timer_due ON engine.timer (due_at);
      CREATE INDEX timer_by_owner ON engine.timer (owner_key);
      CREATE INDEX timer_by_definition ON engine.timer (process_definition_key) WHERE owner_key IS NULL;

      CREATE TABLE engine.message_subscription (
        key                    bigint PRIMARY KEY,
        process_instance_key   bigint,
        owner_key              bigint,
        process_definition_key bigint NOT NULL,
        bpmn_process_id        text NOT NULL,
        target_element_id      text NOT NULL,
        message_name           text NOT NULL,
        correlation_key        text,
        interrupting           boolean NOT NULL DEFAULT true
      );
      CREATE INDEX message_subscription_match ON engine.message_subscription (message_name, correlation_key);
      CREATE INDEX message_subscription_by_owner ON engine.message_subscription (owner_key);

      CREATE TABLE engine.message_correlation (
        message_key          bigint NOT NULL,
        bpmn_process_id      text NOT NULL,
        process_instance_key bigint NOT NULL,
        PRIMARY KEY (message_key, bpmn_process_id)
      );

      CREATE TABLE engine.signal_subscription (
        key                    bigint PRIMARY KEY,
        process_instance_key   bigint,
        owner_key              bigint,
        process_definition_key bigint NOT NULL,
        target_element_id      text NOT NULL,
        signal_name            text NOT NULL
      );
      CREATE INDEX signal_subscription_by_name ON engine.signal_subscription (signal_name);
      CREATE INDEX signal_subscription_by_owner ON engine.signal_subscription (owner_key);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE engine.signal_subscription, engine.message_correlation, engine.message_subscription, engine.timer;
      ALTER TABLE engine.process_instance DROP COLUMN correlation_key;
      ALTER TABLE engine.process_definition DROP COLUMN version_tag;
    `);
  }
}
