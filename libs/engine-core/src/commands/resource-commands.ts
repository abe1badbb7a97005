import type { Pool } from 'pg';
import { EngineError } from '../api';
import { DEPLOY_LOCK_KEY } from '../deployment/deploy';
import { replaceStartSubscriptions } from '../deployment/start-event-subscriptions';
import type { KeyGenerator } from '../keys';
import type { DefinitionStore } from '../state/definition-store';

/**
 * DeleteResource for process definitions (the only resources this engine deploys). A definition
 * with running instances is refused. Otherwise the definition goes with its start-event timers and
 * subscriptions and its ended instances (Zeebe deletes a definition's historic data too; the
 * `record` history stays). When it was the latest version, the previous one becomes the latest
 * again and its start events subscribe again. Its version number is never given out again.
 */
export class ResourceCommands {
  constructor(
    private readonly pool: Pool,
    private readonly keys: KeyGenerator,
    private readonly definitions: DefinitionStore,
  ) {}

  async delete(resourceKey: string, now: number): Promise<void> {
    const notFound = `Expected to delete resource but no resource found with key '${resourceKey}'`;
    if (!/^\d+$/.test(resourceKey)) throw new EngineError('NOT_FOUND', notFound);
    await this.keys.ensure();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Serialised with deployments, which decide on versions and start subscriptions too.
      await client.query('SELECT pg_advisory_xact_lock($1)', [DEPLOY_LOCK_KEY]);
      // FOR UPDATE also holds off new instances (their foreign key locks the row) until we are done.
      const { rows } = await client.query<{ bpmn_process_id: string; version: number; resource_name: string }>(
        'SELECT bpmn_process_id, version, resource_name FROM engine.process_definition WHERE key = $1 FOR UPDATE',
        [resourceKey],
      );
      const definition = rows[0];
      if (!definition) throw new EngineError('NOT_FOUND', notFound);
      const { rows: running } = await client.query<{ count: string }>(
        `SELECT count(*) AS count FROM engine.process_instance WHERE process_definition_key = $1 AND state = 'ACTIVE'`,
        [resourceKey],
      );
      const count = Number(running[0].count);
      if (count > 0) {
        throw new EngineError(
          'FAILED_PRECONDITION',
          `Expected to delete resource with key '${resourceKey}' (process '${definition.bpmn_process_id}' version ${definition.version}) but there are still ${count} running process instance(s) of it. They must complete or be cancelled first`,
        );
      }
      await client.query(
        `WITH t AS (DELETE FROM engine.timer WHERE process_definition_key = $1),
              m AS (DELETE FROM engine.message_subscription WHERE process_definition_key = $1),
              s AS (DELETE FROM engine.signal_subscription WHERE process_definition_key = $1)
         DELETE FROM engine.process_instance WHERE process_definition_key = $1`,
        [resourceKey],
      );
      await client.query('DELETE FROM engine.process_definition WHERE key = $1', [resourceKey]);
      await client.query(
        `INSERT INTO engine.record (key, value_type, intent, process_definition_key, bpmn_process_id, payload)
         VALUES ($1, 'PROCESS', 'DELETED', $1, $2, $3)`,
        [
          resourceKey,
          definition.bpmn_process_id,
          { version: definition.version, resourceName: definition.resource_name },
        ],
      );
      const { rows: newer } = await client.query<{ key: string; version: number }>(
        `SELECT key, version FROM engine.process_definition WHERE bpmn_process_id = $1 ORDER BY version DESC LIMIT 1`,
        [definition.bpmn_process_id],
      );
      const latest = newer[0];
      if (latest && latest.version < definition.version) {
        // The deleted one was the latest: its predecessor takes over the start events.
        const previous = await this.definitions.byKey(latest.key);
        if (!previous) throw new Error(`process definition ${latest.key} is missing`);
        await replaceStartSubscriptions(client, this.keys, previous.process, previous.key, now);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    this.definitions.forget(resourceKey);
  }
}
