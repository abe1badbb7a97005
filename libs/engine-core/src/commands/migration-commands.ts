import { processRootElement } from '../bpmn/process-root';
import type { ExecutableProcess } from '@brobygger/bpmn';
import { EngineError, type MigrateInstanceCommand } from '../api';
import { eventsOf } from '../behaviors/event-subscriptions';
import type { InstanceRunner } from '../processing/instance-runner';
import type { ProcessingContext } from '../processing/processing-context';
import type { ElementInstance } from '../state/instance-document';

/**
 * MigrateProcessInstance, as Zeebe's process instance migration: the instance keeps its state
 * (keys, variables, jobs with their type, retries, worker and deadline, incidents) and continues on
 * the target definition. Every active element instance needs a mapping to an element of the same
 * type in the same (mapped) flow scope. What the embedded engine cannot carry over safely is
 * refused with a reason per element: elements that wait for events (their timers and
 * subscriptions would have to be re-created), multi-instance elements, and tokens parked at a
 * joining gateway.
 */
export class MigrationCommands {
  constructor(private readonly runner: InstanceRunner) {}

  migrate(command: MigrateInstanceCommand): Promise<void> {
    const { processInstanceKey, targetProcessDefinitionKey } = command;
    return this.runner.run(async (unit) => {
      const { context } = await unit.open(
        processInstanceKey,
        `Expected to migrate process instance but no process instance found with key '${processInstanceKey}'`,
      );
      const target = await unit.definitionStore.byKey(targetProcessDefinitionKey);
      if (!target) {
        throw new EngineError(
          'NOT_FOUND',
          `Expected to migrate process instance to process definition but no process definition found with key '${targetProcessDefinitionKey}'`,
        );
      }
      const mapping = checkMappingInstructions(context, target.process, command);
      const instances = Object.values(context.state.document.elements);
      const targetIds = new Map<string, string>();
      const reasons: string[] = [];
      for (const instance of instances) {
        const reason = checkInstance(context, target.process, mapping, instance);
        if (typeof reason === 'string') reasons.push(reason);
        else targetIds.set(instance.key, reason.targetId);
      }
      const parked = Object.keys(context.state.document.joins).filter((key) =>
        Object.values(context.state.document.joins[key]).some((n) => n > 0),
      );
      if (parked.length > 0) {
        reasons.push(
          `tokens wait at the joining gateway(s) ${parked.map((k) => `'${k.slice(k.indexOf('/') + 1)}'`).join(', ')}; migrating taken sequence flows of a join is not supported yet`,
        );
      }
      if (reasons.length > 0) {
        throw new EngineError(
          'FAILED_PRECONDITION',
          `Expected to migrate process instance '${processInstanceKey}' but ${reasons.join('; ')}`,
        );
      }

      const source = { ...context.info };
      for (const instance of instances) {
        const sourceElementId = instance.elementId;
        instance.elementId = targetIds.get(instance.key)!;
        context.effects.record({
          key: instance.key,
          valueType: 'PROCESS_INSTANCE',
          intent: 'ELEMENT_MIGRATED',
          elementId: instance.elementId,
          elementType: instance.type,
          flowScopeKey: instance.flowScopeKey,
          payload: { sourceElementId, sourceProcessDefinitionKey: source.processDefinitionKey },
        });
        if (instance.jobKey) {
          context.effects.record({
            key: instance.jobKey,
            valueType: 'JOB',
            intent: 'MIGRATED',
            elementId: instance.elementId,
            elementType: instance.type,
            payload: { elementInstanceKey: instance.key, sourceElementId },
          });
        }
      }
      // Records written from here on (and the instance's row) name the target definition.
      context.info.processDefinitionKey = target.key;
      context.info.bpmnProcessId = target.bpmnProcessId;
      context.info.version = target.version;
      context.effects.record({
        key: context.keys.next(),
        valueType: 'PROCESS_INSTANCE_MIGRATION',
        intent: 'MIGRATED',
        payload: {
          sourceProcessDefinitionKey: source.processDefinitionKey,
          sourceVersion: source.version,
          targetProcessDefinitionKey: target.key,
          targetVersion: target.version,
          mappingInstructions: command.mappingInstructions,
        },
      });
      await writeMigration(unit.client, context, targetIds);
    });
  }
}

/** Mapping instructions must name existing elements, each source once; returns source → target. */
function checkMappingInstructions(
  context: ProcessingContext,
  target: ExecutableProcess,
  command: MigrateInstanceCommand,
): Map<string, string> {
  const problems: string[] = [];
  const mapping = new Map<string, string>();
  const duplicates = new Set<string>();
  for (const { sourceElementId, targetElementId } of command.mappingInstructions) {
    if (mapping.has(sourceElementId)) duplicates.add(sourceElementId);
    mapping.set(sourceElementId, targetElementId);
    if (!context.element(sourceElementId)) {
      problems.push(
        `mapping instructions contain a non-existing source element id '${sourceElementId}'. Elements provided in mapping instructions must exist in the source process definition`,
      );
    }
    if (!target.elements[targetElementId]) {
      problems.push(
        `mapping instructions contain a non-existing target element id '${targetElementId}'. Elements provided in mapping instructions must exist in the target process definition`,
      );
    }
  }
  if (duplicates.size > 0) {
    problems.push(
      `the mapping instructions contain duplicate source element ids ${[...duplicates].map((d) => `'${d}'`).join(', ')}`,
    );
  }
  if (problems.length > 0) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `Expected to migrate process instance '${context.info.processInstanceKey}' but ${problems.join('; ')}`,
    );
  }
  return mapping;
}

/** The target element id of an active element instance, or why it cannot be migrated. */
function checkInstance(
  context: ProcessingContext,
  target: ExecutableProcess,
  mapping: Map<string, string>,
  instance: ElementInstance,
): { targetId: string } | string {
  if (instance.type === 'process') {
    const rootEvents = eventsOf(target, processRootElement(target), instance);
    if (instance.hasSubscriptions || rootEvents.length > 0) {
      return `the process waits for events of event sub-processes (in the source or the target); migrating event sub-process subscriptions is not supported yet`;
    }
    return { targetId: target.bpmnProcessId };
  }
  const id = instance.elementId;
  const targetId = mapping.get(id);
  if (targetId === undefined) {
    return `no mapping instruction defined for active element with id '${id}'. Elements cannot be migrated without a mapping`;
  }
  const sourceElement = context.element(id)!;
  const targetElement = target.elements[targetId];
  if (targetElement.kind !== sourceElement.kind) {
    return `active element with id '${id}' and type '${sourceElement.kind}' is mapped to an element with id '${targetId}' and different type '${targetElement.kind}'. Elements must be mapped to elements of the same type`;
  }
  const scope = instance.flowScopeKey !== undefined ? context.state.element(instance.flowScopeKey) : undefined;
  const expectedScope = scope && scope.type !== 'process' ? mapping.get(scope.elementId) : undefined;
  if (targetElement.parentId !== expectedScope) {
    return `the flow scope of active element with id '${id}' is changed. The flow scope of the active element is expected to be '${expectedScope ?? target.bpmnProcessId}' but was '${targetElement.parentId ?? target.bpmnProcessId}'. The flow scope of an element cannot be changed during migration yet`;
  }
  if (sourceElement.multiInstance || targetElement.multiInstance) {
    return `active element with id '${id}' is a multi-instance element (or mapped to one); migrating multi-instance elements is not supported yet`;
  }
  if (instance.hasSubscriptions || eventsOf(target, targetElement, { ...instance, elementId: targetId }).length > 0) {
    return `active element with id '${id}' waits for events (a catch event, boundary events or event sub-processes) in the source or the target; migrating timers and message or signal subscriptions is not supported yet`;
  }
  return { targetId };
}

/**
 * The rows that name the definition or element ids besides the document (which the runner writes):
 * the instance, the element-instance projection, jobs, incidents and the instance's subscriptions.
 */
async function writeMigration(
  client: { query(sql: string, params: unknown[]): Promise<unknown> },
  context: ProcessingContext,
  targetIds: Map<string, string>,
): Promise<void> {
  const { info } = context;
  const keys = [...targetIds.keys()];
  const ids = keys.map((k) => targetIds.get(k)!);
  await client.query(
    `UPDATE engine.process_instance SET process_definition_key = $2, bpmn_process_id = $3, version = $4 WHERE key = $1`,
    [info.processInstanceKey, info.processDefinitionKey, info.bpmnProcessId, info.version],
  );
  await client.query(
    `UPDATE engine.element_instance e SET element_id = t.element_id, process_definition_key = $2
       FROM unnest($3::bigint[], $4::text[]) AS t (key, element_id)
      WHERE e.key = t.key AND e.process_instance_key = $1`,
    [info.processInstanceKey, info.processDefinitionKey, keys, ids],
  );
  await client.query(
    `UPDATE engine.job j SET element_id = t.element_id, bpmn_process_id = $2, process_definition_key = $3,
            process_definition_version = $4
       FROM unnest($5::bigint[], $6::text[]) AS t (key, element_id)
      WHERE j.element_instance_key = t.key AND j.process_instance_key = $1`,
    [info.processInstanceKey, info.bpmnProcessId, info.processDefinitionKey, info.version, keys, ids],
  );
  await client.query(
    `UPDATE engine.incident i SET element_id = t.element_id, bpmn_process_id = $2, process_definition_key = $3
       FROM unnest($4::bigint[], $5::text[]) AS t (key, element_id)
      WHERE i.element_instance_key = t.key AND i.process_instance_key = $1 AND i.state = 'ACTIVE'`,
    [info.processInstanceKey, info.bpmnProcessId, info.processDefinitionKey, keys, ids],
  );
  // Elements waiting for events are refused above; what the instance still owns follows its definition.
  await client.query(
    `WITH t AS (UPDATE engine.timer SET process_definition_key = $2 WHERE process_instance_key = $1),
          s AS (UPDATE engine.signal_subscription SET process_definition_key = $2 WHERE process_instance_key = $1)
     UPDATE engine.message_subscription SET process_definition_key = $2, bpmn_process_id = $3 WHERE process_instance_key = $1`,
    [info.processInstanceKey, info.processDefinitionKey, info.bpmnProcessId],
  );
}
