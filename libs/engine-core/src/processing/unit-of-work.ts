import type { PoolClient } from 'pg';
import { EngineError, type Variables } from '../api';
import type { Clock } from '../clock';
import type { KeyGenerator } from '../keys';
import { processorFor } from '../bpmn/processors';
import type { DefinitionStore, ProcessDefinition } from '../state/definition-store';
import type { InstanceDocument } from '../state/instance-document';
import { InstanceState } from '../state/instance-state';
import { ChangeSet } from '../state/instance-changes';
import { writeChanges } from '../state/instance-writer';
import type { Effects, FollowUp } from './effects';
import { Lifecycle } from './lifecycle';
import { correlateBufferedMessage } from './message-correlation';
import { InstanceInfo, ProcessingContext } from './processing-context';

export interface CommandScope {
  context: ProcessingContext;
  lifecycle: Lifecycle;
  client: PoolClient;
}

interface OpenInstance extends CommandScope {
  before: ReadonlySet<string>;
  isNew: boolean;
  awaitsResult: boolean;
  /** How many of the instance's new message subscriptions were checked against buffered messages. */
  checkedSubscriptions: number;
}

const INSTANCE_COLUMNS =
  'process_definition_key, bpmn_process_id, version, state, awaits_result, parent_process_instance_key, parent_element_instance_key, document';

/** Thrown when an instance's definition is not parsed yet: the runner loads it and runs the command again. */
export class DefinitionNotCached extends Error {
  constructor(readonly definitionKey: string) {
    super(`process definition ${definitionKey} is not loaded yet`);
  }
}

interface InstanceRow {
  key: string;
  process_definition_key: string;
  bpmn_process_id: string;
  version: number;
  state: string;
  awaits_result: boolean;
  parent_process_instance_key: string | null;
  parent_element_instance_key: string | null;
  document: InstanceDocument;
}

/** Handles the follow-ups that instances send each other (call activities and their children). */
export type FollowUpHandler = (followUp: FollowUp, unit: UnitOfWork) => Promise<void>;

/**
 * Everything one command does, in one transaction: the instances it opens (each locked once, in
 * the order it needs them), the new instances it creates, and the follow-ups between them. Each
 * instance runs in memory until it waits; `settle` repeats until no follow-up is left, then
 * everything is written.
 */
export class UnitOfWork {
  private readonly open_ = new Map<string, OpenInstance>();
  private readonly pending: FollowUp[] = [];
  /** Instance rows (with their job) locked ahead for the job commands of a batch; undefined: no such job. */
  private readonly prefetchedJobs = new Map<string, (InstanceRow & { job: unknown }) | undefined>();

  constructor(
    readonly client: PoolClient,
    private readonly keys: KeyGenerator,
    private readonly definitions: DefinitionStore,
    readonly clock: Clock,
    private readonly followUpHandler: FollowUpHandler,
  ) {}

  /** Locks and loads an active instance; NOT_FOUND (with `notFound`) when there is none. */
  async open(processInstanceKey: string, notFound: string): Promise<CommandScope> {
    const opened = await this.tryOpen(processInstanceKey);
    if (!opened) throw new EngineError('NOT_FOUND', notFound);
    return opened;
  }

  /** Locks and loads an active instance, or undefined when it has ended or never existed. */
  async tryOpen(processInstanceKey: string): Promise<CommandScope | undefined> {
    const cached = this.open_.get(processInstanceKey);
    if (cached) return cached;
    const { rows } = await this.client.query<InstanceRow>({
      name: 'engine-lock-instance',
      text: `SELECT key, ${INSTANCE_COLUMNS} FROM engine.process_instance WHERE key = $1 FOR UPDATE`,
      values: [processInstanceKey],
    });
    return rows[0] && this.load(rows[0]);
  }

  /**
   * Locks and loads the instance a job belongs to, in one round trip, with the job as it was
   * read. Only the instance row is locked: every change to a job that matters to a command
   * (fail, error, retries) happens under its instance's lock, and the instance document (which
   * knows the element's job and incident) is read after the lock, so it is the authority.
   */
  async openByJob<J>(jobKey: string): Promise<{ scope: CommandScope; job: J } | undefined> {
    if (!this.prefetchedJobs.has(jobKey)) await this.prefetchByJobs([jobKey]);
    const row = this.prefetchedJobs.get(jobKey) as (InstanceRow & { job: J }) | undefined;
    const scope = row && (this.open_.get(row.key) ?? this.load(row));
    return scope ? { scope, job: row.job } : undefined;
  }

  /**
   * Locks and reads, in one round trip, the instances of all the jobs a batch of commands is
   * about, in key order (so that two batches lock in the same order). The job rows are kept as
   * read; each command still checks its job against the instance document.
   */
  async prefetchByJobs(jobKeys: string[]): Promise<void> {
    const wanted = jobKeys.filter((key) => !this.prefetchedJobs.has(key));
    if (wanted.length === 0) return;
    const { rows } = await this.client.query<InstanceRow & { job: { key: string } }>({
      name: 'engine-lock-instances-of-jobs',
      text: `SELECT pi.key, ${INSTANCE_COLUMNS.split(', ')
        .map((c) => `pi.${c}`)
        .join(', ')}, json_build_object('key', j.key::text, 'type', j.type, 'state', j.state, 'retries', j.retries,
                                'worker', j.worker, 'element_instance_key', j.element_instance_key::text,
                                'element_id', j.element_id) AS job
               FROM engine.job j JOIN engine.process_instance pi ON pi.key = j.process_instance_key
              WHERE j.key = ANY($1::bigint[])
              ORDER BY pi.key
                FOR UPDATE OF pi`,
      values: [wanted],
    });
    for (const key of wanted) this.prefetchedJobs.set(key, undefined);
    for (const row of rows) this.prefetchedJobs.set(row.job.key, row);
  }

  private load(row: InstanceRow): CommandScope | undefined {
    if (row.state !== 'ACTIVE') return undefined;
    const definition = this.definitions.cached(row.process_definition_key);
    if (!definition) throw new DefinitionNotCached(row.process_definition_key);
    const info: InstanceInfo = {
      processInstanceKey: row.key,
      processDefinitionKey: row.process_definition_key,
      bpmnProcessId: row.bpmn_process_id,
      version: row.version,
      parent: row.parent_process_instance_key
        ? { processInstanceKey: row.parent_process_instance_key, elementInstanceKey: row.parent_element_instance_key! }
        : undefined,
    };
    const opened = this.scope(info, definition, row.document, {
      before: new Set(Object.keys(row.document.elements)),
      isNew: false,
      awaitsResult: row.awaits_result,
    });
    this.open_.set(row.key, opened);
    return opened;
  }

  /** A new instance of `definition`; the caller sets its variables and activates it. */
  create(
    definition: ProcessDefinition,
    options: { awaitsResult?: boolean; parent?: InstanceInfo['parent'] } = {},
  ): CommandScope {
    const info: InstanceInfo = {
      processInstanceKey: this.keys.next(),
      processDefinitionKey: definition.key,
      bpmnProcessId: definition.bpmnProcessId,
      version: definition.version,
      parent: options.parent,
    };
    const document: InstanceDocument = { elements: {}, variables: {}, joins: {} };
    const created = this.scope(info, definition, document, {
      before: new Set(),
      isNew: true,
      awaitsResult: options.awaitsResult ?? false,
    });
    this.open_.set(info.processInstanceKey, created);
    return created;
  }

  /**
   * Starts a new instance with variables: at its none start event, at the given elements (start
   * instructions), or at the start event whose event fired (a message, a timer, a signal), whose
   * variables then arrive through that start event like any event's.
   */
  startInstance(
    scope: CommandScope,
    variables: Variables,
    startElementIds: string[] = [],
    byEvent?: { startEventId: string; variables: Variables },
  ): void {
    const key = scope.context.info.processInstanceKey;
    scope.context.startElementIds = byEvent ? [byEvent.startEventId] : startElementIds;
    scope.context.state.document.variables[key] = { ...variables };
    scope.lifecycle.activate(scope.context.process.bpmnProcessId, undefined, key, byEvent?.variables);
  }

  async requireDefinition(key: string): Promise<ProcessDefinition> {
    const definition = await this.definitions.byKey(key);
    if (!definition) throw new Error(`process definition ${key} is missing`);
    return definition;
  }

  get definitionStore(): DefinitionStore {
    return this.definitions;
  }

  /** Runs every open instance until it waits, hands on follow-ups, and repeats until all is quiet. */
  async settle(): Promise<void> {
    for (;;) {
      for (const opened of this.open_.values()) {
        const { queue, effects } = opened.context;
        // A batch holds many instances; most have nothing new since the last round.
        if (queue.length === 0 && effects.followUps.length === 0) {
          if (opened.checkedSubscriptions === effects.newMessageSubscriptions.length) continue;
        }
        if (queue.length > 0) opened.lifecycle.run();
        this.pending.push(...effects.followUps.splice(0));
        await this.correlateBufferedMessages(opened);
      }
      const next = this.pending.shift();
      if (!next) {
        if ([...this.open_.values()].some((o) => o.context.queue.length > 0)) continue;
        return;
      }
      await this.followUpHandler(next, this);
    }
  }

  /** New message subscriptions may find a message that was published before they opened. */
  private async correlateBufferedMessages(opened: OpenInstance): Promise<void> {
    const subscriptions = opened.context.effects.newMessageSubscriptions;
    while (opened.checkedSubscriptions < subscriptions.length) {
      const subscription = subscriptions[opened.checkedSubscriptions++];
      if (await correlateBufferedMessage(opened, subscription)) return; // it runs again in the next round
    }
  }

  /**
   * A tally of everything the open instances have changed or queued. A command that is rejected
   * (EngineError) must leave it as it found it; the batching runner checks this so that one
   * rejected command never leaves half a change behind for the others in its batch.
   */
  changeCount(): number {
    let count = this.open_.size;
    for (const { context } of this.open_.values()) {
      const e = context.effects;
      count += context.queue.length + e.records.length + e.jobChanges.length + e.newJobs.length;
      count += e.followUps.length + e.correlatedMessages.length + e.timerChanges.length;
    }
    return count;
  }

  async write(): Promise<void> {
    const changes = new ChangeSet();
    let any = false;
    for (const opened of this.open_.values()) {
      // An instance that was only looked at (a rejected command) is not written back.
      if (!opened.isNew && opened.context.effects.isEmpty()) continue;
      changes.add(opened.context, opened.before, opened.isNew, opened.awaitsResult);
      any = true;
    }
    if (any) await writeChanges(this.client, changes);
  }

  /** After commit: what each instance did, for wake-ups and waiting callers. */
  outcomes(): { effects: Effects; info: InstanceInfo; awaitsResult: boolean }[] {
    return [...this.open_.values()].map((o) => ({
      effects: o.context.effects,
      info: o.context.info,
      awaitsResult: o.awaitsResult,
    }));
  }

  private scope(
    info: InstanceInfo,
    definition: ProcessDefinition,
    document: InstanceDocument,
    extra: Pick<OpenInstance, 'before' | 'isNew' | 'awaitsResult'>,
  ): OpenInstance {
    const checkedSubscriptions = 0;
    const state = new InstanceState(info.processInstanceKey, document);
    const context = new ProcessingContext(info, definition.process, state, this.keys, this.clock);
    const lifecycle = new Lifecycle(context, processorFor);
    return { context, lifecycle, client: this.client, checkedSubscriptions, ...extra };
  }
}
