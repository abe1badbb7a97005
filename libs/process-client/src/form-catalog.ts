import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormSchema } from './form-schema';
import { processesDir } from './process-files';

/**
 * The forms of processes/forms/*.form by their id. These files are the source of the bodies
 * embedded in the BPMN (zeebe:userTaskForm); a test keeps the two identical.
 */
export function loadFormCatalog(dir = join(processesDir(), 'forms')): Map<string, FormSchema> {
  const forms = new Map<string, FormSchema>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.form'))) {
    const schema = JSON.parse(readFileSync(join(dir, name), 'utf8')) as FormSchema;
    forms.set(schema.id, schema);
  }
  return forms;
}
