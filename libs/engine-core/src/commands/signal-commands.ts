import type { Variables } from '../api';
import type { KeyGenerator } from '../keys';
import { triggerEvent } from '../processing/event-trigger';
import type { InstanceRunner } from '../processing/instance-runner';

interface SignalSubscriptionRow {
  process_instance_key: string | null;
  owner_key: string | null;
  process_definition_key: string;
  target_element_id: string;
}

/**
 * BroadcastSignal: every subscription to the signal's name fires, in one transaction — waiting
 * catch events, boundary events and event sub-processes, and signal start events (a new instance
 * of the latest version each).
 */
export class SignalCommands {
  constructor(
    private readonly runner: InstanceRunner,
    private readonly keys: KeyGenerator,
  ) {}

  broadcast(signalName: string, variables: Variables): Promise<{ key: string }> {
    return this.runner.run(async (unit) => {
      const key = this.keys.next();
      await unit.client.query(
        `INSERT INTO engine.record (key, value_type, intent, payload) VALUES ($1, 'SIGNAL', 'BROADCASTED', $2)`,
        [key, { signalName }],
      );
      const { rows } = await unit.client.query<SignalSubscriptionRow>(
        `SELECT process_instance_key, owner_key, process_definition_key, target_element_id
           FROM engine.signal_subscription WHERE signal_name = $1 ORDER BY process_instance_key NULLS FIRST, key`,
        [signalName],
      );
      for (const row of rows) {
        if (!row.owner_key) {
          const definition = await unit.requireDefinition(row.process_definition_key);
          const scope = unit.create(definition);
          unit.startInstance(scope, {}, [], { startEventId: row.target_element_id, variables });
          continue;
        }
        const scope = await unit.tryOpen(row.process_instance_key!);
        if (scope) triggerEvent(scope.lifecycle, row.owner_key, row.target_element_id, variables);
      }
      return { key };
    });
  }
}
