import type { PoolClient } from 'pg';
import type { ExecutableElement, ExecutableProcess } from '@brobygger/bpmn';
import type { KeyGenerator } from '../keys';
import { scheduleTimer } from '../timers';

/**
 * Message, timer and signal start events belong to the latest version of a process: deploying a
 * new version closes the previous version's start subscriptions and timers and opens its own.
 */
export async function replaceStartSubscriptions(
  client: PoolClient,
  keys: KeyGenerator,
  process: ExecutableProcess,
  definitionKey: string,
  now: number,
): Promise<void> {
  await client.query(
    `WITH previous AS (
       SELECT key FROM engine.process_definition WHERE bpmn_process_id = $1 AND key <> $2
     ), t AS (
       DELETE FROM engine.timer WHERE owner_key IS NULL AND process_definition_key IN (SELECT key FROM previous)
     ), m AS (
       DELETE FROM engine.message_subscription WHERE owner_key IS NULL AND process_definition_key IN (SELECT key FROM previous)
     )
     DELETE FROM engine.signal_subscription WHERE owner_key IS NULL AND process_definition_key IN (SELECT key FROM previous)`,
    [process.bpmnProcessId, definitionKey],
  );
  for (const id of process.startEventIds) {
    const event: ExecutableElement = process.elements[id];
    const definition = event.eventDefinition;
    if (definition?.type === 'timer') {
      const raw = definition.timeDate
        ? ({ kind: 'date', raw: definition.timeDate } as const)
        : definition.timeCycle
          ? ({ kind: 'cycle', raw: definition.timeCycle } as const)
          : ({ kind: 'duration', raw: definition.timeDuration ?? '' } as const);
      const schedule = scheduleTimer(raw, {}, now);
      if (!schedule.ok) throw new Error(`Element '${id}': ${schedule.message}`);
      await client.query(
        `INSERT INTO engine.timer (key, process_definition_key, target_element_id, due_at, repetitions, interval)
         VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), $5, $6)`,
        [
          keys.next(),
          definitionKey,
          id,
          schedule.value.dueAt,
          schedule.value.repetitions,
          schedule.value.interval ?? null,
        ],
      );
    } else if (definition?.type === 'message') {
      await client.query(
        `INSERT INTO engine.message_subscription
           (key, process_definition_key, bpmn_process_id, target_element_id, message_name)
         VALUES ($1, $2, $3, $4, $5)`,
        [keys.next(), definitionKey, process.bpmnProcessId, id, definition.messageName],
      );
    } else if (definition?.type === 'signal') {
      await client.query(
        `INSERT INTO engine.signal_subscription (key, process_definition_key, target_element_id, signal_name)
         VALUES ($1, $2, $3, $4)`,
        [keys.next(), definitionKey, id, definition.signalName],
      );
    }
  }
}
