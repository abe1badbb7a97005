import type { ModdleWarning } from './load-moddle';
import { str } from './moddle-types';
import type { Problems } from './problems';

// Only references the engine follows can break execution; diagram, interface and
// documentation references (bpmndi, operations, lanes, <incoming>/<outgoing>, ...) cannot.
const EXECUTION_REFERENCES = new Set([
  'sourceRef',
  'targetRef',
  'default',
  'attachedToRef',
  'messageRef',
  'errorRef',
  'escalationRef',
  'signalRef',
  'activityRef',
]);

function lineInfo(message: string): { line?: number; column?: number; nested?: string } {
  const line = /line: (\d+)/.exec(message);
  const column = /column: (\d+)/.exec(message);
  const nested = /nested error: (.*)$/m.exec(message);
  return {
    // moddle-xml counts lines from 0; editors count from 1.
    line: line ? Number(line[1]) + 1 : undefined,
    column: column ? Number(column[1]) + 1 : undefined,
    nested: nested?.[1],
  };
}

/** The id of the nearest enclosing element that has one, found in the raw XML text. */
export function enclosingIdAt(xml: string, line: number | undefined, column: number | undefined): string | undefined {
  if (!line) return undefined;
  const lines = xml.split(/\r\n|\r|\n/);
  const before =
    lines.slice(0, line - 1).join('\n') + '\n' + (lines[line - 1] ?? '').slice(0, Math.max(0, (column ?? 1) - 1));
  // Extension elements (zeebe:header has its own id attribute) are skipped: the owner is wanted.
  const tags = [...before.matchAll(/<(?!\/)([\w.-]+:)?([\w.-]+)\b[^>]*?\sid\s*=\s*"([^"]*)"/g)];
  for (let i = tags.length - 1; i >= 0; i--) {
    if (tags[i][1] !== 'zeebe:') return tags[i][3];
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

/**
 * Turns the warnings moddle collects while reading into deployment problems where they
 * change what would be executed; purely cosmetic ones (foreign vendor attributes,
 * diagram references) are dropped.
 */
export function reportWarnings(xml: string, warnings: ModdleWarning[], problems: Problems): void {
  for (const w of warnings) {
    const message = String(w.message ?? '');
    const elementId = str(w.element, 'id');
    if (message.startsWith('unresolved reference')) {
      const property = (w.property ?? '').replace(/^\w+:/, '');
      const type = String(w.element?.$type ?? '');
      // Associations and message flows also use sourceRef/targetRef but are not executed.
      const executed =
        type === 'bpmn:SequenceFlow' ||
        !/Association|MessageFlow|DataInputAssociation|DataOutputAssociation|Link/.test(type);
      if (!EXECUTION_REFERENCES.has(property) || !executed) continue;
      problems.element(
        elementId,
        `${property || 'reference'} '${String(w.value ?? '')}' does not name an element of this file`,
      );
      continue;
    }
    if (message.startsWith('unknown attribute')) {
      // Only attributes in the namespaces the engine interprets can change behaviour.
      const attr = /<([^>]+)>/.exec(message)?.[1] ?? '';
      if (attr.startsWith('zeebe:')) problems.element(elementId, `unknown attribute '${attr}'`);
      continue;
    }
    const info = lineInfo(message);
    const nested = info.nested ?? w.error?.message ?? firstLine(message);
    const where = info.line ? ` (line ${info.line}${info.column ? `, column ${info.column}` : ''})` : '';
    const duplicate = /duplicate ID <([^>]+)>/.exec(nested);
    if (duplicate) {
      problems.element(duplicate[1], `the id is used by more than one element${where}`);
      continue;
    }
    const unknownType = /unknown type <([^>]+)>/.exec(nested);
    if (unknownType) {
      // moddle reports the type name capitalised (zeebe:Foo); the XML element is zeebe:foo.
      const type = unknownType[1].replace(/:(\w)/, (_m, c: string) => `:${c.toLowerCase()}`);
      const owner = enclosingIdAt(xml, info.line, info.column);
      if (type.startsWith('zeebe:')) {
        problems.element(owner, `unknown zeebe extension element <${type}>${where}`);
      } else if (type.startsWith('bpmn:')) {
        problems.element(owner, `unknown BPMN element <${type}>${where}`);
      }
      // Unknown types of other vendors' namespaces are not executable content.
      continue;
    }
    const head = message.startsWith('unparsable content') ? 'unreadable XML content' : firstLine(message);
    problems.element(elementId ?? enclosingIdAt(xml, info.line, info.column), `${head}: ${nested}${where}`);
  }
}
