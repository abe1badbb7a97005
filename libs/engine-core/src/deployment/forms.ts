import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { DeployedForm } from '../api';
import type { KeyGenerator } from '../keys';

export interface ParsedForm {
  name: string;
  formId: string;
  json: unknown;
  checksum: string;
}

/**
 * A Camunda form (form-js JSON) as Zeebe accepts it: a JSON object whose `id` names the form.
 * Returns the form or the reason it is refused.
 */
export function parseForm(name: string, content: Buffer): ParsedForm | string {
  let json: unknown;
  try {
    json = JSON.parse(content.toString('utf8'));
  } catch (error) {
    return `'${name}': not a readable form: ${(error as Error).message.replace(/ in JSON at .*$/, '')}`;
  }
  const formId = (json as { id?: unknown } | null)?.id;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return `'${name}': a form must be a JSON object`;
  }
  if (typeof formId !== 'string' || formId.trim() === '') {
    return `'${name}': a form must have a non-empty string 'id'`;
  }
  return { name, formId, json, checksum: createHash('sha256').update(content).digest('hex') };
}

/** Same versioning as processes: an identical form keeps its version, a changed one gets the next. */
export async function deployForm(
  client: PoolClient,
  keys: KeyGenerator,
  deploymentKey: string,
  form: ParsedForm,
): Promise<DeployedForm> {
  const { rows } = await client.query<{ key: string; version: number; checksum: string; resource_name: string }>(
    `SELECT key, version, checksum, resource_name FROM engine.form WHERE form_id = $1 ORDER BY version DESC LIMIT 1`,
    [form.formId],
  );
  const latest = rows[0];
  if (latest && latest.checksum === form.checksum) {
    return { formId: form.formId, version: latest.version, formKey: latest.key, resourceName: latest.resource_name };
  }
  const key = keys.next();
  const version = (latest?.version ?? 0) + 1;
  await client.query(
    `INSERT INTO engine.form (key, form_id, version, resource_name, checksum, resource, deployment_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [key, form.formId, version, form.name, form.checksum, JSON.stringify(form.json), deploymentKey],
  );
  await client.query(
    `INSERT INTO engine.record (key, value_type, intent, payload) VALUES ($1, 'FORM', 'CREATED', $2)`,
    [key, { formId: form.formId, version, resourceName: form.name, deploymentKey }],
  );
  return { formId: form.formId, version, formKey: key, resourceName: form.name };
}
