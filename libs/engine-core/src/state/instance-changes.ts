import type { ProcessingContext } from '../processing/processing-context';

/**
 * Everything one command changed for one instance, flattened into the column arrays the write
 * statement takes. Rows created and removed within the same command are left out here, because
 * the statement's parts all see the database as it was before the statement.
 */
export function instanceChanges(context: ProcessingContext, before: ReadonlySet<string>) {
  const { info, effects, state } = context;
  const ended = effects.ended;
  const document = ended
    ? { elements: {}, variables: { [info.processInstanceKey]: ended.variables }, joins: {} }
    : state.document;
  const after = state.document.elements;
  const added = Object.values(after).filter((e) => !before.has(e.key));
  const removed = [...before].filter((key) => !(key in after));

  const deletedJobs = new Set(effects.jobChanges.filter((c) => c.kind === 'delete').map((c) => c.key));
  const newJobs = effects.newJobs.filter((j) => !deletedJobs.has(j.key));
  const newJobKeys = new Set(effects.newJobs.map((j) => j.key));
  const jobUpdates = effects.jobChanges.flatMap((c) => (c.kind === 'update' && !deletedJobs.has(c.key) ? [c] : []));
  const deletedOldJobs = [...deletedJobs].filter((key) => !newJobKeys.has(key));

  const resolved = new Set(effects.resolvedIncidents);
  const newIncidentKeys = new Set(effects.newIncidents.map((i) => i.key));
  const closed = new Set(effects.closedSubscriptionOwners);
  const open = <T extends { ownerKey: string }>(items: T[]) => items.filter((i) => !closed.has(i.ownerKey));
  const timers = open(effects.newTimers);
  const messages = open(effects.newMessageSubscriptions);
  const signals = open(effects.newSignalSubscriptions);
  const timerUpdates = effects.timerChanges.flatMap((c) => ('delete' in c ? [] : [c]));
  const timerDeletes = effects.timerChanges.flatMap((c) => ('delete' in c ? [c.key] : []));
  const { records } = effects;

  return {
    instance: [
      info.processInstanceKey,
      info.processDefinitionKey,
      info.bpmnProcessId,
      info.version,
      ended?.state ?? 'ACTIVE',
      JSON.stringify(document),
    ],
    elementsAdded: [added.map((e) => e.key), added.map((e) => e.elementId), added.map((e) => e.type)],
    elementsRemoved: [removed],
    jobsAdded: [
      newJobs.map((j) => j.key),
      newJobs.map((j) => j.type),
      newJobs.map((j) => j.retries),
      newJobs.map((j) => JSON.stringify(j.customHeaders)),
      newJobs.map((j) => j.elementInstanceKey),
      newJobs.map((j) => j.elementId),
    ],
    jobsDeleted: [deletedOldJobs],
    jobsUpdated: [
      jobUpdates.map((j) => j.key),
      jobUpdates.map((j) => j.state),
      jobUpdates.map((j) => j.retries),
      jobUpdates.map((j) => j.errorMessage ?? null),
      jobUpdates.map((j) => (j.recurAt ? j.recurAt.toISOString() : null)),
    ],
    incidentsAdded: [
      effects.newIncidents.map((i) => i.key),
      effects.newIncidents.map((i) => (resolved.has(i.key) ? 'RESOLVED' : 'ACTIVE')),
      effects.newIncidents.map((i) => i.errorType),
      effects.newIncidents.map((i) => i.errorMessage),
      effects.newIncidents.map((i) => i.elementInstanceKey),
      effects.newIncidents.map((i) => i.elementId),
      effects.newIncidents.map((i) => i.jobKey ?? null),
    ],
    incidentsResolved: [[...resolved].filter((key) => !newIncidentKeys.has(key))],
    timersAdded: [
      timers.map((t) => t.key),
      timers.map((t) => t.ownerKey),
      timers.map((t) => t.targetElementId),
      timers.map((t) => t.dueAt),
      timers.map((t) => t.repetitions),
      timers.map((t) => (t.interval ? JSON.stringify(t.interval) : null)),
    ],
    timersUpdated: [
      timerUpdates.map((t) => t.key),
      timerUpdates.map((t) => t.dueAt),
      timerUpdates.map((t) => t.repetitions),
    ],
    timersDeleted: [timerDeletes],
    messageSubscriptionsAdded: [
      messages.map((m) => m.key),
      messages.map((m) => m.ownerKey),
      messages.map((m) => m.targetElementId),
      messages.map((m) => m.messageName),
      messages.map((m) => m.correlationKey),
      messages.map((m) => m.interrupting),
    ],
    signalSubscriptionsAdded: [
      signals.map((s) => s.key),
      signals.map((s) => s.ownerKey),
      signals.map((s) => s.targetElementId),
      signals.map((s) => s.signalName),
    ],
    subscriptionOwnersClosed: [[...closed]],
    messagesCorrelated: [effects.correlatedMessages],
    records: [
      records.map((r) => r.key),
      records.map((r) => r.valueType),
      records.map((r) => r.intent),
      records.map((r) => r.elementId ?? null),
      records.map((r) => r.elementType ?? null),
      records.map((r) => r.flowScopeKey ?? null),
      records.map((r) => (r.payload ? JSON.stringify(r.payload) : null)),
    ],
  };
}
