import type { Pool } from 'pg';
import type { ActivatedJob, ActivateJobsCommand, Variables } from '../api';
import type { InstanceDocument } from './instance-document';
import { InstanceState } from './instance-state';

interface ActivatedRow {
  key: string;
  type: string;
  process_instance_key: string;
  bpmn_process_id: string;
  process_definition_version: number;
  process_definition_key: string;
  element_id: string;
  element_instance_key: string;
  custom_headers: Record<string, string>;
  worker: string;
  retries: number;
  deadline: Date;
  document: InstanceDocument | null;
}

/**
 * Hands out up to `maxJobsToActivate` jobs in one statement. SKIP LOCKED lets several engine
 * processes (and several polls) take jobs side by side without ever taking the same one.
 */
export async function activateJobs(pool: Pool, command: ActivateJobsCommand, now: number): Promise<ActivatedJob[]> {
  const { rows } = await pool.query<ActivatedRow>(
    `WITH picked AS (
       SELECT key FROM engine.job
        WHERE type = $1 AND state = 'ACTIVATABLE'
        ORDER BY key
        LIMIT $2
        FOR UPDATE SKIP LOCKED
     ), activated AS (
       UPDATE engine.job j
          SET state = 'ACTIVATED', worker = $3, deadline = to_timestamp(($5::float8 + $4::float8) / 1000.0)
         FROM picked WHERE j.key = picked.key
       RETURNING j.*
     ), recorded AS (
       INSERT INTO engine.record (key, value_type, intent, process_instance_key, process_definition_key,
                                  bpmn_process_id, element_id, payload)
       SELECT key, 'JOB', 'ACTIVATED', process_instance_key, process_definition_key, bpmn_process_id, element_id,
              jsonb_build_object('worker', worker, 'deadline', deadline)
         FROM activated
     )
     SELECT a.key, a.type, a.process_instance_key, a.bpmn_process_id, a.process_definition_version,
            a.process_definition_key, a.element_id, a.element_instance_key, a.custom_headers, a.worker,
            a.retries, a.deadline, pi.document
       FROM activated a LEFT JOIN engine.process_instance pi ON pi.key = a.process_instance_key
      ORDER BY a.key`,
    [command.type, command.maxJobsToActivate, command.worker, command.timeoutMs, now],
  );
  return rows.map((row) => ({
    key: row.key,
    type: row.type,
    processInstanceKey: row.process_instance_key,
    bpmnProcessId: row.bpmn_process_id,
    processDefinitionVersion: row.process_definition_version,
    processDefinitionKey: row.process_definition_key,
    elementId: row.element_id,
    elementInstanceKey: row.element_instance_key,
    customHeaders: row.custom_headers,
    worker: row.worker,
    retries: row.retries,
    deadline: row.deadline.getTime(),
    variables: jobVariables(row, command.fetchVariables),
  }));
}

/** The variables visible from the job's element instance, optionally only the named ones. */
function jobVariables(row: ActivatedRow, fetch: string[]): Variables {
  if (!row.document) return {};
  const state = new InstanceState(row.process_instance_key, row.document);
  const scope = state.element(row.element_instance_key) ? row.element_instance_key : row.process_instance_key;
  const visible = state.visibleVariables(scope);
  if (fetch.length === 0) return visible;
  const picked: Variables = {};
  for (const name of fetch) if (name in visible) picked[name] = visible[name];
  return picked;
}

/** Jobs whose worker did not answer in time become activatable again (Zeebe's TIMED_OUT). */
export async function releaseTimedOutJobs(pool: Pool, now: number): Promise<string[]> {
  return releaseJobs(pool, `state = 'ACTIVATED' AND deadline < to_timestamp($2 / 1000.0)`, 'TIMED_OUT', now);
}

/** Failed jobs whose retry back-off is over become activatable (Zeebe's RECURRED_AFTER_BACKOFF). */
export async function releaseBackedOffJobs(pool: Pool, now: number): Promise<string[]> {
  return releaseJobs(pool, `state = 'FAILED' AND recur_at <= to_timestamp($2 / 1000.0)`, 'RECURRED_AFTER_BACKOFF', now);
}

async function releaseJobs(pool: Pool, condition: string, intent: string, now: number): Promise<string[]> {
  const { rows } = await pool.query<{ type: string }>(
    `WITH due AS (
       SELECT key FROM engine.job WHERE ${condition} LIMIT 1000 FOR UPDATE SKIP LOCKED
     ), released AS (
       UPDATE engine.job j SET state = 'ACTIVATABLE', worker = NULL, deadline = NULL, recur_at = NULL
         FROM due WHERE j.key = due.key
       RETURNING j.*
     ), recorded AS (
       INSERT INTO engine.record (key, value_type, intent, process_instance_key, process_definition_key,
                                  bpmn_process_id, element_id)
       SELECT key, 'JOB', $1, process_instance_key, process_definition_key, bpmn_process_id, element_id
         FROM released
     )
     SELECT DISTINCT type FROM released`,
    [intent, now],
  );
  return rows.map((r) => r.type);
}
