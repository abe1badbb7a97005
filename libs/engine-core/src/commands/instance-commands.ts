import type { Pool } from 'pg';
import {
  EngineError,
  type CreatedInstance,
  type CreateInstanceCommand,
  type InstanceResult,
  type Variables,
} from '../api';
import type { InstanceRunner } from '../processing/instance-runner';
import type { DefinitionStore, ProcessDefinition } from '../state/definition-store';
import type { Notifications } from '../notifications';
import type { Effects } from '../processing/effects';

/** Creating, cancelling and awaiting process instances; setting variables on their scopes. */
export class InstanceCommands {
  constructor(
    private readonly pool: Pool,
    private readonly runner: InstanceRunner,
    private readonly definitions: DefinitionStore,
    private readonly notifications: Notifications,
  ) {}

  async create(command: CreateInstanceCommand, awaitsResult = false): Promise<CreatedInstance & { effects: Effects }> {
    const definition = await this.resolveDefinition(command);
    const startElementIds = this.checkStartInstructions(definition, command.startInstructions ?? []);
    const { info, effects } = await this.runner.run(async (unit) => {
      const scope = unit.create(definition, { awaitsResult });
      const { context } = scope;
      context.effects.record({
        key: context.info.processInstanceKey,
        valueType: 'PROCESS_INSTANCE_CREATION',
        intent: 'CREATED',
        payload: { variables: Object.keys(command.variables), startInstructions: startElementIds },
      });
      unit.startInstance(scope, command.variables, startElementIds);
      return { info: context.info, effects: context.effects };
    });
    return {
      processDefinitionKey: info.processDefinitionKey,
      bpmnProcessId: info.bpmnProcessId,
      version: info.version,
      processInstanceKey: info.processInstanceKey,
      effects,
    };
  }

  async createWithResult(
    command: CreateInstanceCommand,
    timeoutMs: number,
    fetchVariables: string[],
  ): Promise<InstanceResult> {
    // Instances flagged awaits_result announce their end to every engine process; the check right
    // after subscribing covers an end that happened between the commit and the subscription.
    const created = await this.create(command, true);
    const pick = (variables: Variables): InstanceResult => ({
      processDefinitionKey: created.processDefinitionKey,
      bpmnProcessId: created.bpmnProcessId,
      version: created.version,
      processInstanceKey: created.processInstanceKey,
      variables: fetchVariables.length === 0 ? variables : pickVariables(variables, fetchVariables),
    });
    if (created.effects.ended) return this.endedResult(created.processInstanceKey, created.effects.ended, pick);
    return new Promise<InstanceResult>((resolve, reject) => {
      let settled = false;
      const check = async () => {
        const { rows } = await this.pool.query<{ state: string; document: { variables: Record<string, Variables> } }>(
          'SELECT state, document FROM engine.process_instance WHERE key = $1',
          [created.processInstanceKey],
        );
        const row = rows[0];
        if (!row || row.state === 'ACTIVE' || settled) return;
        finish();
        const variables = row.document.variables[created.processInstanceKey] ?? {};
        try {
          resolve(this.endedResult(created.processInstanceKey, { state: row.state as 'COMPLETED', variables }, pick));
        } catch (error) {
          reject(error);
        }
      };
      const unsubscribe = this.notifications.onInstanceEnded(created.processInstanceKey, () => void check());
      const timer = setTimeout(() => {
        if (settled) return;
        finish();
        reject(
          new EngineError(
            'DEADLINE_EXCEEDED',
            `Expected process instance '${created.processInstanceKey}' to complete within ${timeoutMs} ms, but it is still running (it carries on)`,
          ),
        );
      }, timeoutMs);
      const finish = () => {
        settled = true;
        clearTimeout(timer);
        unsubscribe();
      };
      void check().catch(reject);
    });
  }

  cancel(processInstanceKey: string): Promise<void> {
    const notFound = `Expected to cancel a process instance with key '${processInstanceKey}', but no such process was found`;
    return this.runner.run(async (unit) => {
      const { context, lifecycle } = await unit.open(processInstanceKey, notFound);
      if (context.info.parent) {
        throw new EngineError(
          'FAILED_PRECONDITION',
          `Expected to cancel a process instance with key '${processInstanceKey}', but it is created by a parent process instance. Cancel the root process instance '${context.info.parent.processInstanceKey}' instead.`,
        );
      }
      lifecycle.terminate(context.state.requireElement(processInstanceKey));
    });
  }

  async setVariables(elementInstanceKey: string, variables: Variables, local: boolean): Promise<string> {
    const notFound = `Expected to update variables for element with key '${elementInstanceKey}', but no such element was found`;
    const { rows } = await this.pool.query<{ process_instance_key: string }>(
      'SELECT process_instance_key FROM engine.element_instance WHERE key = $1',
      [elementInstanceKey],
    );
    if (!rows[0]) throw new EngineError('NOT_FOUND', notFound);
    return this.runner.run(async (unit) => {
      const { context } = await unit.open(rows[0].process_instance_key, notFound);
      if (!context.state.element(elementInstanceKey)) throw new EngineError('NOT_FOUND', notFound);
      if (local) {
        for (const [name, value] of Object.entries(variables)) context.state.setLocal(elementInstanceKey, name, value);
      } else {
        context.state.propagate(elementInstanceKey, variables);
      }
      const key = context.keys.next();
      context.effects.record({
        key,
        valueType: 'VARIABLE_DOCUMENT',
        intent: 'UPDATED',
        payload: { scopeKey: elementInstanceKey, local, names: Object.keys(variables) },
      });
      return key;
    });
  }

  private endedResult(
    processInstanceKey: string,
    ended: { state: 'COMPLETED' | 'TERMINATED'; variables: Variables },
    pick: (variables: Variables) => InstanceResult,
  ): InstanceResult {
    if (ended.state === 'TERMINATED') {
      throw new EngineError(
        'FAILED_PRECONDITION',
        `Expected process instance '${processInstanceKey}' to complete, but it was terminated`,
      );
    }
    return pick(ended.variables);
  }

  private async resolveDefinition(command: CreateInstanceCommand): Promise<ProcessDefinition> {
    if (command.processDefinitionKey) {
      const definition = await this.definitions.byKey(command.processDefinitionKey);
      if (!definition) {
        throw new EngineError(
          'NOT_FOUND',
          `Expected to find process definition with key '${command.processDefinitionKey}', but none found`,
        );
      }
      return definition;
    }
    const id = command.bpmnProcessId ?? '';
    const latest = command.version === undefined || command.version < 0;
    const definition = latest
      ? await this.definitions.latest(id)
      : await this.definitions.byVersion(id, command.version!);
    if (!definition) {
      throw new EngineError(
        'NOT_FOUND',
        latest
          ? `Expected to find process definition with process ID '${id}', but none found`
          : `Expected to find process definition with process ID '${id}' and version '${command.version}', but none found`,
      );
    }
    return definition;
  }

  private checkStartInstructions(definition: ProcessDefinition, elementIds: string[]): string[] {
    if (elementIds.length === 0 && !definition.process.noneStartEventId) {
      throw new EngineError(
        'INVALID_ARGUMENT',
        `Expected to create instance of process with none start event, but there is no such event in process '${definition.bpmnProcessId}'`,
      );
    }
    for (const elementId of elementIds) {
      const element = definition.process.elements[elementId];
      if (!element) {
        throw new EngineError(
          'INVALID_ARGUMENT',
          `Expected to create instance of process with start instructions but no element found with id '${elementId}'.`,
        );
      }
      if (element.parentId !== undefined) {
        throw new EngineError(
          'INVALID_ARGUMENT',
          `Expected to create instance of process with start instructions but the element with id '${elementId}' is inside a sub-process; the embedded engine starts only at process level.`,
        );
      }
    }
    return elementIds;
  }
}

function pickVariables(variables: Variables, names: string[]): Variables {
  const picked: Variables = {};
  for (const name of names) if (name in variables) picked[name] = variables[name];
  return picked;
}
