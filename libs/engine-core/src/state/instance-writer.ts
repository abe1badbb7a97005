import type { PoolClient } from 'pg';
import type { ChangeSet } from './instance-changes';

/**
 * Writes everything a unit of work changed, for all its instances, in a single statement (one
 * round trip, however many commands a batch holds): the instance rows (inserted or updated), the
 * live element-instance projection, jobs, incidents, timers and subscriptions, correlated
 * messages, and the history. Each part is a data-modifying CTE over `unnest`ed column arrays (see
 * instance-changes.ts for their order); an empty array makes its part a no-op. Prepared once per
 * connection.
 */
const WRITE_INSTANCES = `
WITH instances AS (
  INSERT INTO engine.process_instance
    (key, process_definition_key, bpmn_process_id, version, state, document, ended_at,
     awaits_result, parent_process_instance_key, parent_element_instance_key, correlation_key)
  SELECT key, definition_key, bpmn_process_id, version, state, document::jsonb,
         CASE WHEN state = 'ACTIVE' THEN NULL ELSE now() END, awaits_result, parent_instance, parent_element, correlation_key
    FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::int[], $5::text[], $6::text[], $7::bool[],
                $8::bigint[], $9::bigint[], $10::text[])
      AS t (key, definition_key, bpmn_process_id, version, state, document, awaits_result, parent_instance,
            parent_element, correlation_key)
  ON CONFLICT (key) DO UPDATE
    SET state = EXCLUDED.state, document = EXCLUDED.document, ended_at = EXCLUDED.ended_at
), elements_added AS (
  INSERT INTO engine.element_instance (key, process_instance_key, element_id, element_type, process_definition_key)
  SELECT * FROM unnest($11::bigint[], $12::bigint[], $13::text[], $14::text[], $15::bigint[])
), elements_removed AS (
  DELETE FROM engine.element_instance WHERE key = ANY($16::bigint[])
), jobs_added AS (
  INSERT INTO engine.job
    (key, type, state, retries, custom_headers, process_instance_key, element_instance_key, element_id,
     bpmn_process_id, process_definition_key, process_definition_version)
  SELECT key, type, 'ACTIVATABLE', retries, headers::jsonb, instance, element_instance, element_id, bpmn_process_id,
         definition_key, version
    FROM unnest($17::bigint[], $18::text[], $19::int[], $20::text[], $21::bigint[], $22::bigint[], $23::text[],
                $24::text[], $25::bigint[], $26::int[])
      AS t (key, type, retries, headers, instance, element_instance, element_id, bpmn_process_id, definition_key, version)
), jobs_deleted AS (
  DELETE FROM engine.job WHERE key = ANY($27::bigint[])
), jobs_updated AS (
  UPDATE engine.job j
     SET state = u.state, retries = u.retries, error_message = COALESCE(u.error_message, j.error_message),
         recur_at = u.recur_at,
         worker = CASE WHEN u.state = 'ACTIVATED' THEN j.worker END,
         deadline = CASE WHEN u.state = 'ACTIVATED' THEN j.deadline END
    FROM unnest($28::bigint[], $29::text[], $30::int[], $31::text[], $32::timestamptz[])
      AS u (key, state, retries, error_message, recur_at)
   WHERE j.key = u.key
), incidents_added AS (
  INSERT INTO engine.incident
    (key, state, error_type, error_message, process_instance_key, element_instance_key, element_id,
     bpmn_process_id, process_definition_key, job_key, resolved_at)
  SELECT key, state, error_type, error_message, instance, element_instance, element_id, bpmn_process_id,
         definition_key, job_key, CASE WHEN state = 'RESOLVED' THEN now() END
    FROM unnest($33::bigint[], $34::text[], $35::text[], $36::text[], $37::bigint[], $38::bigint[], $39::text[],
                $40::text[], $41::bigint[], $42::bigint[])
      AS t (key, state, error_type, error_message, instance, element_instance, element_id, bpmn_process_id,
            definition_key, job_key)
), incidents_resolved AS (
  UPDATE engine.incident SET state = 'RESOLVED', resolved_at = now() WHERE key = ANY($43::bigint[])
), timers_added AS (
  INSERT INTO engine.timer
    (key, process_instance_key, owner_key, process_definition_key, target_element_id, due_at, repetitions, interval)
  SELECT key, instance, owner, definition_key, target, to_timestamp(due_at / 1000.0), repetitions, interval::jsonb
    FROM unnest($44::bigint[], $45::bigint[], $46::bigint[], $47::bigint[], $48::text[], $49::float8[], $50::int[],
                $51::text[])
      AS t (key, instance, owner, definition_key, target, due_at, repetitions, interval)
), timers_updated AS (
  UPDATE engine.timer t SET due_at = to_timestamp(u.due_at / 1000.0), repetitions = u.repetitions
    FROM unnest($52::bigint[], $53::float8[], $54::int[]) AS u (key, due_at, repetitions)
   WHERE t.key = u.key
), timers_deleted AS (
  DELETE FROM engine.timer WHERE key = ANY($55::bigint[])
), message_subscriptions_added AS (
  INSERT INTO engine.message_subscription
    (key, process_instance_key, owner_key, process_definition_key, bpmn_process_id, target_element_id,
     message_name, correlation_key, interrupting)
  SELECT * FROM unnest($56::bigint[], $57::bigint[], $58::bigint[], $59::bigint[], $60::text[], $61::text[],
                       $62::text[], $63::text[], $64::bool[])
), signal_subscriptions_added AS (
  INSERT INTO engine.signal_subscription
    (key, process_instance_key, owner_key, process_definition_key, target_element_id, signal_name)
  SELECT * FROM unnest($65::bigint[], $66::bigint[], $67::bigint[], $68::bigint[], $69::text[], $70::text[])
), timers_closed AS (
  DELETE FROM engine.timer WHERE owner_key = ANY($71::bigint[])
), message_subscriptions_closed AS (
  DELETE FROM engine.message_subscription WHERE owner_key = ANY($71::bigint[])
), signal_subscriptions_closed AS (
  DELETE FROM engine.signal_subscription WHERE owner_key = ANY($71::bigint[])
), messages_correlated AS (
  INSERT INTO engine.message_correlation (message_key, bpmn_process_id, process_instance_key)
  SELECT * FROM unnest($72::bigint[], $73::text[], $74::bigint[])
  ON CONFLICT DO NOTHING
)
INSERT INTO engine.record
  (key, value_type, intent, process_instance_key, process_definition_key, bpmn_process_id,
   element_id, element_type, flow_scope_key, payload)
SELECT key, value_type, intent, instance, definition_key, bpmn_process_id, element_id, element_type, flow_scope_key,
       payload::jsonb
  FROM unnest($75::bigint[], $76::text[], $77::text[], $78::bigint[], $79::bigint[], $80::text[], $81::text[],
              $82::text[], $83::bigint[], $84::text[])
    WITH ORDINALITY AS t (key, value_type, intent, instance, definition_key, bpmn_process_id, element_id,
                          element_type, flow_scope_key, payload, n)
 ORDER BY n`;

export async function writeChanges(client: PoolClient, changes: ChangeSet): Promise<void> {
  await client.query({ name: 'engine-write-instances', text: WRITE_INSTANCES, values: changes.parameters() });
}
