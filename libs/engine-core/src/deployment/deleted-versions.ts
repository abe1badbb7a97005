import type { PoolClient } from 'pg';

/**
 * The highest version of a process that was deployed and then deleted (DeleteResource), read from
 * the history: Zeebe never hands out a version number twice, even after its definition is gone.
 */
export async function highestDeletedVersion(client: PoolClient, bpmnProcessId: string): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>(
    `SELECT max((payload->>'version')::int) AS version FROM engine.record
      WHERE value_type = 'PROCESS' AND intent = 'DELETED' AND bpmn_process_id = $1`,
    [bpmnProcessId],
  );
  return rows[0]?.version ?? 0;
}
