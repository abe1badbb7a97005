import type { Variables } from '../api';
import type { ElementInstance, InstanceDocument } from './instance-document';

/** Reads and changes one instance's document: element instances, scopes and join tokens. */
export class InstanceState {
  constructor(
    readonly processInstanceKey: string,
    readonly document: InstanceDocument,
  ) {}

  element(key: string): ElementInstance | undefined {
    return this.document.elements[key];
  }

  requireElement(key: string): ElementInstance {
    const instance = this.document.elements[key];
    if (!instance) throw new Error(`element instance ${key} is not active`);
    return instance;
  }

  addElement(instance: ElementInstance): void {
    this.document.elements[instance.key] = instance;
  }

  removeElement(key: string): void {
    delete this.document.elements[key];
    delete this.document.variables[key];
    for (const joinKey of Object.keys(this.document.joins)) {
      if (joinKey.startsWith(`${key}/`)) delete this.document.joins[joinKey];
    }
  }

  /** Keeps an event's variables for the element instance it is about to activate. */
  setTrigger(key: string, variables: Variables): void {
    (this.document.triggers ??= {})[key] = variables;
  }

  /** The variables of the event that activated this element instance, if any (read once). */
  takeTrigger(key: string): Variables | undefined {
    const variables = this.document.triggers?.[key];
    if (variables !== undefined) delete this.document.triggers![key];
    return variables;
  }

  children(flowScopeKey: string): ElementInstance[] {
    return Object.values(this.document.elements).filter((e) => e.flowScopeKey === flowScopeKey);
  }

  /** Tokens parked at joining gateways in this scope keep it alive, as in Zeebe. */
  hasWaitingTokens(flowScopeKey: string): boolean {
    const prefix = `${flowScopeKey}/`;
    return Object.entries(this.document.joins).some(
      ([key, counts]) => key.startsWith(prefix) && Object.values(counts).some((n) => n > 0),
    );
  }

  clearWaitingTokens(flowScopeKey: string): void {
    for (const key of Object.keys(this.document.joins)) {
      if (key.startsWith(`${flowScopeKey}/`)) delete this.document.joins[key];
    }
  }

  joinCounts(flowScopeKey: string, gatewayId: string): Record<string, number> {
    const key = `${flowScopeKey}/${gatewayId}`;
    return (this.document.joins[key] ??= {});
  }

  /** The scope chain from `scopeKey` up to the process instance, innermost first. */
  scopeChain(scopeKey: string): string[] {
    const chain: string[] = [];
    let current: string | undefined = scopeKey;
    while (current !== undefined) {
      chain.push(current);
      current = this.document.elements[current]?.flowScopeKey;
    }
    return chain;
  }

  localVariables(scopeKey: string): Variables {
    return this.document.variables[scopeKey] ?? {};
  }

  /** Variables visible from a scope: inner scopes shadow outer ones. */
  visibleVariables(scopeKey: string): Variables {
    const visible: Variables = {};
    for (const scope of this.scopeChain(scopeKey).reverse()) Object.assign(visible, this.document.variables[scope]);
    return visible;
  }

  setLocal(scopeKey: string, name: string, value: unknown): void {
    (this.document.variables[scopeKey] ??= {})[name] = value;
  }

  /**
   * Zeebe's propagation: each variable is updated in the nearest scope (from `scopeKey` up) that
   * already has it, or else created in the process instance's scope.
   */
  propagate(scopeKey: string, variables: Variables): void {
    const chain = this.scopeChain(scopeKey);
    const root = chain[chain.length - 1];
    for (const [name, value] of Object.entries(variables)) {
      const owner = chain.find((scope) => this.document.variables[scope] && name in this.document.variables[scope]);
      this.setLocal(owner ?? root, name, value);
    }
  }
}
