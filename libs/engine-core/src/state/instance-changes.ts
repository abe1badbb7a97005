import type { ProcessingContext } from '../processing/processing-context';

/** One column array per column of each part of the write statement, in its parameter order. */
const PARTS = {
  instances: [
    'key',
    'definitionKey',
    'bpmnProcessId',
    'version',
    'state',
    'document',
    'awaitsResult',
    'parentInstance',
    'parentElement',
    'correlationKey',
  ],
  elementsAdded: ['key', 'instance', 'elementId', 'elementType', 'definitionKey'],
  elementsRemoved: ['key'],
  jobsAdded: [
    'key',
    'type',
    'retries',
    'headers',
    'instance',
    'elementInstance',
    'elementId',
    'bpmnProcessId',
    'definitionKey',
    'version',
  ],
  jobsDeleted: ['key'],
  jobsUpdated: ['key', 'state', 'retries', 'errorMessage', 'recurAt'],
  incidentsAdded: [
    'key',
    'state',
    'errorType',
    'errorMessage',
    'instance',
    'elementInstance',
    'elementId',
    'bpmnProcessId',
    'definitionKey',
    'jobKey',
  ],
  incidentsResolved: ['key'],
  timersAdded: ['key', 'instance', 'owner', 'definitionKey', 'target', 'dueAt', 'repetitions', 'interval'],
  timersUpdated: ['key', 'dueAt', 'repetitions'],
  timersDeleted: ['key'],
  messageSubscriptionsAdded: [
    'key',
    'instance',
    'owner',
    'definitionKey',
    'bpmnProcessId',
    'target',
    'name',
    'correlationKey',
    'interrupting',
  ],
  signalSubscriptionsAdded: ['key', 'instance', 'owner', 'definitionKey', 'target', 'name'],
  ownersClosed: ['key'],
  messagesCorrelated: ['messageKey', 'bpmnProcessId', 'instance'],
  records: [
    'key',
    'valueType',
    'intent',
    'instance',
    'definitionKey',
    'bpmnProcessId',
    'elementId',
    'elementType',
    'flowScopeKey',
    'payload',
  ],
} as const;

type Part = keyof typeof PARTS;
type Row<P extends Part> = { [C in (typeof PARTS)[P][number]]: unknown };

/**
 * What a unit of work changed, for all its instances, as the column arrays of the one statement
 * that writes it (state/instance-writer.ts). Rows created and removed by the same unit are left
 * out, because every part of that statement sees the database as it was before the statement.
 */
export class ChangeSet {
  private readonly columns = Object.fromEntries(
    Object.entries(PARTS).map(([part, names]) => [part, names.map(() => [] as unknown[])]),
  ) as Record<Part, unknown[][]>;

  private push<P extends Part>(part: P, row: Row<P>): void {
    PARTS[part].forEach((name, i) => this.columns[part][i].push((row as Record<string, unknown>)[name]));
  }

  /** Every column array, part after part: the statement's parameters. */
  parameters(): unknown[][] {
    return (Object.keys(PARTS) as Part[]).flatMap((part) => this.columns[part]);
  }

  add(context: ProcessingContext, before: ReadonlySet<string>, isNew: boolean, awaitsResult: boolean): void {
    const { info, effects, state } = context;
    const instance = info.processInstanceKey;
    const { processDefinitionKey: definitionKey, bpmnProcessId, version } = info;
    const ended = effects.ended;
    const document = ended ? { elements: {}, variables: { [instance]: ended.variables }, joins: {} } : state.document;
    this.push('instances', {
      key: instance,
      definitionKey,
      bpmnProcessId,
      version,
      state: ended?.state ?? 'ACTIVE',
      document: JSON.stringify(document),
      awaitsResult,
      parentInstance: isNew ? (info.parent?.processInstanceKey ?? null) : null,
      parentElement: isNew ? (info.parent?.elementInstanceKey ?? null) : null,
      correlationKey: info.correlationKey ?? null,
    });

    const after = state.document.elements;
    for (const e of Object.values(after)) {
      if (before.has(e.key)) continue;
      this.push('elementsAdded', { key: e.key, instance, elementId: e.elementId, elementType: e.type, definitionKey });
    }
    for (const key of before) if (!(key in after)) this.push('elementsRemoved', { key });

    const deletedJobs = new Set(effects.jobChanges.flatMap((c) => (c.kind === 'delete' ? [String(c.key)] : [])));
    for (const j of effects.newJobs) {
      if (deletedJobs.has(j.key)) continue;
      this.push('jobsAdded', {
        key: j.key,
        type: j.type,
        retries: j.retries,
        headers: JSON.stringify(j.customHeaders),
        instance,
        elementInstance: j.elementInstanceKey,
        elementId: j.elementId,
        bpmnProcessId,
        definitionKey,
        version,
      });
    }
    const newJobKeys = new Set(effects.newJobs.map((j) => j.key));
    for (const key of deletedJobs) if (!newJobKeys.has(key)) this.push('jobsDeleted', { key });
    for (const c of effects.jobChanges) {
      if (c.kind !== 'update' || deletedJobs.has(String(c.key))) continue;
      this.push('jobsUpdated', {
        key: c.key,
        state: c.state,
        retries: c.retries,
        errorMessage: c.errorMessage ?? null,
        recurAt: c.recurAt ? c.recurAt.toISOString() : null,
      });
    }

    const resolved = new Set(effects.resolvedIncidents);
    for (const i of effects.newIncidents) {
      this.push('incidentsAdded', {
        key: i.key,
        state: resolved.has(i.key) ? 'RESOLVED' : 'ACTIVE',
        errorType: i.errorType,
        errorMessage: i.errorMessage,
        instance,
        elementInstance: i.elementInstanceKey,
        elementId: i.elementId,
        bpmnProcessId,
        definitionKey,
        jobKey: i.jobKey ?? null,
      });
    }
    const newIncidentKeys = new Set(effects.newIncidents.map((i) => i.key));
    for (const key of resolved) if (!newIncidentKeys.has(key)) this.push('incidentsResolved', { key });

    const closed = new Set(effects.closedSubscriptionOwners);
    for (const t of effects.newTimers) {
      if (closed.has(t.ownerKey)) continue;
      this.push('timersAdded', {
        key: t.key,
        instance,
        owner: t.ownerKey,
        definitionKey,
        target: t.targetElementId,
        dueAt: t.dueAt,
        repetitions: t.repetitions,
        interval: t.interval ? JSON.stringify(t.interval) : null,
      });
    }
    for (const c of effects.timerChanges) {
      if ('delete' in c) this.push('timersDeleted', { key: c.key });
      else this.push('timersUpdated', { key: c.key, dueAt: c.dueAt, repetitions: c.repetitions });
    }
    for (const m of effects.newMessageSubscriptions) {
      if (closed.has(m.ownerKey)) continue;
      this.push('messageSubscriptionsAdded', {
        key: m.key,
        instance,
        owner: m.ownerKey,
        definitionKey,
        bpmnProcessId,
        target: m.targetElementId,
        name: m.messageName,
        correlationKey: m.correlationKey,
        interrupting: m.interrupting,
      });
    }
    for (const s of effects.newSignalSubscriptions) {
      if (closed.has(s.ownerKey)) continue;
      this.push('signalSubscriptionsAdded', {
        key: s.key,
        instance,
        owner: s.ownerKey,
        definitionKey,
        target: s.targetElementId,
        name: s.signalName,
      });
    }
    for (const key of closed) this.push('ownersClosed', { key });
    for (const messageKey of effects.correlatedMessages) {
      this.push('messagesCorrelated', { messageKey, bpmnProcessId, instance });
    }
    for (const r of effects.records) {
      this.push('records', {
        key: r.key,
        valueType: r.valueType,
        intent: r.intent,
        instance,
        definitionKey,
        bpmnProcessId,
        elementId: r.elementId ?? null,
        elementType: r.elementType ?? null,
        flowScopeKey: r.flowScopeKey ?? null,
        payload: r.payload ? JSON.stringify(r.payload) : null,
      });
    }
  }
}
