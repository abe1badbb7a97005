import type { ExecutableElement, ExecutableProcess } from '@brobygger/bpmn';
import type { Variables } from '../api';
import type { Clock } from '../clock';
import type { KeyGenerator } from '../keys';
import type { InstanceState } from '../state/instance-state';
import { Effects } from './effects';

export interface InstanceInfo {
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  /** Set for an instance started by a call activity. */
  parent?: { processInstanceKey: string; elementInstanceKey: string };
  /** The correlation key of the message that started the instance, if one did. */
  correlationKey?: string;
}

/** A step of the instance's internal work queue, as Zeebe's follow-up commands. */
export type Step =
  | { kind: 'activate'; key: string; elementId: string; flowScopeKey?: string }
  | { kind: 'trigger'; ownerKey: string; targetElementId: string; variables: Variables }
  | { kind: 'complete'; key: string }
  | { kind: 'terminate'; key: string };

/** Everything one command works on: the instance in memory, the model, keys and the effects. */
export class ProcessingContext {
  readonly effects = new Effects();
  readonly queue: Step[] = [];
  /** CreateProcessInstance start instructions: elements to start at instead of the none start event. */
  startElementIds: string[] = [];

  constructor(
    readonly info: InstanceInfo,
    readonly process: ExecutableProcess,
    readonly state: InstanceState,
    readonly keys: KeyGenerator,
    readonly clock: Clock,
  ) {
    this.now = clock.now();
  }

  /** The time of this command (epoch ms), read once so that every step sees the same instant. */
  readonly now: number;

  /** The model element of an element instance; the process itself for the root instance. */
  element(elementId: string): ExecutableElement | undefined {
    return this.process.elements[elementId];
  }
}
