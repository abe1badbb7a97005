import type { PoolClient } from 'pg';
import type { ProcessingContext } from '../processing/processing-context';
import { instanceChanges } from './instance-changes';

/**
 * Writes everything one command did to one instance in a single statement (one round trip):
 * the instance row (inserted or updated), the live element-instance projection, jobs, incidents,
 * timers and subscriptions, correlated messages, and the history. Each part is a data-modifying
 * CTE over `unnest`ed arrays; an empty array makes its part a no-op. Prepared once per connection.
 */
const WRITE_INSTANCE = `
WITH instance AS (
  INSERT INTO engine.process_instance
    (key, process_definition_key, bpmn_process_id, version, state, document, ended_at,
     awaits_result, parent_process_instance_key, parent_element_instance_key, correlation_key)
  VALUES ($1, $2, $3, $4, $5, $6::jsonb, CASE WHEN $5 = 'ACTIVE' THEN NULL ELSE now() END, $7, $8, $9, $10)
  ON CONFLICT (key) DO UPDATE
    SET state = EXCLUDED.state, document = EXCLUDED.document, ended_at = EXCLUDED.ended_at
), elements_added AS (
  INSERT INTO engine.element_instance (key, process_instance_key, element_id, element_type, process_definition_key)
  SELECT key, $1, element_id, element_type, $2
    FROM unnest($11::bigint[], $12::text[], $13::text[]) AS t (key, element_id, element_type)
), elements_removed AS (
  DELETE FROM engine.element_instance WHERE key = ANY($14::bigint[])
), jobs_added AS (
  INSERT INTO engine.job
    (key, type, state, retries, custom_headers, process_instance_key, element_instance_key, element_id,
     bpmn_process_id, process_definition_key, process_definition_version)
  SELECT key, type, 'ACTIVATABLE', retries, custom_headers, $1, element_instance_key, element_id, $3, $2, $4
    FROM unnest($15::bigint[], $16::text[], $17::int[], $18::jsonb[], $19::bigint[], $20::text[])
      AS t (key, type, retries, custom_headers, element_instance_key, element_id)
), jobs_deleted AS (
  DELETE FROM engine.job WHERE key = ANY($21::bigint[])
), jobs_updated AS (
  UPDATE engine.job j
     SET state = u.state, retries = u.retries, error_message = COALESCE(u.error_message, j.error_message),
         recur_at = u.recur_at,
         worker = CASE WHEN u.state = 'ACTIVATED' THEN j.worker END,
         deadline = CASE WHEN u.state = 'ACTIVATED' THEN j.deadline END
    FROM unnest($22::bigint[], $23::text[], $24::int[], $25::text[], $26::timestamptz[])
      AS u (key, state, retries, error_message, recur_at)
   WHERE j.key = u.key
), incidents_added AS (
  INSERT INTO engine.incident
    (key, state, error_type, error_message, process_instance_key, element_instance_key, element_id,
     bpmn_process_id, process_definition_key, job_key, resolved_at)
  SELECT key, state, error_type, error_message, $1, element_instance_key, element_id, $3, $2, job_key,
         CASE WHEN state = 'RESOLVED' THEN now() END
    FROM unnest($27::bigint[], $28::text[], $29::text[], $30::text[], $31::bigint[], $32::text[], $33::bigint[])
      AS t (key, state, error_type, error_message, element_instance_key, element_id, job_key)
), incidents_resolved AS (
  UPDATE engine.incident SET state = 'RESOLVED', resolved_at = now() WHERE key = ANY($34::bigint[])
), timers_added AS (
  INSERT INTO engine.timer
    (key, process_instance_key, owner_key, process_definition_key, target_element_id, due_at, repetitions, interval)
  SELECT key, $1, owner_key, $2, target_element_id, to_timestamp(due_at / 1000.0), repetitions, interval
    FROM unnest($35::bigint[], $36::bigint[], $37::text[], $38::float8[], $39::int[], $40::jsonb[])
      AS t (key, owner_key, target_element_id, due_at, repetitions, interval)
), timers_updated AS (
  UPDATE engine.timer t SET due_at = to_timestamp(u.due_at / 1000.0), repetitions = u.repetitions
    FROM unnest($41::bigint[], $42::float8[], $43::int[]) AS u (key, due_at, repetitions)
   WHERE t.key = u.key
), timers_deleted AS (
  DELETE FROM engine.timer WHERE key = ANY($44::bigint[])
), message_subscriptions_added AS (
  INSERT INTO engine.message_subscription
    (key, process_instance_key, owner_key, process_definition_key, bpmn_process_id, target_element_id,
     message_name, correlation_key, interrupting)
  SELECT key, $1, owner_key, $2, $3, target_element_id, message_name, correlation_key, interrupting
    FROM unnest($45::bigint[], $46::bigint[], $47::text[], $48::text[], $49::text[], $50::bool[])
      AS t (key, owner_key, target_element_id, message_name, correlation_key, interrupting)
), signal_subscriptions_added AS (
  INSERT INTO engine.signal_subscription
    (key, process_instance_key, owner_key, process_definition_key, target_element_id, signal_name)
  SELECT key, $1, owner_key, $2, target_element_id, signal_name
    FROM unnest($51::bigint[], $52::bigint[], $53::text[], $54::text[]) AS t (key, owner_key, target_element_id, signal_name)
), timers_closed AS (
  DELETE FROM engine.timer WHERE owner_key = ANY($55::bigint[])
), message_subscriptions_closed AS (
  DELETE FROM engine.message_subscription WHERE owner_key = ANY($55::bigint[])
), signal_subscriptions_closed AS (
  DELETE FROM engine.signal_subscription WHERE owner_key = ANY($55::bigint[])
), messages_correlated AS (
  INSERT INTO engine.message_correlation (message_key, bpmn_process_id, process_instance_key)
  SELECT message_key, $3, $1 FROM unnest($56::bigint[]) AS message_key
  ON CONFLICT DO NOTHING
)
INSERT INTO engine.record
  (key, value_type, intent, process_instance_key, process_definition_key, bpmn_process_id,
   element_id, element_type, flow_scope_key, payload)
SELECT key, value_type, intent, $1, $2, $3, element_id, element_type, flow_scope_key, payload
  FROM unnest($57::bigint[], $58::text[], $59::text[], $60::text[], $61::text[], $62::bigint[], $63::jsonb[])
    WITH ORDINALITY AS t (key, value_type, intent, element_id, element_type, flow_scope_key, payload, n)
 ORDER BY n`;

export async function writeInstance(
  client: PoolClient,
  context: ProcessingContext,
  before: ReadonlySet<string>,
  options: { isNew: boolean; awaitsResult?: boolean },
): Promise<void> {
  const changes = instanceChanges(context, before);
  const { info } = context;
  await client.query({
    name: 'engine-write-instance',
    text: WRITE_INSTANCE,
    values: [
      ...changes.instance,
      options.awaitsResult ?? false,
      info.parent?.processInstanceKey ?? null,
      info.parent?.elementInstanceKey ?? null,
      info.correlationKey ?? null,
      ...changes.elementsAdded,
      ...changes.elementsRemoved,
      ...changes.jobsAdded,
      ...changes.jobsDeleted,
      ...changes.jobsUpdated,
      ...changes.incidentsAdded,
      ...changes.incidentsResolved,
      ...changes.timersAdded,
      ...changes.timersUpdated,
      ...changes.timersDeleted,
      ...changes.messageSubscriptionsAdded,
      ...changes.signalSubscriptionsAdded,
      ...changes.subscriptionOwnersClosed,
      ...changes.messagesCorrelated,
      ...changes.records,
    ],
  });
}
