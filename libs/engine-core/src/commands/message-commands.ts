import type { Pool } from 'pg';
import { EngineError, type PublishMessageCommand } from '../api';
import type { KeyGenerator } from '../keys';

/**
 * PublishMessage: the message is buffered for its time to live, and a second message with the
 * same name, correlation key and id is refused while the first lives. Correlation to catch events
 * comes with the message events.
 */
export class MessageCommands {
  constructor(
    private readonly pool: Pool,
    private readonly keys: KeyGenerator,
  ) {}

  async publish(command: PublishMessageCommand): Promise<{ key: string }> {
    await this.keys.ensure(1);
    const key = this.keys.next();
    if (command.timeToLiveMs <= 0) return { key }; // nothing to buffer: it correlates now or never
    const { rows } = await this.pool.query<{ key: string }>(
      `WITH expired AS (
         DELETE FROM engine.message
          WHERE name = $2 AND correlation_key = $3 AND message_id = $4 AND expires_at <= now()
       ), published AS (
         INSERT INTO engine.message (key, name, correlation_key, message_id, variables, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + $6 * interval '1 millisecond')
         ON CONFLICT (name, correlation_key, message_id) WHERE message_id IS NOT NULL DO NOTHING
         RETURNING key
       ), recorded AS (
         INSERT INTO engine.record (key, value_type, intent, payload)
         SELECT key, 'MESSAGE', 'PUBLISHED', jsonb_build_object('name', $2::text, 'timeToLive', $6::bigint)
           FROM published
       )
       SELECT key FROM published`,
      [key, command.name, command.correlationKey, command.messageId ?? null, command.variables, command.timeToLiveMs],
    );
    if (rows.length === 0) {
      throw new EngineError(
        'ALREADY_EXISTS',
        `Expected to publish a new message with id '${command.messageId}', but a message with that id was already published`,
      );
    }
    return { key };
  }

  /** Drops messages whose time to live is over. */
  async expire(): Promise<void> {
    await this.pool.query(
      `WITH expired AS (
         DELETE FROM engine.message WHERE key IN (
           SELECT key FROM engine.message WHERE expires_at <= now() LIMIT 1000 FOR UPDATE SKIP LOCKED)
         RETURNING key, name
       )
       INSERT INTO engine.record (key, value_type, intent, payload)
       SELECT key, 'MESSAGE', 'EXPIRED', jsonb_build_object('name', name) FROM expired`,
    );
  }
}
