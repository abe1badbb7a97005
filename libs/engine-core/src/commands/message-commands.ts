import type { Pool } from 'pg';
import { EngineError, type PublishMessageCommand } from '../api';
import type { Clock } from '../clock';
import type { KeyGenerator } from '../keys';
import { triggerEvent } from '../processing/event-trigger';
import type { InstanceRunner } from '../processing/instance-runner';
import type { UnitOfWork } from '../processing/unit-of-work';

interface SubscriptionRow {
  key: string;
  process_instance_key: string | null;
  owner_key: string | null;
  process_definition_key: string;
  bpmn_process_id: string;
  target_element_id: string;
}

/**
 * PublishMessage, as Zeebe: the message is buffered for its time to live (a second one with the
 * same name, correlation key and id is refused while the first lives) and correlated at once to
 * every process that waits for it, at most one subscription per BPMN process id. A message start
 * event starts a new instance unless one of that process with the same correlation key is active.
 */
export class MessageCommands {
  constructor(
    private readonly pool: Pool,
    private readonly runner: InstanceRunner,
    private readonly keys: KeyGenerator,
    private readonly clock: Clock,
  ) {}

  publish(command: PublishMessageCommand): Promise<{ key: string }> {
    return this.runner.run(async (unit) => {
      const key = this.keys.next();
      const now = this.clock.now();
      if (command.timeToLiveMs > 0) await this.buffer(unit, key, command, now);
      await unit.client.query(
        `INSERT INTO engine.record (key, value_type, intent, payload) VALUES ($1, 'MESSAGE', 'PUBLISHED', $2)`,
        [key, { name: command.name, timeToLive: command.timeToLiveMs, messageId: command.messageId ?? null }],
      );
      await this.correlate(unit, key, command);
      return { key };
    });
  }

  private async buffer(unit: UnitOfWork, key: string, command: PublishMessageCommand, now: number): Promise<void> {
    const { rows } = await unit.client.query<{ key: string }>(
      `WITH expired AS (
         DELETE FROM engine.message
          WHERE name = $2 AND correlation_key = $3 AND message_id = $4 AND expires_at <= to_timestamp($7::float8 / 1000.0)
       )
       INSERT INTO engine.message (key, name, correlation_key, message_id, variables, published_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, to_timestamp($7::float8 / 1000.0), to_timestamp(($7::float8 + $6::float8) / 1000.0))
       ON CONFLICT (name, correlation_key, message_id) WHERE message_id IS NOT NULL DO NOTHING
       RETURNING key`,
      [
        key,
        command.name,
        command.correlationKey,
        command.messageId ?? null,
        command.variables,
        command.timeToLiveMs,
        now,
      ],
    );
    if (rows.length === 0) {
      throw new EngineError(
        'ALREADY_EXISTS',
        `Expected to publish a new message with id '${command.messageId}', but a message with that id was already published`,
      );
    }
  }

  private async correlate(unit: UnitOfWork, messageKey: string, command: PublishMessageCommand): Promise<void> {
    const { rows } = await unit.client.query<SubscriptionRow>(
      // Two index lookups rather than one OR, which would read every subscription of the name.
      `SELECT * FROM (
         SELECT key, process_instance_key, owner_key, process_definition_key, bpmn_process_id, target_element_id
           FROM engine.message_subscription WHERE message_name = $1 AND correlation_key = $2
         UNION ALL
         SELECT key, process_instance_key, owner_key, process_definition_key, bpmn_process_id, target_element_id
           FROM engine.message_subscription WHERE message_name = $1 AND correlation_key IS NULL AND owner_key IS NULL
       ) AS subscription
       ORDER BY owner_key IS NULL, key`,
      [command.name, command.correlationKey],
    );
    const correlated = new Set<string>();
    for (const row of rows) {
      if (correlated.has(row.bpmn_process_id)) continue;
      const done = row.owner_key
        ? await this.correlateToInstance(unit, row, messageKey, command)
        : await this.startInstance(unit, row, messageKey, command);
      if (done) correlated.add(row.bpmn_process_id);
    }
  }

  private async correlateToInstance(
    unit: UnitOfWork,
    row: SubscriptionRow,
    messageKey: string,
    command: PublishMessageCommand,
  ): Promise<boolean> {
    const scope = await unit.tryOpen(row.process_instance_key!);
    if (!scope) return false;
    if (!triggerEvent(scope.lifecycle, row.owner_key!, row.target_element_id, command.variables)) return false;
    scope.context.effects.correlatedMessages.push(messageKey);
    return true;
  }

  private async startInstance(
    unit: UnitOfWork,
    row: SubscriptionRow,
    messageKey: string,
    command: PublishMessageCommand,
  ): Promise<boolean> {
    if (command.correlationKey) {
      const active = await unit.client.query(
        `SELECT 1 FROM engine.process_instance
          WHERE bpmn_process_id = $1 AND correlation_key = $2 AND state = 'ACTIVE' LIMIT 1`,
        [row.bpmn_process_id, command.correlationKey],
      );
      if (active.rowCount) return false;
    }
    const definition = await unit.requireDefinition(row.process_definition_key);
    const scope = unit.create(definition);
    scope.context.info.correlationKey = command.correlationKey || undefined;
    unit.startInstance(scope, {}, [], { startEventId: row.target_element_id, variables: command.variables });
    scope.context.effects.correlatedMessages.push(messageKey);
    return true;
  }

  /** Drops messages whose time to live is over. */
  async expire(): Promise<void> {
    await this.pool.query(
      `WITH expired AS (
         DELETE FROM engine.message WHERE key IN (
           SELECT key FROM engine.message WHERE expires_at <= to_timestamp($1 / 1000.0) LIMIT 1000 FOR UPDATE SKIP LOCKED)
         RETURNING key, name
       )
       INSERT INTO engine.record (key, value_type, intent, payload)
       SELECT key, 'MESSAGE', 'EXPIRED', jsonb_build_object('name', name) FROM expired`,
      [this.clock.now()],
    );
  }
}
