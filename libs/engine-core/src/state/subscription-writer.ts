import type { PoolClient } from 'pg';
import type { ProcessingContext } from '../processing/processing-context';

/**
 * Writes the timers and subscriptions an instance opened, reschedules or drops timers that fired,
 * and closes everything owned by element instances that are no longer waiting.
 */
export async function writeSubscriptions(client: PoolClient, context: ProcessingContext): Promise<void> {
  const { effects, info } = context;
  const pik = info.processInstanceKey;
  const definitionKey = info.processDefinitionKey;
  if (effects.newTimers.length > 0) {
    const timers = effects.newTimers;
    await client.query(
      `INSERT INTO engine.timer
         (key, process_instance_key, owner_key, process_definition_key, target_element_id, due_at, repetitions, interval)
       SELECT key, $1, owner_key, $2, target_element_id, to_timestamp(due_at / 1000.0), repetitions, interval
         FROM unnest($3::bigint[], $4::bigint[], $5::text[], $6::float8[], $7::int[], $8::jsonb[])
           AS t (key, owner_key, target_element_id, due_at, repetitions, interval)`,
      [
        pik,
        definitionKey,
        timers.map((t) => t.key),
        timers.map((t) => t.ownerKey),
        timers.map((t) => t.targetElementId),
        timers.map((t) => t.dueAt),
        timers.map((t) => t.repetitions),
        timers.map((t) => (t.interval ? JSON.stringify(t.interval) : null)),
      ],
    );
  }
  if (effects.newMessageSubscriptions.length > 0) {
    const subs = effects.newMessageSubscriptions;
    await client.query(
      `INSERT INTO engine.message_subscription
         (key, process_instance_key, owner_key, process_definition_key, bpmn_process_id, target_element_id,
          message_name, correlation_key, interrupting)
       SELECT key, $1, owner_key, $2, $3, target_element_id, message_name, correlation_key, interrupting
         FROM unnest($4::bigint[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::bool[])
           AS t (key, owner_key, target_element_id, message_name, correlation_key, interrupting)`,
      [
        pik,
        definitionKey,
        info.bpmnProcessId,
        subs.map((s) => s.key),
        subs.map((s) => s.ownerKey),
        subs.map((s) => s.targetElementId),
        subs.map((s) => s.messageName),
        subs.map((s) => s.correlationKey),
        subs.map((s) => s.interrupting),
      ],
    );
  }
  if (effects.newSignalSubscriptions.length > 0) {
    const subs = effects.newSignalSubscriptions;
    await client.query(
      `INSERT INTO engine.signal_subscription
         (key, process_instance_key, owner_key, process_definition_key, target_element_id, signal_name)
       SELECT key, $1, owner_key, $2, target_element_id, signal_name
         FROM unnest($3::bigint[], $4::bigint[], $5::text[], $6::text[])
           AS t (key, owner_key, target_element_id, signal_name)`,
      [
        pik,
        definitionKey,
        subs.map((s) => s.key),
        subs.map((s) => s.ownerKey),
        subs.map((s) => s.targetElementId),
        subs.map((s) => s.signalName),
      ],
    );
  }
  for (const change of effects.timerChanges) {
    if ('delete' in change) await client.query('DELETE FROM engine.timer WHERE key = $1', [change.key]);
    else {
      await client.query(
        'UPDATE engine.timer SET due_at = to_timestamp($2 / 1000.0), repetitions = $3 WHERE key = $1',
        [change.key, change.dueAt, change.repetitions],
      );
    }
  }
  const closed = effects.closedSubscriptionOwners;
  if (closed.length > 0) {
    await client.query(
      `WITH t AS (DELETE FROM engine.timer WHERE owner_key = ANY($1::bigint[])),
            m AS (DELETE FROM engine.message_subscription WHERE owner_key = ANY($1::bigint[]))
       DELETE FROM engine.signal_subscription WHERE owner_key = ANY($1::bigint[])`,
      [closed],
    );
  }
  if (effects.correlatedMessages.length > 0) {
    await client.query(
      `INSERT INTO engine.message_correlation (message_key, bpmn_process_id, process_instance_key)
       SELECT message_key, $2, $3 FROM unnest($1::bigint[]) AS message_key
       ON CONFLICT DO NOTHING`,
      [effects.correlatedMessages, info.bpmnProcessId, pik],
    );
  }
}
