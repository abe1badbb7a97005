import type { ElementKind } from '@brobygger/bpmn';
import type { Variables } from '../api';

/** The lifecycle states an element instance can rest in (completed/terminated ones are removed). */
export type ElementState = 'ACTIVATING' | 'ACTIVATED' | 'COMPLETING' | 'TERMINATING';

export type ElementType = ElementKind | 'process';

export interface ElementInstance {
  key: string;
  elementId: string;
  type: ElementType;
  state: ElementState;
  /** The enclosing element instance (the process, or a sub-process); undefined for the process. */
  flowScopeKey?: string;
  jobKey?: string;
  incidentKey?: string;
  /** Exclusive gateway: the flow chosen while activating, taken on completion. */
  selectedFlowId?: string;
  /** A terminate end event ended this scope: complete it once its children are gone. */
  completeWhenEmpty?: boolean;
}

/**
 * Everything about one live process instance that a command may change, stored as the
 * `document` column of engine.process_instance.
 */
export interface InstanceDocument {
  elements: Record<string, ElementInstance>;
  /** Local variables per scope (element instance key). */
  variables: Record<string, Variables>;
  /** Tokens waiting at a joining gateway: `${flowScopeKey}/${gatewayId}` → incoming flow → count. */
  joins: Record<string, Record<string, number>>;
}

export function emptyDocument(): InstanceDocument {
  return { elements: {}, variables: {}, joins: {} };
}
