import type { Variables } from '../api';

/** One entry of the append-only history (engine.record). */
export interface EngineRecord {
  key: string;
  valueType:
    | 'PROCESS_INSTANCE'
    | 'JOB'
    | 'INCIDENT'
    | 'VARIABLE_DOCUMENT'
    | 'PROCESS_INSTANCE_CREATION'
    | 'PROCESS_INSTANCE_MODIFICATION'
    | 'PROCESS_INSTANCE_MIGRATION';
  intent: string;
  elementId?: string;
  elementType?: string;
  flowScopeKey?: string;
  payload?: Record<string, unknown>;
}

export interface NewJob {
  key: string;
  type: string;
  retries: number;
  customHeaders: Record<string, string>;
  elementInstanceKey: string;
  elementId: string;
}

export type JobChange =
  | { kind: 'delete'; key: string }
  | {
      kind: 'update';
      key: string;
      state: string;
      retries: number;
      errorMessage?: string;
      recurAt?: Date;
      type: string;
    };

/** A timer waiting to fire for an element instance (its owner) or a start event (no owner). */
export interface NewTimer {
  key: string;
  /** The element instance the timer belongs to: the catch event, the activity of a boundary event,
   * the event-based gateway, or the scope of an event sub-process. */
  ownerKey: string;
  /** The timer event that fires. */
  targetElementId: string;
  dueAt: number;
  /** Firings left, counting this one; -1 without end. */
  repetitions: number;
  interval?: TimerInterval;
}

export type TimerInterval = { kind: 'duration'; iso: string } | { kind: 'cron'; expression: string };

export interface NewMessageSubscription {
  key: string;
  ownerKey: string;
  targetElementId: string;
  messageName: string;
  correlationKey: string;
  interrupting: boolean;
}

export interface NewSignalSubscription {
  key: string;
  ownerKey: string;
  targetElementId: string;
  signalName: string;
}

/**
 * Work for another process instance (or a new one), done in the same transaction after this
 * instance has run: the way a call activity reaches its child and a child its parent.
 */
export type FollowUp =
  | {
      kind: 'create-child';
      parentProcessInstanceKey: string;
      parentElementInstanceKey: string;
      processId: string;
      bindingType: 'latest' | 'deployment' | 'versionTag';
      versionTag?: string;
      variables: Variables;
    }
  | { kind: 'terminate-child'; childProcessInstanceKey: string }
  | {
      kind: 'child-completed';
      parentProcessInstanceKey: string;
      parentElementInstanceKey: string;
      variables: Variables;
    }
  | {
      kind: 'child-error';
      parentProcessInstanceKey: string;
      parentElementInstanceKey: string;
      childProcessInstanceKey: string;
      throwerElementInstanceKey: string;
      errorCode: string;
      errorMessage: string;
      variables: Variables;
    }
  | {
      /** An escalation no catch event in the child caught, for the call activity to catch. */
      kind: 'child-escalation';
      parentProcessInstanceKey: string;
      parentElementInstanceKey: string;
      escalationCode: string;
    };

export interface NewIncident {
  key: string;
  errorType: string;
  errorMessage: string;
  elementInstanceKey: string;
  elementId: string;
  jobKey?: string;
}

/**
 * What one command changes besides the instance document; written in the same transaction
 * after processing, so processing itself does no I/O.
 */
export class Effects {
  readonly records: EngineRecord[] = [];
  readonly newJobs: NewJob[] = [];
  readonly jobChanges: JobChange[] = [];
  readonly newIncidents: NewIncident[] = [];
  readonly resolvedIncidents: string[] = [];
  /** Job types that became activatable: waiting ActivateJobs calls are woken after commit. */
  readonly activatableTypes = new Set<string>();
  readonly newTimers: NewTimer[] = [];
  readonly newMessageSubscriptions: NewMessageSubscription[] = [];
  readonly newSignalSubscriptions: NewSignalSubscription[] = [];
  /** Element instances whose timers and subscriptions close (they completed, ended or were interrupted). */
  readonly closedSubscriptionOwners: string[] = [];
  readonly followUps: FollowUp[] = [];
  /** A repeating timer fired and stays (rescheduled), or fired for the last time (deleted). */
  readonly timerChanges: ({ key: string; delete: true } | { key: string; dueAt: number; repetitions: number })[] = [];
  /** Buffered messages correlated to this instance: never again to this process. */
  readonly correlatedMessages: string[] = [];
  /** Set when the process instance ended in this command. */
  ended?: { state: 'COMPLETED' | 'TERMINATED'; variables: Variables };

  record(record: EngineRecord): void {
    this.records.push(record);
  }

  /** Nothing was changed: the instance need not be written back. */
  isEmpty(): boolean {
    return (
      this.records.length +
        this.newJobs.length +
        this.jobChanges.length +
        this.newIncidents.length +
        this.resolvedIncidents.length +
        this.newTimers.length +
        this.newMessageSubscriptions.length +
        this.newSignalSubscriptions.length +
        this.closedSubscriptionOwners.length +
        this.timerChanges.length +
        this.correlatedMessages.length ===
        0 && !this.ended
    );
  }
}
