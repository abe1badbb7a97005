import type { Variables } from '../api';

/** One entry of the append-only history (engine.record). */
export interface EngineRecord {
  key: string;
  valueType: 'PROCESS_INSTANCE' | 'JOB' | 'INCIDENT' | 'VARIABLE_DOCUMENT' | 'PROCESS_INSTANCE_CREATION';
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
  /** Set when the process instance ended in this command. */
  ended?: { state: 'COMPLETED' | 'TERMINATED'; variables: Variables };

  record(record: EngineRecord): void {
    this.records.push(record);
  }
}
