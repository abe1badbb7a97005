import type { Pool } from 'pg';
import { parseBpmn, type ExecutableProcess } from '@brobygger/bpmn';

export interface ProcessDefinition {
  key: string;
  bpmnProcessId: string;
  version: number;
  resourceName: string;
  process: ExecutableProcess;
}

interface DefinitionRow {
  key: string;
  bpmn_process_id: string;
  version: number;
  resource_name: string;
  resource: string;
}

/**
 * Deployed process definitions, parsed once per engine process. Definitions never change after
 * deployment; a deleted one is dropped from this process's cache (`forget`).
 */
export class DefinitionStore {
  private readonly byKeyCache = new Map<string, Promise<ProcessDefinition | undefined>>();
  private readonly parsed = new Map<string, ProcessDefinition>();

  constructor(private readonly pool: Pool) {}

  /** The definition if it is parsed already; synchronous, for use while a row lock is held. */
  cached(key: string): ProcessDefinition | undefined {
    return this.parsed.get(key);
  }

  byKey(key: string): Promise<ProcessDefinition | undefined> {
    let cached = this.byKeyCache.get(key);
    if (!cached) {
      cached = this.load('SELECT * FROM engine.process_definition WHERE key = $1', [key]);
      this.byKeyCache.set(key, cached);
      cached
        .then((found) => (found ? this.parsed.set(key, found) : this.byKeyCache.delete(key)))
        .catch(() => this.byKeyCache.delete(key));
    }
    return cached;
  }

  /** After DeleteResource: the definition is gone, so it must not be served from the cache. */
  forget(key: string): void {
    this.byKeyCache.delete(key);
  }

  async latest(bpmnProcessId: string): Promise<ProcessDefinition | undefined> {
    return this.keyOf(
      'SELECT key FROM engine.process_definition WHERE bpmn_process_id = $1 ORDER BY version DESC LIMIT 1',
      [bpmnProcessId],
    );
  }

  async byVersion(bpmnProcessId: string, version: number): Promise<ProcessDefinition | undefined> {
    return this.keyOf('SELECT key FROM engine.process_definition WHERE bpmn_process_id = $1 AND version = $2', [
      bpmnProcessId,
      version,
    ]);
  }

  private async keyOf(sql: string, params: unknown[]): Promise<ProcessDefinition | undefined> {
    const { rows } = await this.pool.query<{ key: string }>(sql, params);
    return rows[0] ? this.byKey(rows[0].key) : undefined;
  }

  private async load(sql: string, params: unknown[]): Promise<ProcessDefinition | undefined> {
    const { rows } = await this.pool.query<DefinitionRow>(sql, params);
    const row = rows[0];
    if (!row) return undefined;
    const parsed = await parseBpmn(row.resource, row.resource_name);
    const process = parsed.ok ? parsed.processes.find((p) => p.bpmnProcessId === row.bpmn_process_id) : undefined;
    if (!process) throw new Error(`deployed definition ${row.key} no longer parses`);
    return {
      key: row.key,
      bpmnProcessId: row.bpmn_process_id,
      version: row.version,
      resourceName: row.resource_name,
      process,
    };
  }
}
