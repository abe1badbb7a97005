import type { ElementKind } from '@brobygger/bpmn';
import type { Variables } from '../api';

/** The lifecycle states an element instance can rest in (completed/terminated ones are removed). */
export type ElementState = 'ACTIVATING' | 'ACTIVATED' | 'COMPLETING' | 'TERMINATING';

/** 'multiInstanceBody': the body of a multi-instance activity (see bpmn/multi-instance/). */
export type ElementType = ElementKind | 'process' | 'multiInstanceBody';

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
  /** Inclusive gateway: the flows chosen while activating, taken on completion. */
  selectedFlowIds?: string[];
  /** A terminate end event ended this scope: complete it once its children are gone. */
  completeWhenEmpty?: boolean;
  /** Timers or subscriptions are open for this element instance. */
  hasSubscriptions?: boolean;
  /**
   * An interrupting event fired: for an activity, its boundary event; for a scope, the start event
   * of an event sub-process. It is activated once the interrupted element's children are gone.
   */
  interruptedBy?: { elementId: string; variables: Variables };
  /** Event-based gateway: the catch event that fired first, taken on completion. */
  triggeredBy?: { elementId: string; variables: Variables };
  /** Call activity: the process instance it started. */
  childProcessInstanceKey?: string;
  /** Multi-instance body: the input collection and how many inner instances started, completed, ended early. */
  multiInstance?: {
    collection: unknown[];
    activated: number;
    completed: number;
    terminated: number;
    conditionMet?: boolean;
    /** The output collection as the body keeps it (its variable is a copy a child may overwrite). */
    outputs?: unknown[];
  };
  /** Inner instance of a multi-instance activity: its 1-based position in the input collection. */
  loopCounter?: number;
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
  /** Variables an event brought, kept for the element instance (by key) the event activates. */
  triggers?: Record<string, Variables>;
}

export function emptyDocument(): InstanceDocument {
  return { elements: {}, variables: {}, joins: {} };
}
