import { extractProcess } from './extract-process';
import { readBpmnXml, type ModdleParseResult } from './load-moddle';
import { isA, list, str, type ModdleElement } from './moddle-types';
import { reportWarnings } from './moddle-warnings';
import type { ExecutableProcess, ParseOutcome } from './model';
import { deepFreeze } from './freeze';
import { Problems } from './problems';
import { validateEvents } from './validate-events';
import { validateExpressions } from './validate-expressions';
import { validateStructure } from './validate-structure';
import { validateTasks } from './validate-tasks';

function describe(error: unknown): string {
  const message =
    error instanceof Error || (error && typeof error === 'object' && 'message' in error)
      ? String((error as { message: unknown }).message)
      : String(error);
  const line = /line: (\d+)/.exec(message);
  const column = /column: (\d+)/.exec(message);
  const nested = /nested error: (.*)$/m.exec(message);
  const head = message.split('\n')[0].trim();
  const where = line ? ` (line ${Number(line[1]) + 1}${column ? `, column ${Number(column[1]) + 1}` : ''})` : '';
  return `${head}${nested ? `: ${nested[1]}` : ''}${where}`;
}

/**
 * Turns a deployed BPMN resource into immutable executable processes, or refuses it with
 * every problem found (element id + reason), the way Zeebe refuses a deployment.
 */
export async function parseBpmn(xml: string, resourceName: string): Promise<ParseOutcome> {
  const problems = new Problems();
  let parsed: ModdleParseResult;
  try {
    parsed = await readBpmnXml(xml);
  } catch (error) {
    problems.general(`'${resourceName}' is not a readable BPMN 2.0 XML file: ${describe(error)}`);
    return { ok: false, problems: problems.list() };
  }
  const definitions: ModdleElement = parsed.rootElement;
  if (!definitions || !isA(definitions, 'bpmn:Definitions')) {
    problems.general(`'${resourceName}' is not a BPMN 2.0 file: the root element must be bpmn:definitions`);
    return { ok: false, problems: problems.list() };
  }
  reportWarnings(xml, parsed.warnings ?? [], problems);

  const rawProcesses = list(definitions, 'rootElements').filter((r) => r.$type === 'bpmn:Process');
  const executable = rawProcesses.filter((p) => p.isExecutable === true);
  if (executable.length === 0) {
    const ids = rawProcesses.map((p) => `'${str(p, 'id') ?? '?'}'`).join(', ');
    problems.general(
      rawProcesses.length === 0
        ? `'${resourceName}' contains no process`
        : `'${resourceName}' contains no executable process (isExecutable="true" is missing on ${ids})`,
    );
  }

  const processes: ExecutableProcess[] = [];
  for (const raw of executable) {
    const draft = extractProcess(raw, resourceName, problems);
    validateStructure(draft, problems);
    validateEvents(draft, problems);
    validateTasks(draft, problems);
    validateExpressions(draft, problems);
    processes.push(draft.process);
  }
  if (problems.count > 0) return { ok: false, problems: problems.list() };
  return { ok: true, processes: processes.map(deepFreeze) };
}
