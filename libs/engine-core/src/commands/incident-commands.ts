import type { Pool } from 'pg';
import { EngineError } from '../api';
import { incidents } from '../behaviors/incidents';
import type { InstanceRunner } from '../processing/instance-runner';

/**
 * ResolveIncident: a job incident makes the job activatable again (its retries must have been
 * raised first); any other incident re-runs the step that failed, with the variables as they are now.
 */
export class IncidentCommands {
  constructor(
    private readonly pool: Pool,
    private readonly runner: InstanceRunner,
  ) {}

  async resolve(incidentKey: string): Promise<void> {
    const notFound = `Expected to resolve incident with key '${incidentKey}', but no such incident was found`;
    const { rows } = await this.pool.query<{ process_instance_key: string }>(
      `SELECT process_instance_key FROM engine.incident WHERE key = $1 AND state = 'ACTIVE'`,
      [incidentKey],
    );
    if (!rows[0]) throw new EngineError('NOT_FOUND', notFound);
    await this.runner.run(async (unit) => {
      const { client, context, lifecycle } = await unit.open(rows[0].process_instance_key, notFound);
      const locked = await client.query<{ element_instance_key: string; job_key: string | null; state: string }>(
        'SELECT element_instance_key, job_key, state FROM engine.incident WHERE key = $1 FOR UPDATE',
        [incidentKey],
      );
      const incident = locked.rows[0];
      const instance = incident && context.state.element(incident.element_instance_key);
      if (!incident || incident.state !== 'ACTIVE' || !instance || instance.incidentKey !== incidentKey) {
        throw new EngineError('NOT_FOUND', notFound);
      }
      if (incident.job_key) {
        const job = await client.query<{ type: string; retries: number }>(
          'SELECT type, retries FROM engine.job WHERE key = $1 FOR UPDATE',
          [incident.job_key],
        );
        const { type, retries } = job.rows[0];
        if (retries <= 0) {
          throw new EngineError(
            'FAILED_PRECONDITION',
            `Expected to resolve incident with key '${incidentKey}', but job '${incident.job_key}' has no retries left: update its retries first`,
          );
        }
        incidents.resolve(context, instance);
        context.effects.jobChanges.push({ kind: 'update', key: incident.job_key, type, state: 'ACTIVATABLE', retries });
        context.effects.activatableTypes.add(type);
        return;
      }
      incidents.resolve(context, instance);
      if (instance.state === 'ACTIVATING') lifecycle.retryActivation(instance);
      else if (instance.state === 'COMPLETING') lifecycle.retryCompletion(instance);
    });
  }
}
