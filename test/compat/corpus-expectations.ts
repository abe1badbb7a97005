import * as fs from 'fs';
import * as path from 'path';
import type { RunResult } from './corpus-run';

/**
 * What Camunda 8 (Zeebe 8.8) does with the corpus files, and where the embedded engine knowingly
 * differs. Sources: the corpus's tool/expectations.json (outcomes asserted by upstream tests),
 * Zeebe's documented deploy-time validation rules, and, for runs, reading each process.
 */

export type Outcome = 'ran-to-end' | 'waits' | 'refused-as-zeebe' | 'form-deployed' | 'DIFFERENCE';

export interface ZeebeDeploy {
  accepts: boolean;
  reason?: string;
  source: 'upstream test' | 'Zeebe rule' | 'default';
}

export interface CorpusFileResult {
  file: string;
  type: 'bpmn' | 'form';
  zeebe: ZeebeDeploy;
  deploy: { accepted: boolean; processIds?: string[]; code?: number; message?: string };
  runs?: RunResult[];
  outcome: Outcome;
  /** For 'waits': where and why Zeebe stops there too; for a DIFFERENCE: what differs. */
  detail?: string;
  difference?: KnownDifference;
}

export interface CorpusSummary {
  generatedAt: string;
  corpus: string;
  files: CorpusFileResult[];
}

export interface KnownDifference {
  kind: 'gap' | 'deliberate';
  reason: string;
}

/** Files Zeebe refuses by its documented deploy-time rules (no upstream test asserts these). */
const NO_TASK_DEFINITION =
  'a service-like task without zeebe:taskDefinition: Zeebe refuses it ("Must have exactly one \'zeebe:taskDefinition\' extension element"); the file is a connector-runtime unit-test input, not a deployable process';
const STATIC_OUTPUT_SOURCE =
  "Zeebe 0.x JSONPath mappings: Zeebe 8 refuses a static output mapping source (\"Expected expression but found static value '$.foo'. An expression must start with '=' (e.g. '=$.foo').\")";
const ZEEBE_RULE_REFUSALS: Record<string, string> = {
  'zeebe-node/testdata/BpmnParser.bpmn':
    "text ('0ex') inside bpmn:extensionElements, whose content is element-only in the BPMN XSD: Zeebe's model API validates the XML against the schema and refuses it",
  'zeebe-monorepo/go-client/zbctl/demo-process.bpmn': STATIC_OUTPUT_SOURCE,
  'zeebe-monorepo/go-client/zbctl/another-demo-process.bpmn': STATIC_OUTPUT_SOURCE,
  'connector-runtime/outbound-multiple-tasks-with-secrets.bpmn': NO_TASK_DEFINITION,
  'connector-runtime/outbound-no-secrets.bpmn': NO_TASK_DEFINITION,
  'connector-runtime/outbound-no-template.bpmn': NO_TASK_DEFINITION,
  'connector-runtime/outbound-task-types.bpmn': NO_TASK_DEFINITION,
  'connector-runtime/outbound-with-secrets.bpmn': NO_TASK_DEFINITION,
  'camunda-8-benchmark/test/test_job_type_prediction.bpmn':
    "service task 'task4' has no zeebe:taskDefinition: Zeebe refuses it (\"Must have exactly one 'zeebe:taskDefinition' extension element\")",
};

/**
 * Runs that do not end on Camunda 8 either with generic workers (no variables): where the
 * instance stops and why. Key: `file#processId`. A run that is not listed must complete.
 */
const CORRELATION_KEY = (expression: string) =>
  `the correlation key '${expression}' reads a variable the generic run does not provide: Zeebe raises the same EXTRACT_VALUE_ERROR incident (a correlation key must be a string or a number, not null)`;
const CONDITION_ON = (variable: string) =>
  `the conditions compare '${variable}', which the generic run does not provide, so none is true and there is no default flow: Zeebe raises the same CONDITION_ERROR incident`;
const CAMUNDA_USER_TASK =
  'a Camunda user task (zeebe:userTask) is not a job on Camunda 8: it waits for Tasklist / the REST API to complete it';

export interface ZeebeRunStop {
  /** Where the instance stops (active elements and incident elements); omitted for endless loops. */
  at?: string[];
  incident?: boolean;
  /** The process loops by design: it never ends, with or without workers. */
  loops?: boolean;
  why: string;
}

export const ZEEBE_RUN_STOPS: Record<string, ZeebeRunStop> = {
  'zeebe-node/example/connector_test.bpmn#connectortest1': {
    loops: true,
    why: 'the process loops by design (task, 10 s timer, task, timer, back to the gateway): on Camunda 8 it never ends either',
  },
  'zeebe-process-test/qa/looping-servicetask.bpmn#looping-servicetask': {
    loops: true,
    why: "the loop condition 'loopAmount != totalLoops' stays true while totalLoops is not provided (x != null is true in FEEL): on Camunda 8 it loops for ever too",
  },
  'zeebe-node/example/test.bpmn#test-process': {
    at: ['ExclusiveGateway_0wne7eb'],
    incident: true,
    why: CORRELATION_KEY('=uniqueId'),
  },
  'zeebe-node/testdata/Client-DeployWorkflow.bpmn#test-process': {
    at: ['ExclusiveGateway_0wne7eb'],
    incident: true,
    why: CORRELATION_KEY('=uniqueId'),
  },
  'zeebe-node/testdata/Worker-Failure1.bpmn#worker-failure': {
    at: ['ExclusiveGateway_11b1kdc'],
    incident: true,
    why: CONDITION_ON('conditionVariable'),
  },
  'zeebe-node/testdata/Worker-Failure2.bpmn#worker-failure2': {
    at: ['IntermediateCatchEvent_1smhq9d'],
    incident: true,
    why: CORRELATION_KEY('=none'),
  },
  'zeebe-node/testdata/Worker-Failure3.bpmn#worker-failure3': {
    at: ['IntermediateCatchEvent_1smhq9d'],
    incident: true,
    why: CORRELATION_KEY('=none'),
  },
  'zeebe-node/testdata/Worker-LongPoll.bpmn#long-poll': {
    at: ['IntermediateCatchEvent_1smhq9d'],
    incident: true,
    why: CORRELATION_KEY('=none'),
  },
  'zeebe-node/testdata/Worker-RaiseIncident.bpmn#raise-incident': {
    at: ['ExclusiveGateway_11b1kdc'],
    incident: true,
    why: CONDITION_ON('conditionVariable'),
  },
  'zeebe-node/testdata/conditional-pathway.bpmn#condition-test': {
    at: ['ExclusiveGateway_11b1kdc'],
    incident: true,
    why: CONDITION_ON('conditionVariable'),
  },
  'camunda8-sdk/testdata/Worker-Failure-Backoff.bpmn#worker-failure-backoff': {
    at: ['ExclusiveGateway_11b1kdc'],
    incident: true,
    why: CONDITION_ON('conditionVariable'),
  },
  'camunda8-sdk/testdata/conditional-pathway-10c.bpmn#condition-test-10c': {
    at: ['ExclusiveGateway_11b1kdc'],
    incident: true,
    why: CONDITION_ON('conditionVariable'),
  },
  'camunda8-sdk/testdata/conditional-pathway-wi.bpmn#condition-test-wi': {
    at: ['ExclusiveGateway_11b1kdc'],
    incident: true,
    why: CONDITION_ON('conditionVariable'),
  },
  'camunda8-sdk/testdata/message-correlation-test.bpmn#message-correlation-test': {
    at: ['Event_11031ys'],
    incident: true,
    why: CORRELATION_KEY('=orderId'),
  },
  'camunda8-sdk/testdata/rest-message-test.bpmn#rest-message-test': {
    at: ['Event_02hfae1'],
    incident: true,
    why: CORRELATION_KEY('=correlationId'),
  },
  'zeebe-process-test/examples/pr-created.bpmn#prCreatedProcess': {
    at: ['Gateway_1wymgxc'],
    incident: true,
    why: CORRELATION_KEY('= prId'),
  },
  'zeebe-process-test/qa/message-event.bpmn#message-event': {
    at: ['Event_1qemgo0'],
    incident: true,
    why: CORRELATION_KEY('= correlationKey'),
  },
  'connector-runtime/single-kafka-consumer-subprocess.bpmn#kafka-consumer-subprocess': {
    at: ['Gateway_1w4dq6i'],
    incident: true,
    why: CORRELATION_KEY('=myCorrKey'),
  },
  'connector-runtime/single-webhook-boundary.bpmn#BoundaryEventTest': {
    at: ['Activity_0d39mr2'],
    incident: true,
    why: CORRELATION_KEY('=myCorrKey'),
  },
  'connector-runtime/single-webhook-subprocess.bpmn#subprocess_webhook': {
    at: ['Gateway_1w4dq6i'],
    incident: true,
    why: CORRELATION_KEY('=myCorrKey'),
  },
  'zeebe-simple-monitor/ship-parcel.bpmn#ship-parcel': {
    at: ['ExclusiveGateway_0zlm4ir'],
    incident: true,
    why: "the condition 'totalPrice > 100' reads a variable the generic run does not provide: null > 100 is not a boolean, so Zeebe raises the same CONDITION_ERROR incident",
  },
  'camunda-8-benchmark/bpmn/complex_process.bpmn#benchmark-complex': {
    at: ['Activity_1ab9tjw'],
    incident: true,
    why: "the multi-instance input collection '=list' is a variable the generic run does not provide: Zeebe raises the same EXTRACT_VALUE_ERROR incident",
  },
  'camunda-8-benchmark/bpmn/msg_process.bpmn#order_process': {
    at: ['orderItem'],
    incident: true,
    why: CORRELATION_KEY('=orderId'),
  },
  'camunda-8-benchmark/bpmn/typical_process.bpmn#benchmark': {
    at: ['task1'],
    incident: true,
    why: 'the job type \'="benchmark-task-" + benchmark_starter_id\' needs a variable the generic run does not provide: Zeebe raises the same EXTRACT_VALUE_ERROR incident',
  },
  'camunda-8-benchmark/bpmn/typical_process_10_jobtypes.bpmn#benchmark_10_jobtypes': {
    at: ['Gateway_09jrxib'],
    incident: true,
    why: CONDITION_ON('var2'),
  },
  'flowing-retail/kafka-order-zeebe/order-kafka.bpmn#order-kafka': {
    at: ['IntermediateThrowEvent_1531zpf'],
    incident: true,
    why: CORRELATION_KEY('=CorrelationId_RetrievePayment'),
  },
  'camunda8-sdk/testdata/completeUserTask-rest-test-process.bpmn#completeUserTask-rest-test-process': {
    at: ['Activity_1nhbuqp'],
    why: CAMUNDA_USER_TASK,
  },
  'camunda8-sdk/testdata/test-tasks-query.bpmn#test-tasks-query': { at: ['Activity_1nouls1'], why: CAMUNDA_USER_TASK },
  'camunda8-sdk/testdata/zeebe-user-task.bpmn#zeebe-user-task-test': {
    at: ['Activity_1d6heog'],
    why: CAMUNDA_USER_TASK,
  },
};

/** Every file where the embedded engine differs from Camunda 8, with the reason. */
const CAMUNDA_USER_TASK_AS_JOB: KnownDifference = {
  kind: 'deliberate',
  reason:
    'ADR 0004: until the user-task REST API exists (issue 11), a Camunda user task (zeebe:userTask) becomes a job of type io.camunda.zeebe:userTask, so a job worker completes it; on Camunda 8 it is not a job and the instance waits for Tasklist / the REST API',
};

export const KNOWN_DIFFERENCES: Record<string, KnownDifference> = {
  'camunda8-sdk/testdata/completeUserTask-rest-test-process.bpmn': CAMUNDA_USER_TASK_AS_JOB,
  'camunda8-sdk/testdata/test-tasks-query.bpmn': CAMUNDA_USER_TASK_AS_JOB,
  'camunda8-sdk/testdata/zeebe-user-task.bpmn': CAMUNDA_USER_TASK_AS_JOB,
  'camunda-8-tutorials/bank-ai-loan-approval/AI-Email-Support-Agent.bpmn': {
    kind: 'gap',
    reason:
      "ad-hoc sub-processes (bpmn:adHocSubProcess, Camunda 8.7+; here the AI agent's tool box) are not executed by the embedded engine; the deployment is refused naming the element 'Activity_04glkkx'",
  },
  'camunda-8-benchmark/bpmn/complex_subprocess.bpmn': {
    kind: 'gap',
    reason:
      "business rule tasks that call a DMN decision (zeebe:calledDecision) need a DMN engine and decision deployment, which the embedded engine does not have; the deployment is refused naming the element 'Activity_0ehlkav'",
  },
};

type Upstream = { zeebe?: string; import?: string; message?: string; note?: string; assertedBy?: string };
let upstream: Record<string, Upstream> | undefined;

function upstreamExpectations(corpus: string) {
  if (!upstream) {
    upstream = JSON.parse(fs.readFileSync(path.join(corpus, 'tool/expectations.json'), 'utf8')) as Record<
      string,
      Upstream
    >;
  }
  return upstream;
}

export function zeebeDeployExpectation(file: string, type: 'bpmn' | 'form', corpus: string): ZeebeDeploy {
  const asserted = upstreamExpectations(corpus)[file];
  if (asserted?.zeebe?.startsWith('rejected')) {
    return { accepts: false, reason: asserted.message, source: 'upstream test' };
  }
  if (asserted?.import === 'error' && type === 'bpmn') {
    // Not readable as BPMN XML at all (a truncated or empty file): Zeebe refuses it as well.
    return {
      accepts: false,
      reason: `not well-formed XML: ${asserted.note ?? asserted.message}`,
      source: 'upstream test',
    };
  }
  const rule = ZEEBE_RULE_REFUSALS[file];
  if (rule) return { accepts: false, reason: rule, source: 'Zeebe rule' };
  return { accepts: true, source: 'default' };
}

function describeRun(run: RunResult): string {
  if (run.end === 'completed') return `${run.processId}: ran to the end`;
  if (run.end === 'not-started') return `${run.processId}: not started (${run.startedBy})`;
  const incidents = run.incidents.map((i) => `incident at ${i.elementId} (${i.errorType}: ${i.message})`);
  return `${run.processId}: waits at ${run.waitsAt.join(', ') || '(nothing)'}${incidents.length ? `; ${incidents.join('; ')}` : ''}`;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
}

/** Compares what the engine did with what Camunda 8 does; sets outcome and detail. */
export function classify(r: CorpusFileResult): void {
  r.difference = KNOWN_DIFFERENCES[r.file];
  if (!r.zeebe.accepts) {
    r.outcome = r.deploy.accepted ? 'DIFFERENCE' : 'refused-as-zeebe';
    r.detail = r.deploy.accepted ? `accepted, but Zeebe refuses it: ${r.zeebe.reason}` : r.zeebe.reason;
    return;
  }
  if (!r.deploy.accepted) {
    r.outcome = 'DIFFERENCE';
    r.detail = `refused, but Zeebe deploys it: ${r.deploy.message}`;
    return;
  }
  if (r.type === 'form') {
    r.outcome = 'form-deployed';
    return;
  }
  const mismatches: string[] = [];
  const stops: string[] = [];
  for (const run of r.runs ?? []) {
    const expected = ZEEBE_RUN_STOPS[`${r.file}#${run.processId}`];
    if (!expected) {
      if (run.end !== 'completed') mismatches.push(`${describeRun(run)}, but on Camunda 8 it ends`);
      continue;
    }
    const ok = expected.loops
      ? run.end === 'waiting' && run.actions.length > 0
      : run.end !== 'completed' &&
        run.end !== 'not-started' &&
        sameSet(run.waitsAt, expected.at ?? []) &&
        (run.end === 'incident') === (expected.incident === true);
    const where = expected.loops ? 'loops for ever' : `stops at ${(expected.at ?? []).join(', ')}`;
    if (ok)
      stops.push(
        `${expected.loops ? `${run.processId}: loops (stopped after ${run.actions.length} steps)` : describeRun(run)} — as on Camunda 8: ${expected.why}`,
      );
    else mismatches.push(`${describeRun(run)}, but on Camunda 8 it ${where} (${expected.why})`);
  }
  if (mismatches.length > 0) {
    r.outcome = 'DIFFERENCE';
    r.detail = mismatches.join(' / ');
  } else if (stops.length > 0) {
    r.outcome = 'waits';
    r.detail = stops.join(' / ');
  } else {
    r.outcome = 'ran-to-end';
  }
}
