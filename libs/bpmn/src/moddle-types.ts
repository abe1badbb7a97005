/**
 * bpmn-moddle elements, typed loosely on purpose: the library only reads them, and the
 * objects may come from another vm realm (see load-moddle), so `instanceof` and
 * class-based typing would be unreliable.
 */
export interface ModdleElement {
  readonly $type: string;
  readonly $attrs?: Record<string, string>;
  readonly $parent?: ModdleElement;
  $instanceOf?(type: string): boolean;
  readonly [key: string]: unknown;
}

export function isA(el: unknown, type: string): el is ModdleElement {
  if (!el || typeof el !== 'object') return false;
  const m = el as ModdleElement;
  return typeof m.$instanceOf === 'function' ? m.$instanceOf(type) : m.$type === type;
}

export function str(el: ModdleElement | undefined, key: string): string | undefined {
  const v = el?.[key];
  return typeof v === 'string' ? v : undefined;
}

export function child(el: ModdleElement | undefined, key: string): ModdleElement | undefined {
  const v = el?.[key];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as ModdleElement) : undefined;
}

export function list(el: ModdleElement | undefined, key: string): ModdleElement[] {
  const v = el?.[key];
  return Array.isArray(v) ? (v as ModdleElement[]) : [];
}

/** Text of a bpmn:FormalExpression / bpmn:Expression (moddle keeps it in `body`). */
export function bodyOf(el: ModdleElement | undefined): string | undefined {
  const b = str(el, 'body');
  return b === undefined ? undefined : b.trim();
}

/** `bpmn:ServiceTask` -> `serviceTask` */
export function localKind(type: string): string {
  const name = type.includes(':') ? type.slice(type.indexOf(':') + 1) : type;
  return name.charAt(0).toLowerCase() + name.slice(1);
}
