import type { ExecutableElement, ExecutableProcess } from '@brobygger/bpmn';
import type { KeyGenerator } from '../keys';
import type { InstanceState } from '../state/instance-state';
import { Effects } from './effects';

export interface InstanceInfo {
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
}

/** A step of the instance's internal work queue, as Zeebe's follow-up commands. */
export type Step =
  | { kind: 'activate'; key: string; elementId: string; flowScopeKey?: string }
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
    readonly now: Date,
  ) {}

  /** The model element of an element instance; the process itself for the root instance. */
  element(elementId: string): ExecutableElement | undefined {
    return this.process.elements[elementId];
  }
}
