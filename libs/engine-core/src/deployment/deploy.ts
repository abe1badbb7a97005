import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { parseBpmn, type ExecutableProcess } from '@brobygger/bpmn';
import { EngineError, type DeployedForm, type DeployedProcess, type DeploymentResult } from '../api';
import type { KeyGenerator } from '../keys';
import { highestDeletedVersion } from './deleted-versions';
import { deployForm, parseForm, type ParsedForm } from './forms';
import { replaceStartSubscriptions } from './start-event-subscriptions';
import { unsupportedElements } from './supported-elements';

// Serialises deployments (and deletions) across engine processes, so that two never take the same version number.
export const DEPLOY_LOCK_KEY = 4_242_101;

interface ParsedResource {
  name: string;
  xml: string;
  checksum: string;
  processes: ExecutableProcess[];
}

async function parseResources(
  resources: { name: string; content: Buffer }[],
): Promise<{ parsed: ParsedResource[]; forms: ParsedForm[] }> {
  const errors: string[] = [];
  const parsed: ParsedResource[] = [];
  const forms: ParsedForm[] = [];
  const seenIds = new Map<string, string>();
  for (const resource of resources) {
    if (/\.form$/i.test(resource.name)) {
      const form = parseForm(resource.name, resource.content);
      if (typeof form === 'string') errors.push(form);
      else if (forms.some((f) => f.formId === form.formId)) {
        errors.push(`'${resource.name}': form '${form.formId}' occurs more than once in this deployment`);
      } else forms.push(form);
      continue;
    }
    if (!/\.(bpmn|xml)$/i.test(resource.name)) {
      errors.push(
        `'${resource.name}': only BPMN (.bpmn, .xml) and form (.form) resources can be deployed to the embedded engine`,
      );
      continue;
    }
    const xml = resource.content.toString('utf8');
    const outcome = await parseBpmn(xml, resource.name);
    const problems = outcome.ok ? outcome.processes.flatMap(unsupportedElements) : outcome.problems;
    for (const process of outcome.ok ? outcome.processes : []) {
      const other = seenIds.get(process.bpmnProcessId);
      if (other) {
        problems.push({
          elementId: process.bpmnProcessId,
          message: `Process '${process.bpmnProcessId}' is also defined in '${other}': a process id may occur once per deployment`,
        });
      }
      seenIds.set(process.bpmnProcessId, resource.name);
    }
    if (problems.length > 0) {
      errors.push(`'${resource.name}':\n${problems.map((p) => `- ${p.message}`).join('\n')}`);
      continue;
    }
    if (!outcome.ok) continue;
    const checksum = createHash('sha256').update(resource.content).digest('hex');
    parsed.push({ name: resource.name, xml, checksum, processes: outcome.processes });
  }
  if (resources.length === 0)
    throw new EngineError('INVALID_ARGUMENT', 'Expected to deploy at least one resource, but none given');
  if (errors.length > 0) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected to deploy new resources, but encountered the following errors:\n${errors.join('\n')}`,
    );
  }
  return { parsed, forms };
}

/**
 * Deploys all resources or none. A process whose resource is byte-for-byte the latest version's
 * keeps that version; otherwise it gets the next version number.
 */
export async function deploy(
  pool: Pool,
  keys: KeyGenerator,
  resources: { name: string; content: Buffer }[],
  now: number,
): Promise<DeploymentResult> {
  const { parsed, forms } = await parseResources(resources);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [DEPLOY_LOCK_KEY]);
    const deploymentKey = keys.next();
    await client.query('INSERT INTO engine.deployment (key) VALUES ($1)', [deploymentKey]);
    const processes: DeployedProcess[] = [];
    for (const resource of parsed) {
      for (const process of resource.processes) {
        processes.push(await deployProcess(client, keys, deploymentKey, resource, process, now));
      }
    }
    const deployedForms: DeployedForm[] = [];
    for (const form of forms) deployedForms.push(await deployForm(client, keys, deploymentKey, form));
    await client.query('COMMIT');
    return { deploymentKey, processes, forms: deployedForms };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function deployProcess(
  client: PoolClient,
  keys: KeyGenerator,
  deploymentKey: string,
  resource: ParsedResource,
  process: ExecutableProcess,
  now: number,
): Promise<DeployedProcess> {
  const { rows } = await client.query<{ key: string; version: number; checksum: string; resource_name: string }>(
    `SELECT key, version, checksum, resource_name FROM engine.process_definition
      WHERE bpmn_process_id = $1 ORDER BY version DESC LIMIT 1`,
    [process.bpmnProcessId],
  );
  const latest = rows[0];
  if (latest && latest.checksum === resource.checksum) {
    return {
      bpmnProcessId: process.bpmnProcessId,
      version: latest.version,
      processDefinitionKey: latest.key,
      resourceName: latest.resource_name,
    };
  }
  const key = keys.next();
  const version = Math.max(latest?.version ?? 0, await highestDeletedVersion(client, process.bpmnProcessId)) + 1;
  await client.query(
    `INSERT INTO engine.process_definition
       (key, bpmn_process_id, version, resource_name, checksum, resource, deployment_key, version_tag)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      key,
      process.bpmnProcessId,
      version,
      resource.name,
      resource.checksum,
      resource.xml,
      deploymentKey,
      process.versionTag ?? null,
    ],
  );
  await client.query(
    `INSERT INTO engine.record (key, value_type, intent, process_definition_key, bpmn_process_id, payload)
     VALUES ($1, 'PROCESS', 'CREATED', $1, $2, $3)`,
    [key, process.bpmnProcessId, { version, resourceName: resource.name, deploymentKey }],
  );
  await replaceStartSubscriptions(client, keys, process, key, now);
  return { bpmnProcessId: process.bpmnProcessId, version, processDefinitionKey: key, resourceName: resource.name };
}
