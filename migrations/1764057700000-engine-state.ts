import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The engine's state. Each process instance is one row whose `document` holds its live element
 * instances, variables and join tokens: a command locks that row, advances the instance in memory
 * and writes it back, so commands on one instance are serialised by PostgreSQL's row lock.
 * Jobs, incidents and messages have tables of their own because they are queried across
 * instances; `element_instance` is a narrow projection of the live element instances for lookups
 * by key and for monitoring; `record` is the append-only history of every transition.
 */
export class EngineState1764057700000 implements MigrationInterface {
  name = 'EngineState1764057700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Each value is a block of keys (its size is in keys.ts), so that an engine process asks for keys rarely.
      CREATE SEQUENCE engine.key_block START 1;

      CREATE TABLE engine.deployment (
        key         bigint PRIMARY KEY,
        created_at  timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE engine.process_definition (
        key             bigint PRIMARY KEY,
        bpmn_process_id text NOT NULL,
        version         integer NOT NULL,
        resource_name   text NOT NULL,
        checksum        text NOT NULL,
        resource        text NOT NULL,
        deployment_key  bigint NOT NULL REFERENCES engine.deployment (key),
        deployed_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (bpmn_process_id, version)
      );

      CREATE TABLE engine.process_instance (
        key                    bigint PRIMARY KEY,
        process_definition_key bigint NOT NULL REFERENCES engine.process_definition (key),
        bpmn_process_id        text NOT NULL,
        version                integer NOT NULL,
        state                  text NOT NULL CHECK (state IN ('ACTIVE', 'COMPLETED', 'TERMINATED')),
        parent_process_instance_key bigint,
        parent_element_instance_key bigint,
        -- Set by CreateProcessInstanceWithResult: the completion is announced to other engine processes.
        awaits_result          boolean NOT NULL DEFAULT false,
        document               jsonb NOT NULL,
        created_at             timestamptz NOT NULL DEFAULT now(),
        ended_at               timestamptz
      );
      CREATE INDEX process_instance_active ON engine.process_instance (process_definition_key) WHERE state = 'ACTIVE';

      CREATE TABLE engine.element_instance (
        key                  bigint PRIMARY KEY,
        process_instance_key bigint NOT NULL,
        element_id           text NOT NULL,
        element_type         text NOT NULL,
        process_definition_key bigint NOT NULL,
        activated_at         timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX element_instance_by_process_instance ON engine.element_instance (process_instance_key);
      CREATE INDEX element_instance_by_element ON engine.element_instance (process_definition_key, element_id);

      CREATE TABLE engine.job (
        key                    bigint PRIMARY KEY,
        type                   text NOT NULL,
        state                  text NOT NULL CHECK (state IN ('ACTIVATABLE', 'ACTIVATED', 'FAILED', 'ERROR_THROWN')),
        retries                integer NOT NULL,
        worker                 text,
        deadline               timestamptz,
        recur_at               timestamptz,
        error_message          text,
        custom_headers         jsonb NOT NULL,
        process_instance_key   bigint NOT NULL,
        element_instance_key   bigint NOT NULL,
        element_id             text NOT NULL,
        bpmn_process_id        text NOT NULL,
        process_definition_key bigint NOT NULL,
        process_definition_version integer NOT NULL,
        created_at             timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX job_activatable ON engine.job (type, key) WHERE state = 'ACTIVATABLE';
      CREATE INDEX job_deadline ON engine.job (deadline) WHERE state = 'ACTIVATED';
      CREATE INDEX job_recur ON engine.job (recur_at) WHERE state = 'FAILED' AND recur_at IS NOT NULL;
      CREATE INDEX job_by_process_instance ON engine.job (process_instance_key);

      CREATE TABLE engine.incident (
        key                  bigint PRIMARY KEY,
        state                text NOT NULL CHECK (state IN ('ACTIVE', 'RESOLVED')),
        error_type           text NOT NULL,
        error_message        text NOT NULL,
        process_instance_key bigint NOT NULL,
        element_instance_key bigint NOT NULL,
        element_id           text NOT NULL,
        bpmn_process_id      text NOT NULL,
        process_definition_key bigint NOT NULL,
        job_key              bigint,
        created_at           timestamptz NOT NULL DEFAULT now(),
        resolved_at          timestamptz
      );
      CREATE INDEX incident_active ON engine.incident (process_instance_key) WHERE state = 'ACTIVE';

      CREATE TABLE engine.message (
        key             bigint PRIMARY KEY,
        name            text NOT NULL,
        correlation_key text NOT NULL,
        message_id      text,
        variables       jsonb NOT NULL,
        published_at    timestamptz NOT NULL DEFAULT now(),
        expires_at      timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX message_id_unique ON engine.message (name, correlation_key, message_id) WHERE message_id IS NOT NULL;
      CREATE INDEX message_by_correlation ON engine.message (name, correlation_key);
      CREATE INDEX message_expiry ON engine.message (expires_at);

      -- Append-only: never updated, never deleted by the engine.
      CREATE TABLE engine.record (
        position             bigserial PRIMARY KEY,
        key                  bigint NOT NULL,
        value_type           text NOT NULL,
        intent               text NOT NULL,
        process_instance_key bigint,
        process_definition_key bigint,
        bpmn_process_id      text,
        element_id           text,
        element_type         text,
        flow_scope_key       bigint,
        payload              jsonb,
        created_at           timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX record_by_process_instance ON engine.record (process_instance_key, position);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE engine.record, engine.message, engine.incident, engine.job, engine.element_instance,
        engine.process_instance, engine.process_definition, engine.deployment;
      DROP SEQUENCE engine.key_block;
    `);
  }
}
