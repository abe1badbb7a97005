import { throwError, unhandledErrorMessage } from '../behaviors/errors';
import { throwEscalation } from '../behaviors/escalations';
import { incidents } from '../behaviors/incidents';
import { variableMapping } from '../behaviors/variable-mapping';
import type { ProcessDefinition } from '../state/definition-store';
import type { FollowUp } from './effects';
import { failure } from './failure';
import type { UnitOfWork } from './unit-of-work';

/**
 * What instances ask of each other, handled inside the same transaction: a call activity starts
 * and ends its child; a child reports its completion or an error it did not catch.
 */
export async function handleFollowUp(followUp: FollowUp, unit: UnitOfWork): Promise<void> {
  switch (followUp.kind) {
    case 'create-child':
      return createChild(followUp, unit);
    case 'terminate-child': {
      const child = await unit.tryOpen(followUp.childProcessInstanceKey);
      const root = child?.context.state.element(followUp.childProcessInstanceKey);
      if (child && root && root.state !== 'TERMINATING') child.lifecycle.terminate(root);
      return;
    }
    case 'child-completed': {
      const parent = await unit.tryOpen(followUp.parentProcessInstanceKey);
      const callActivity = parent?.context.state.element(followUp.parentElementInstanceKey);
      if (!parent || !callActivity || callActivity.state !== 'ACTIVATED') return;
      const element = parent.lifecycle.model(callActivity);
      if (element.calledElement?.propagateAllChildVariables !== false) {
        variableMapping.mergeResult(element, parent.context.state, callActivity.key, followUp.variables);
      }
      delete callActivity.childProcessInstanceKey;
      parent.lifecycle.complete(callActivity);
      return;
    }
    case 'child-error':
      return childError(followUp, unit);
    case 'child-escalation': {
      // Caught or not, the child's throw event has gone on already (an escalation is never an
      // incident); an interrupting catch at the call activity terminates the child with it.
      const parent = await unit.tryOpen(followUp.parentProcessInstanceKey);
      const callActivity = parent?.context.state.element(followUp.parentElementInstanceKey);
      if (parent && callActivity?.state === 'ACTIVATED') {
        throwEscalation(parent.lifecycle, callActivity, followUp.escalationCode);
      }
      return;
    }
  }
}

async function createChild(followUp: Extract<FollowUp, { kind: 'create-child' }>, unit: UnitOfWork): Promise<void> {
  const parent = await unit.tryOpen(followUp.parentProcessInstanceKey);
  const callActivity = parent?.context.state.element(followUp.parentElementInstanceKey);
  if (!parent || !callActivity || callActivity.state !== 'ACTIVATING') return;
  const definition = await resolveCalled(unit, followUp, parent.context.info.processDefinitionKey);
  if (!definition || !definition.process.noneStartEventId) {
    const reason = !definition
      ? `no process with id '${followUp.processId}' is deployed${followUp.bindingType === 'versionTag' ? ` with version tag '${followUp.versionTag}'` : ''}`
      : `process '${followUp.processId}' has no none start event`;
    parent.lifecycle.fail(
      callActivity,
      failure('CALLED_ELEMENT_ERROR', `Element '${callActivity.elementId}': expected to call a process, but ${reason}`),
    );
    return;
  }
  const child = unit.create(definition, {
    parent: { processInstanceKey: parent.context.info.processInstanceKey, elementInstanceKey: callActivity.key },
  });
  unit.startInstance(child, followUp.variables);
  callActivity.childProcessInstanceKey = child.context.info.processInstanceKey;
  parent.lifecycle.toActivated(callActivity);
}

/** latest: the newest version; deployment: the version deployed with the caller; versionTag: that tag. */
async function resolveCalled(
  unit: UnitOfWork,
  followUp: Extract<FollowUp, { kind: 'create-child' }>,
  callerDefinitionKey: string,
): Promise<ProcessDefinition | undefined> {
  const store = unit.definitionStore;
  if (followUp.bindingType === 'deployment') {
    const { rows } = await unit.client.query<{ key: string }>(
      `SELECT d.key FROM engine.process_definition d
         JOIN engine.process_definition caller ON caller.deployment_key = d.deployment_key
        WHERE caller.key = $1 AND d.bpmn_process_id = $2`,
      [callerDefinitionKey, followUp.processId],
    );
    return rows[0] ? store.byKey(rows[0].key) : undefined;
  }
  if (followUp.bindingType === 'versionTag') {
    const { rows } = await unit.client.query<{ key: string }>(
      `SELECT key FROM engine.process_definition WHERE bpmn_process_id = $1 AND version_tag = $2
        ORDER BY version DESC LIMIT 1`,
      [followUp.processId, followUp.versionTag ?? ''],
    );
    return rows[0] ? store.byKey(rows[0].key) : undefined;
  }
  return store.latest(followUp.processId);
}

async function childError(followUp: Extract<FollowUp, { kind: 'child-error' }>, unit: UnitOfWork): Promise<void> {
  const parent = await unit.tryOpen(followUp.parentProcessInstanceKey);
  const callActivity = parent?.context.state.element(followUp.parentElementInstanceKey);
  const thrown = { errorCode: followUp.errorCode, errorMessage: followUp.errorMessage, variables: followUp.variables };
  if (parent && callActivity && throwError(parent.lifecycle, callActivity, thrown) !== 'uncaught') return;
  // Caught nowhere up the call chain: the incident belongs where the error was thrown.
  const child = await unit.tryOpen(followUp.childProcessInstanceKey);
  const thrower = child?.context.state.element(followUp.throwerElementInstanceKey);
  if (!child || !thrower) return;
  incidents.raise(
    child.context,
    thrower,
    failure('UNHANDLED_ERROR_EVENT', unhandledErrorMessage(thrown)),
    thrower.jobKey,
  );
}
