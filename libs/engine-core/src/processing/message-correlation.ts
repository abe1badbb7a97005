import type { Variables } from '../api';
import type { NewMessageSubscription } from './effects';
import { triggerEvent } from './event-trigger';
import type { CommandScope } from './unit-of-work';

interface BufferedMessage {
  key: string;
  variables: Variables;
}

/**
 * A subscription that has just opened takes the oldest buffered message with its name and
 * correlation key that has not yet been correlated to this process (Zeebe correlates a message
 * at most once per BPMN process id). Returns whether a message was correlated.
 */
export async function correlateBufferedMessage(
  scope: CommandScope,
  subscription: NewMessageSubscription,
): Promise<boolean> {
  const { client, context, lifecycle } = scope;
  const { rows } = await client.query<BufferedMessage>(
    `SELECT m.key, m.variables FROM engine.message m
      WHERE m.name = $1 AND m.correlation_key = $2 AND m.expires_at > to_timestamp($4 / 1000.0)
        AND NOT EXISTS (SELECT 1 FROM engine.message_correlation c
                         WHERE c.message_key = m.key AND c.bpmn_process_id = $3)
      ORDER BY m.key
      LIMIT 1
      FOR UPDATE`,
    [subscription.messageName, subscription.correlationKey, context.info.bpmnProcessId, context.now],
  );
  const message = rows[0];
  if (!message || context.effects.correlatedMessages.includes(message.key)) return false;
  if (!triggerEvent(lifecycle, subscription.ownerKey, subscription.targetElementId, message.variables)) return false;
  context.effects.correlatedMessages.push(message.key);
  return true;
}
