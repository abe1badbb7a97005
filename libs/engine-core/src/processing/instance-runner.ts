import type { Pool, PoolClient } from 'pg';
import { EngineError } from '../api';
import { KeyGenerator, KeysExhausted } from '../keys';
import { processorFor } from '../bpmn/processors';
import type { DefinitionStore, ProcessDefinition } from '../state/definition-store';
import type { InstanceDocument } from '../state/instance-document';
import { InstanceState } from '../state/instance-state';
import { writeInstance } from '../state/instance-writer';
import { Lifecycle, RunawayInstanceError } from './lifecycle';
import { InstanceInfo, ProcessingContext } from './processing-context';
import type { Effects } from './effects';

const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']); // serialization failure, deadlock
const MAX_ATTEMPTS = 5;

export interface CommandScope {
  context: ProcessingContext;
  lifecycle: Lifecycle;
  client: PoolClient;
}

/**
 * Runs a command as one transaction: lock the instance row (which serialises commands on one
 * instance while others run in parallel), advance the instance in memory until it waits again,
 * write everything, commit. Retried from scratch when keys run out or PostgreSQL asks for it.
 */
export class InstanceRunner {
  constructor(
    private readonly pool: Pool,
    private readonly keys: KeyGenerator,
    private readonly definitions: DefinitionStore,
    private readonly afterCommit: (effects: Effects, info: InstanceInfo, awaitsResult: boolean) => void,
  ) {}

  /** A command on an existing, active instance. `work` may throw EngineError to reject it. */
  async onInstance<T>(
    processInstanceKey: string,
    notFound: string,
    work: (scope: CommandScope) => Promise<T> | T,
  ): Promise<T> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<{
        process_definition_key: string;
        bpmn_process_id: string;
        version: number;
        state: string;
        awaits_result: boolean;
        document: InstanceDocument;
      }>(
        `SELECT process_definition_key, bpmn_process_id, version, state, awaits_result, document
           FROM engine.process_instance WHERE key = $1 FOR UPDATE`,
        [processInstanceKey],
      );
      const row = rows[0];
      if (!row || row.state !== 'ACTIVE') throw new EngineError('NOT_FOUND', notFound);
      const definition = await this.requireDefinition(row.process_definition_key);
      const info: InstanceInfo = {
        processInstanceKey,
        processDefinitionKey: row.process_definition_key,
        bpmnProcessId: row.bpmn_process_id,
        version: row.version,
      };
      const before = new Set(Object.keys(row.document.elements));
      const scope = this.scope(client, info, definition, row.document);
      const result = await work(scope);
      scope.lifecycle.run();
      await writeInstance(client, scope.context, before, { isNew: false });
      return { result, effects: scope.context.effects, info, awaitsResult: row.awaits_result };
    });
  }

  /** A new instance: `prepare` sets variables and enqueues the first step. */
  async newInstance(
    definition: ProcessDefinition,
    awaitsResult: boolean,
    prepare: (scope: CommandScope, processInstanceKey: string) => void,
  ): Promise<{ info: InstanceInfo; effects: Effects }> {
    return this.transaction(async (client) => {
      const info: InstanceInfo = {
        processInstanceKey: this.keys.next(),
        processDefinitionKey: definition.key,
        bpmnProcessId: definition.bpmnProcessId,
        version: definition.version,
      };
      const scope = this.scope(client, info, definition, { elements: {}, variables: {}, joins: {} });
      prepare(scope, info.processInstanceKey);
      scope.lifecycle.run();
      await writeInstance(client, scope.context, new Set(), { isNew: true, awaitsResult });
      return { result: { info, effects: scope.context.effects }, effects: scope.context.effects, info, awaitsResult };
    });
  }

  async requireDefinition(key: string): Promise<ProcessDefinition> {
    const definition = await this.definitions.byKey(key);
    if (!definition) throw new Error(`process definition ${key} is missing`);
    return definition;
  }

  private scope(client: PoolClient, info: InstanceInfo, definition: ProcessDefinition, document: InstanceDocument) {
    const state = new InstanceState(info.processInstanceKey, document);
    const context = new ProcessingContext(info, definition.process, state, this.keys, new Date());
    const lifecycle = new Lifecycle(context, processorFor);
    return { context, lifecycle, client };
  }

  private async transaction<T>(
    body: (client: PoolClient) => Promise<{ result: T; effects: Effects; info: InstanceInfo; awaitsResult: boolean }>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.keys.ensure();
      const client = await this.pool.connect();
      let outcome: Awaited<ReturnType<typeof body>>;
      try {
        await client.query('BEGIN');
        outcome = await body(client);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        const retryable =
          error instanceof KeysExhausted || RETRYABLE_SQLSTATES.has((error as { code?: string }).code ?? '');
        if (retryable && attempt < MAX_ATTEMPTS) continue;
        if (error instanceof RunawayInstanceError) throw new EngineError('FAILED_PRECONDITION', error.message);
        throw error;
      } finally {
        client.release();
      }
      this.afterCommit(outcome.effects, outcome.info, outcome.awaitsResult);
      return outcome.result;
    }
  }
}
