import { parseCheck } from '@brobygger/feel';
import type { ProcessDraft } from './extract-process';
import type { ExecutableElement } from './model';
import type { Problems } from './problems';

/**
 * How an attribute may be written (Zeebe's runtime validators):
 * - 'optional'  static value or '=FEEL'
 * - 'feel'      must be '=FEEL' (a static value is refused, e.g. correlation keys, conditions)
 */
type Rule = 'optional' | 'feel';

interface Check {
  elementId: string;
  what: string;
  value: string | undefined;
  rule: Rule;
}

function checksFor(el: ExecutableElement): Check[] {
  const c = (what: string, value: string | undefined, rule: Rule = 'optional'): Check => ({
    elementId: el.id,
    what,
    value,
    rule,
  });
  const out: Check[] = [];
  if (el.taskDefinition) out.push(c('job type', el.taskDefinition.type), c('job retries', el.taskDefinition.retries));
  for (const m of el.inputs) out.push(c(`input mapping source for '${m.target}'`, m.source));
  for (const m of el.outputs) out.push(c(`output mapping source for '${m.target}'`, m.source, 'feel'));
  const def = el.eventDefinition;
  if (def?.type === 'message') {
    out.push(c('message name', def.messageName));
    if (def.correlationKey !== undefined) out.push(c('correlation key', def.correlationKey, 'feel'));
  }
  if (def?.type === 'signal') out.push(c('signal name', def.signalName));
  if (def?.type === 'timer') out.push(c('timer', def.timeDuration ?? def.timeDate ?? def.timeCycle));
  if (def?.type === 'error') out.push(c('error code', def.errorCode));
  if (def?.type === 'escalation') out.push(c('escalation code', def.escalationCode));
  if (el.calledElement) out.push(c('called process id', el.calledElement.processId));
  if (el.calledDecision) out.push(c('decision id', el.calledDecision.decisionId));
  if (el.script?.expression !== undefined) out.push(c('script expression', el.script.expression, 'feel'));
  if (el.jobPriority !== undefined) out.push(c('job priority', el.jobPriority));
  const u = el.userTask;
  if (u) {
    out.push(
      c('assignee', u.assignee),
      c('candidate groups', u.candidateGroups),
      c('candidate users', u.candidateUsers),
    );
    out.push(c('due date', u.dueDate), c('follow-up date', u.followUpDate), c('priority', u.priority));
    out.push(c('external form reference', u.externalReference));
  }
  const mi = el.multiInstance;
  if (mi) {
    if (mi.inputCollection) out.push(c('multi-instance inputCollection', mi.inputCollection, 'feel'));
    if (mi.outputElement !== undefined) out.push(c('multi-instance outputElement', mi.outputElement, 'feel'));
    out.push(c('multi-instance completionCondition', mi.completionCondition));
  }
  for (const l of el.executionListeners)
    out.push(c('execution listener type', l.type), c('execution listener retries', l.retries));
  return out.filter((x) => x.value !== undefined && x.value !== '');
}

function run(check: Check, problems: Problems): void {
  const value = (check.value ?? '').trim();
  if (!value.startsWith('=')) {
    if (check.rule === 'feel') {
      problems.element(
        check.elementId,
        `${check.what}: expected an expression but found the static value '${value}'; an expression must start with '=' (e.g. '=${value}')`,
      );
    }
    return;
  }
  reportFeel(check.elementId, check.what, value.slice(1), problems);
}

function reportFeel(elementId: string, what: string, expression: string, problems: Problems): void {
  if (expression.trim() === '') {
    problems.element(elementId, `${what}: the expression after '=' is empty`);
    return;
  }
  const result = parseCheck(expression);
  if (!result.ok)
    problems.element(elementId, `${what}: invalid FEEL expression '${expression.trim()}': ${result.message}`);
}

/** Every FEEL expression in the process must at least parse; evaluation happens at runtime. */
export function validateExpressions(d: ProcessDraft, problems: Problems): void {
  for (const el of Object.values(d.process.elements)) {
    for (const check of checksFor(el)) run(check, problems);
  }
  for (const flow of Object.values(d.process.flows)) {
    if (flow.condition === undefined) continue;
    const raw = d.rawFlows.get(flow.id)?.raw;
    const written = (raw?.conditionExpression as { body?: unknown } | undefined)?.body;
    const text = typeof written === 'string' ? written.trim() : '';
    if (!text.startsWith('=')) {
      problems.element(
        flow.id,
        `condition: expected an expression but found the static value '${text}'; an expression must start with '=' (e.g. '=${text}')`,
      );
      continue;
    }
    reportFeel(flow.id, 'condition', flow.condition, problems);
  }
}
