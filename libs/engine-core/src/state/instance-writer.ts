import type { PoolClient } from 'pg';
import type { ProcessingContext } from '../processing/processing-context';
import { writeSubscriptions } from './subscription-writer';

/**
 * Writes what a command did to one instance, in the command's transaction: the document, the
 * live element-instance projection, jobs, incidents and the history. Multi-row statements
 * (`unnest`) keep it to a handful of round trips whatever the number of changes.
 */
export async function writeInstance(
  client: PoolClient,
  context: ProcessingContext,
  before: ReadonlySet<string>,
  options: { isNew: boolean; awaitsResult?: boolean },
): Promise<void> {
  const { info, effects, state } = context;
  const ended = effects.ended;
  const document = ended
    ? { elements: {}, variables: { [info.processInstanceKey]: ended.variables }, joins: {} }
    : state.document;

  if (options.isNew) {
    await client.query(
      `INSERT INTO engine.process_instance
         (key, process_definition_key, bpmn_process_id, version, state, awaits_result, document, ended_at,
          parent_process_instance_key, parent_element_instance_key, correlation_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $5 = 'ACTIVE' THEN NULL ELSE now() END, $8, $9, $10)`,
      [
        info.processInstanceKey,
        info.processDefinitionKey,
        info.bpmnProcessId,
        info.version,
        ended?.state ?? 'ACTIVE',
        options.awaitsResult ?? false,
        document,
        info.parent?.processInstanceKey ?? null,
        info.parent?.elementInstanceKey ?? null,
        info.correlationKey ?? null,
      ],
    );
  } else {
    await client.query(
      `UPDATE engine.process_instance
          SET state = $2, document = $3, ended_at = CASE WHEN $2 = 'ACTIVE' THEN NULL ELSE now() END
        WHERE key = $1`,
      [info.processInstanceKey, ended?.state ?? 'ACTIVE', document],
    );
  }

  await writeElementInstances(client, context, before);
  await writeJobs(client, context);
  await writeIncidents(client, context);
  await writeSubscriptions(client, context);
  await writeRecords(client, context);
}

async function writeElementInstances(client: PoolClient, context: ProcessingContext, before: ReadonlySet<string>) {
  const after = context.state.document.elements;
  const added = Object.values(after).filter((e) => !before.has(e.key));
  const removed = [...before].filter((key) => !(key in after));
  if (added.length > 0) {
    await client.query(
      `INSERT INTO engine.element_instance
         (key, process_instance_key, element_id, element_type, process_definition_key)
       SELECT key, $1, element_id, element_type, $2
         FROM unnest($3::bigint[], $4::text[], $5::text[]) AS t (key, element_id, element_type)`,
      [
        context.info.processInstanceKey,
        context.info.processDefinitionKey,
        added.map((e) => e.key),
        added.map((e) => e.elementId),
        added.map((e) => e.type),
      ],
    );
  }
  if (removed.length > 0) {
    await client.query('DELETE FROM engine.element_instance WHERE key = ANY($1::bigint[])', [removed]);
  }
}

async function writeJobs(client: PoolClient, context: ProcessingContext) {
  const { newJobs, jobChanges } = context.effects;
  const { info } = context;
  if (newJobs.length > 0) {
    await client.query(
      `INSERT INTO engine.job
         (key, type, state, retries, custom_headers, process_instance_key, element_instance_key, element_id,
          bpmn_process_id, process_definition_key, process_definition_version)
       SELECT key, type, 'ACTIVATABLE', retries, custom_headers, $1, element_instance_key, element_id, $2, $3, $4
         FROM unnest($5::bigint[], $6::text[], $7::int[], $8::jsonb[], $9::bigint[], $10::text[])
           AS t (key, type, retries, custom_headers, element_instance_key, element_id)`,
      [
        info.processInstanceKey,
        info.bpmnProcessId,
        info.processDefinitionKey,
        info.version,
        newJobs.map((j) => j.key),
        newJobs.map((j) => j.type),
        newJobs.map((j) => j.retries),
        newJobs.map((j) => JSON.stringify(j.customHeaders)),
        newJobs.map((j) => j.elementInstanceKey),
        newJobs.map((j) => j.elementId),
      ],
    );
  }
  const deleted = jobChanges.filter((c) => c.kind === 'delete').map((c) => c.key);
  if (deleted.length > 0) await client.query('DELETE FROM engine.job WHERE key = ANY($1::bigint[])', [deleted]);
  for (const change of jobChanges) {
    if (change.kind !== 'update') continue;
    await client.query(
      `UPDATE engine.job
          SET state = $2, retries = $3, error_message = COALESCE($4, error_message), recur_at = $5,
              worker = CASE WHEN $2 = 'ACTIVATED' THEN worker END,
              deadline = CASE WHEN $2 = 'ACTIVATED' THEN deadline END
        WHERE key = $1`,
      [change.key, change.state, change.retries, change.errorMessage ?? null, change.recurAt ?? null],
    );
  }
}

async function writeIncidents(client: PoolClient, context: ProcessingContext) {
  const { newIncidents, resolvedIncidents } = context.effects;
  const { info } = context;
  if (newIncidents.length > 0) {
    await client.query(
      `INSERT INTO engine.incident
         (key, state, error_type, error_message, process_instance_key, element_instance_key, element_id,
          bpmn_process_id, process_definition_key, job_key)
       SELECT key, 'ACTIVE', error_type, error_message, $1, element_instance_key, element_id, $2, $3, job_key
         FROM unnest($4::bigint[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::bigint[])
           AS t (key, error_type, error_message, element_instance_key, element_id, job_key)`,
      [
        info.processInstanceKey,
        info.bpmnProcessId,
        info.processDefinitionKey,
        newIncidents.map((i) => i.key),
        newIncidents.map((i) => i.errorType),
        newIncidents.map((i) => i.errorMessage),
        newIncidents.map((i) => i.elementInstanceKey),
        newIncidents.map((i) => i.elementId),
        newIncidents.map((i) => i.jobKey ?? null),
      ],
    );
  }
  if (resolvedIncidents.length > 0) {
    await client.query(
      `UPDATE engine.incident SET state = 'RESOLVED', resolved_at = now() WHERE key = ANY($1::bigint[])`,
      [resolvedIncidents],
    );
  }
}

async function writeRecords(client: PoolClient, context: ProcessingContext) {
  const { records } = context.effects;
  if (records.length === 0) return;
  const { info } = context;
  await client.query(
    `INSERT INTO engine.record
       (key, value_type, intent, process_instance_key, process_definition_key, bpmn_process_id,
        element_id, element_type, flow_scope_key, payload)
     SELECT key, value_type, intent, $1, $2, $3, element_id, element_type, flow_scope_key, payload
       FROM unnest($4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::jsonb[])
         WITH ORDINALITY AS t (key, value_type, intent, element_id, element_type, flow_scope_key, payload, n)
      ORDER BY n`,
    [
      info.processInstanceKey,
      info.processDefinitionKey,
      info.bpmnProcessId,
      records.map((r) => r.key),
      records.map((r) => r.valueType),
      records.map((r) => r.intent),
      records.map((r) => r.elementId ?? null),
      records.map((r) => r.elementType ?? null),
      records.map((r) => r.flowScopeKey ?? null),
      records.map((r) => (r.payload ? JSON.stringify(r.payload) : null)),
    ],
  );
}
